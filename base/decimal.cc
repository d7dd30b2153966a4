#include "base/decimal.h"

#include <algorithm>

namespace budgetdoc {
namespace {

constexpr int kMaxIntDigits = 15;
constexpr int kMaxFracDigits = 8;

__int128 Pow10(int n) {
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Divides num by den (den > 0) rounding per mode.
__int128 DivRound(__int128 num, __int128 den, RoundingMode mode) {
  __int128 q = num / den;
  __int128 r = num % den;
  if (r == 0) return q;
  bool negative = num < 0;
  __int128 abs_r = r < 0 ? -r : r;
  switch (mode) {
    case RoundingMode::kTruncate:
      return q;
    case RoundingMode::kFloor:
      return negative ? q - 1 : q;
    case RoundingMode::kCeiling:
      return negative ? q : q + 1;
    case RoundingMode::kHalfUp:
      if (2 * abs_r >= den) return negative ? q - 1 : q + 1;
      return q;
    case RoundingMode::kHalfEven:
      if (2 * abs_r > den || (2 * abs_r == den && (q % 2 != 0))) {
        return negative ? q - 1 : q + 1;
      }
      return q;
  }
  return q;
}

}  // namespace

Decimal Decimal::FromUnits(__int128 units, int scale) {
  Decimal d;
  d.set_units(units);
  d.scale_ = std::clamp(scale, 0, kMaxScale);
  return d;
}

Result<Decimal> Decimal::Parse(std::string_view text) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return Status::InvalidArgument("empty number");
  __int128 units = 0;
  int int_digits = 0, frac_digits = 0;
  bool in_fraction = false, any_digit = false;
  char prev = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (in_fraction) {
        if (++frac_digits > kMaxFracDigits) {
          return Status::InvalidArgument("too many decimals in '" +
                                         std::string(text) + "'");
        }
      } else if (int_digits > 0 || c != '0') {
        if (++int_digits > kMaxIntDigits) {
          return Status::InvalidArgument("number too large: '" +
                                         std::string(text) + "'");
        }
      }
      units = units * 10 + (c - '0');
      any_digit = true;
    } else if (c == ',' && !in_fraction && any_digit) {
      // group separator
    } else if (c == '.' && !in_fraction) {
      in_fraction = true;
    } else {
      return Status::InvalidArgument("not a number: '" + std::string(text) +
                                     "'");
    }
    prev = c;
  }
  if (!any_digit || prev == ',' || prev == '.') {
    return Status::InvalidArgument("not a number: '" + std::string(text) + "'");
  }
  return FromUnits(negative ? -units : units, frac_digits);
}

Decimal Decimal::WithScale(int scale) const {
  if (scale <= scale_) return *this;
  return FromUnits(units() * Pow10(scale - scale_), scale);
}

Decimal Decimal::Round(int scale, RoundingMode mode) const {
  scale = std::clamp(scale, 0, kMaxScale);
  if (scale >= scale_) return WithScale(scale);
  return FromUnits(DivRound(units(), Pow10(scale_ - scale), mode), scale);
}

std::optional<Decimal> Decimal::ShiftPow10(int n) const {
  // value * 10^n: lower the scale when possible, else multiply units.
  int new_scale = scale_ - n;
  if (new_scale > kMaxScale) return std::nullopt;
  if (new_scale >= 0) return FromUnits(units(), new_scale);
  __int128 out;
  if (__builtin_mul_overflow(units(), Pow10(-new_scale), &out)) {
    return std::nullopt;
  }
  return FromUnits(out, 0);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  int s = std::max(a.scale_, b.scale_);
  return Decimal::FromUnits(a.WithScale(s).units() + b.WithScale(s).units(), s);
}

Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }

std::optional<Decimal> Decimal::Multiply(const Decimal& a, const Decimal& b) {
  int s = a.scale_ + b.scale_;
  if (s > kMaxScale) return std::nullopt;
  __int128 out;
  if (__builtin_mul_overflow(a.units(), b.units(), &out)) return std::nullopt;
  return FromUnits(out, s);
}

std::optional<Decimal> Decimal::Divide(const Decimal& a, const Decimal& b,
                                       int scale, RoundingMode mode) {
  if (b.units() == 0) return std::nullopt;
  scale = std::clamp(scale, 0, kMaxScale);
  // a/b = (ua * 10^-sa) / (ub * 10^-sb); result units at `scale`:
  // ua * 10^(scale + sb - sa) / ub.
  int shift = scale + b.scale_ - a.scale_;
  __int128 num = a.units();
  __int128 den = b.units();
  if (shift >= 0) {
    if (__builtin_mul_overflow(num, Pow10(shift), &num)) return std::nullopt;
  } else {
    if (__builtin_mul_overflow(den, Pow10(-shift), &den)) return std::nullopt;
  }
  if (den < 0) {
    den = -den;
    num = -num;
  }
  return FromUnits(DivRound(num, den, mode), scale);
}

int Decimal::Compare(const Decimal& a, const Decimal& b) {
  int s = std::max(a.scale_, b.scale_);
  __int128 x = a.WithScale(s).units(), y = b.WithScale(s).units();
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::string Decimal::ToString() const {
  __int128 u = units() < 0 ? -units() : units();
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  } while (u > 0);
  while (static_cast<int>(digits.size()) <= scale_) digits.push_back('0');
  std::string out;
  if (units() < 0) out.push_back('-');
  for (int i = static_cast<int>(digits.size()) - 1; i >= 0; --i) {
    out.push_back(digits[i]);
    if (i == scale_ && scale_ > 0) out.push_back('.');
  }
  return out;
}

}  // namespace budgetdoc
