// Interval arithmetic over exact decimals, in the spirit of XBRL
// Calculations 1.1: a printed number stands for every value that rounds to
// it, [v - h, v + h] with h half a unit of its last printed digit. Sums add
// intervals; ratios divide them (with outward rounding, so the true ratio
// is always inside). Value types. Tested by tests/check/interval_test.cc.
#ifndef BUDGETDOC_CHECK_INTERVAL_H_
#define BUDGETDOC_CHECK_INTERVAL_H_

#include "base/decimal.h"

#include <optional>
#include <string>

namespace budgetdoc {

// Half a unit of the last digit at `scale`: 0.005 for scale 2.
Decimal HalfUnit(int scale);

struct Interval {
  Decimal lo, hi;

  static Interval Point(const Decimal& v) { return {v, v}; }
  static Interval Around(const Decimal& v, const Decimal& half) {
    return {v - half, v + half};
  }
  bool Contains(const Decimal& x) const { return lo <= x && x <= hi; }
  bool Overlaps(const Interval& o) const { return lo <= o.hi && o.lo <= hi; }
  Interval Widened(const Decimal& by) const { return {lo - by, hi + by}; }
  std::string ToString() const;  // "[1.995, 2.005]"
};

Interval operator+(const Interval& a, const Interval& b);
Interval operator-(const Interval& a, const Interval& b);

// a / b over all values of both intervals, with the bounds rounded outward
// at `scale` decimals. nullopt when b contains zero.
std::optional<Interval> Divide(const Interval& a, const Interval& b, int scale);

// 100 · a / b, as Divide but in percent.
std::optional<Interval> Percent(const Interval& a, const Interval& b,
                                int scale);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_INTERVAL_H_
