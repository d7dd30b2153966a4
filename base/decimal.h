// Decimal: an exact fixed-point number that remembers the scale it was printed
// with ("691.5" has scale 1, "1889.05" scale 2, "43" scale 0). Money never
// passes through double: parse, add, subtract, compare, multiply and divide
// with explicit rounding all work on a 128-bit integer of units.
// Comparison is by value (691.5 == 691.50); ToString keeps the scale.
// Parse accepts at most 15 integer and 8 fractional digits, so no sum of
// parsed values can overflow. Value type: copyable, thread-compatible.
// Tested by tests/base/decimal_test.cc.
#ifndef BUDGETDOC_BASE_DECIMAL_H_
#define BUDGETDOC_BASE_DECIMAL_H_

#include "base/result.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace budgetdoc {

enum class RoundingMode {
  kHalfUp,    // away from zero on a tie (what Chinese reports use)
  kHalfEven,  // banker's rounding
  kTruncate,  // toward zero
  kFloor,     // toward -infinity
  kCeiling,   // toward +infinity
};

class Decimal {
 public:
  static constexpr int kMaxScale = 18;

  Decimal() = default;  // 0 with scale 0

  // units * 10^-scale. REQUIRES: 0 <= scale <= kMaxScale.
  static Decimal FromUnits(__int128 units, int scale);
  static Decimal FromInt(int64_t v) { return FromUnits(v, 0); }

  // Parses an ASCII number: optional sign (+, -), digits with optional ","
  // group separators, optional "." fraction. No exponent, no spaces.
  static Result<Decimal> Parse(std::string_view text);

  __int128 units() const {
    return static_cast<__int128>(
        (static_cast<unsigned __int128>(static_cast<uint64_t>(hi_)) << 64) |
        lo_);
  }
  int scale() const { return scale_; }
  int sign() const { return hi_ < 0 ? -1 : ((hi_ | lo_) != 0 ? 1 : 0); }
  bool is_zero() const { return hi_ == 0 && lo_ == 0; }

  // Same value at a larger scale (exact). REQUIRES: scale >= this->scale().
  Decimal WithScale(int scale) const;
  // Rounded to `scale` decimals (may also increase the scale exactly).
  Decimal Round(int scale, RoundingMode mode) const;
  // Value multiplied by 10^n (n may be negative); exact, adjusts the scale.
  // Returns nullopt if the resulting scale is out of range.
  std::optional<Decimal> ShiftPow10(int n) const;

  Decimal Abs() const {
    return FromUnits(sign() < 0 ? -units() : units(), scale_);
  }
  Decimal operator-() const { return FromUnits(-units(), scale_); }
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  // Exact product (scale = sum of scales); nullopt on overflow or scale > max.
  static std::optional<Decimal> Multiply(const Decimal& a, const Decimal& b);
  // a / b rounded to `scale` decimals; nullopt when b is zero or on overflow.
  static std::optional<Decimal> Divide(const Decimal& a, const Decimal& b,
                                       int scale, RoundingMode mode);

  friend bool operator==(const Decimal& a, const Decimal& b) {
    return Compare(a, b) == 0;
  }
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    int c = Compare(a, b);
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater
                          : std::strong_ordering::equal);
  }
  static int Compare(const Decimal& a, const Decimal& b);

  // Plain form with exactly scale() decimals: "-3.41", "691.5", "0".
  std::string ToString() const;

 private:
  // The units in two halves: 8-byte alignment keeps a Decimal at 24 bytes
  // (an __int128 member would make it 32), and facts hold several.
  void set_units(__int128 u) {
    lo_ = static_cast<uint64_t>(u);
    hi_ = static_cast<int64_t>(u >> 64);
  }
  uint64_t lo_ = 0;
  int64_t hi_ = 0;
  int scale_ = 0;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_BASE_DECIMAL_H_
