#include "check/judge.h"

#include <algorithm>
#include <set>

namespace budgetdoc {

std::string_view OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kPass:
      return "pass";
    case Outcome::kRounding:
      return "rounding";
    case Outcome::kFail:
      return "fail";
    case Outcome::kNotApplicable:
      return "not_applicable";
    case Outcome::kNotChecked:
      return "not_checked";
  }
  return "not_checked";
}

namespace {

Judgment Compare(const Decimal& printed, const Decimal& expected,
                 const Decimal& tolerance) {
  Judgment j;
  j.printed = printed;
  j.expected = expected;
  j.difference = printed - expected;
  j.tolerance = tolerance;
  if (j.difference.is_zero()) {
    j.outcome = Outcome::kPass;
  } else if (j.difference.Abs() <= tolerance) {
    j.outcome = Outcome::kRounding;
  } else {
    j.outcome = Outcome::kFail;
  }
  return j;
}

}  // namespace

Judgment JudgeSum(const Term& total, const std::vector<Term>& parts) {
  Decimal sum, tol = total.half;
  for (const Term& t : parts) {
    sum = sum + t.value;
    tol = tol + t.half;
  }
  return Compare(total.value, sum, tol);
}

Judgment JudgeSumAtMost(const Term& total, const std::vector<Term>& parts) {
  Judgment j = JudgeSum(total, parts);
  // Parts falling short of the total is fine for a partial list.
  if (j.outcome != Outcome::kPass && j.difference.sign() > 0) {
    j.outcome = Outcome::kPass;
    j.hint = "partial list";
  }
  return j;
}

Judgment JudgeEqual(const Term& a, const Term& b) {
  return Compare(a.value, b.value, a.half + b.half);
}

Judgment JudgeRatio(const Decimal& printed_pct, int pct_scale, const Term& a,
                    const Term& b) {
  Judgment j;
  j.printed = printed_pct;
  const Decimal hundred = Decimal::FromInt(100);
  std::optional<Decimal> a100 = Decimal::Multiply(a.value, hundred);
  std::optional<Decimal> exact =
      a100 ? Decimal::Divide(*a100, b.value, pct_scale, RoundingMode::kHalfUp)
           : std::nullopt;
  if (!exact) {
    j.outcome = Outcome::kNotChecked;
    j.hint = "division by zero";
    return j;
  }
  j.expected = *exact;
  j.difference = printed_pct - *exact;
  j.tolerance = HalfUnit(pct_scale);
  if (j.difference.is_zero()) {
    j.outcome = Outcome::kPass;
    return j;
  }
  std::optional<Interval> range =
      Percent(a.AsInterval(), b.AsInterval(), pct_scale + 6);
  if (range && range->Widened(HalfUnit(pct_scale)).Contains(printed_pct)) {
    j.outcome = Outcome::kRounding;
    // Reported as the reach of rounding around the recomputed value.
    Decimal reach =
        std::max((range->hi - *exact).Abs(), (*exact - range->lo).Abs()) +
        HalfUnit(pct_scale);
    j.tolerance = reach.Round(pct_scale + 2, RoundingMode::kCeiling);
  } else {
    j.outcome = Outcome::kFail;
  }
  std::optional<Decimal> trunc =
      a100 ? Decimal::Divide(*a100, b.value, pct_scale, RoundingMode::kTruncate)
           : std::nullopt;
  if (j.outcome == Outcome::kFail && trunc && *trunc == printed_pct)
    j.hint = "truncation";
  return j;
}

Judgment JudgeSharesSum(const std::vector<Decimal>& shares) {
  Decimal sum, tol;
  int nonzero = 0;
  std::set<int> scales;
  for (const Decimal& s : shares) {
    sum = sum + s;
    if (s.is_zero()) continue;
    ++nonzero;
    tol = tol + HalfUnit(s.scale());
    scales.insert(s.scale());
  }
  Judgment j = Compare(sum, Decimal::FromInt(100), tol);
  if (nonzero == 2 && scales.size() == 1 && j.outcome == Outcome::kRounding) {
    // round(s) + round(100 - s) is 100, or 100 + q on an exact tie, when
    // both are printed to the same q.
    Decimal q = Decimal::FromUnits(1, *scales.begin());
    if (j.difference != q) {
      j.outcome = Outcome::kFail;
      j.hint = "two complementary shares cannot sum to " + sum.ToString() +
               " under round-half-up: one of them is truncated";
    }
  }
  return j;
}

}  // namespace budgetdoc
