// Rounding-aware judgments (../shared/reference/domain.md §2.0). Every
// printed number carries half a unit of its last digit (at the precision
// judged for its document or table, not per token: "691.5" in a two-decimal
// report still means ±0.005). A judgment is exact (pass), explained by
// rounding (warning), or beyond any rounding (fail). Pure functions.
// Tested by tests/check/judge_test.cc.
#ifndef BUDGETDOC_CHECK_JUDGE_H_
#define BUDGETDOC_CHECK_JUDGE_H_

#include "base/decimal.h"
#include "check/interval.h"

#include <string>
#include <vector>

namespace budgetdoc {

enum class Outcome {
  kPass,           // holds exactly
  kRounding,       // off, but within what printed rounding allows (warning)
  kFail,           // off beyond any rounding (error)
  kNotApplicable,  // the rule does not apply to this report
  kNotChecked,     // could not be checked (missing data, unreadable page…)
};
std::string_view OutcomeName(Outcome o);

// A printed value in the unit of comparison, with its half unit there.
struct Term {
  Decimal value;
  Decimal half;

  Interval AsInterval() const { return Interval::Around(value, half); }
};

struct Judgment {
  Outcome outcome = Outcome::kNotChecked;
  Decimal expected;    // what the other side implies
  Decimal printed;     // what is printed
  Decimal difference;  // printed − expected
  Decimal tolerance;   // the rounding allowance used
  std::string hint;    // "truncation", "complements sum to 99.99", ...
};

// total = Σ parts. Pass when exact; rounding when |d| ≤ h_total + Σ h_i.
Judgment JudgeSum(const Term& total, const std::vector<Term>& parts);

// A partial list (主要包括…): fail only when Σ parts exceeds the total
// beyond rounding.
Judgment JudgeSumAtMost(const Term& total, const std::vector<Term>& parts);

// Two printings of the same figure agree.
Judgment JudgeEqual(const Term& a, const Term& b);

// printed_pct = 100·a/b, printed with pct_scale decimals (judged per
// document). Pass when round-half-up of the printed operands gives the
// printed value; rounding when the interval of 100·a/b over the operands'
// rounding intervals reaches it; fail otherwise, with hint "truncation"
// when the printed value equals the truncated ratio.
// REQUIRES: b.value != 0 (callers handle a zero base separately).
Judgment JudgeRatio(const Decimal& printed_pct, int pct_scale, const Term& a,
                    const Term& b);

// Shares of one complete breakdown sum to 100. Each share, rounded at its
// own printed precision q_i, errs by at most q_i/2: |Σ − 100| ≤ Σ q_i/2 is
// rounding, except that two nonzero complements printed to the same q can
// only sum to 100 (or 100 + q on a tie).
Judgment JudgeSharesSum(const std::vector<Decimal>& shares);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_JUDGE_H_
