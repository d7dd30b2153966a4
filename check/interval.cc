#include "check/interval.h"

#include <algorithm>
#include <vector>

namespace budgetdoc {

Decimal HalfUnit(int scale) { return Decimal::FromUnits(5, scale + 1); }

std::string Interval::ToString() const {
  return "[" + lo.ToString() + ", " + hi.ToString() + "]";
}

Interval operator+(const Interval& a, const Interval& b) {
  return {a.lo + b.lo, a.hi + b.hi};
}

Interval operator-(const Interval& a, const Interval& b) {
  return {a.lo - b.hi, a.hi - b.lo};
}

std::optional<Interval> Divide(const Interval& a, const Interval& b,
                               int scale) {
  if (b.lo.sign() <= 0 && b.hi.sign() >= 0) return std::nullopt;
  std::optional<Decimal> lo, hi;
  for (const Decimal& x : {a.lo, a.hi}) {
    for (const Decimal& y : {b.lo, b.hi}) {
      std::optional<Decimal> down =
          Decimal::Divide(x, y, scale, RoundingMode::kFloor);
      std::optional<Decimal> up =
          Decimal::Divide(x, y, scale, RoundingMode::kCeiling);
      if (!down || !up) return std::nullopt;
      if (!lo || *down < *lo) lo = down;
      if (!hi || *up > *hi) hi = up;
    }
  }
  return Interval{*lo, *hi};
}

std::optional<Interval> Percent(const Interval& a, const Interval& b,
                                int scale) {
  std::optional<Decimal> lo = Decimal::Multiply(a.lo, Decimal::FromInt(100));
  std::optional<Decimal> hi = Decimal::Multiply(a.hi, Decimal::FromInt(100));
  if (!lo || !hi) return std::nullopt;
  return Divide(Interval{*lo, *hi}, b, scale);
}

}  // namespace budgetdoc
