#include "check/judge.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

Decimal D(std::string_view s) { return *Decimal::Parse(s); }
Term T(std::string_view v, int scale = 2) { return {D(v), HalfUnit(scale)}; }

TEST(IntervalTest, DivisionRoundsOutwardSoTheTrueRatioIsInside) {
  std::optional<Interval> r =
      Percent(T("691.5").AsInterval(), T("1889.05").AsInterval(), 6);
  ASSERT_TRUE(r);
  // 100 · 691.5 / 1889.05 = 36.60570…
  EXPECT_TRUE(r->Contains(D("36.605700")));
  EXPECT_LT(r->lo, D("36.6057"));
  EXPECT_GT(r->hi, D("36.6058"));
  EXPECT_FALSE(Divide(T("1").AsInterval(), T("0.00").AsInterval(), 4));
}

TEST(JudgeSumTest, ExactRoundingAndFailing) {
  // 基本 1197.55 + 项目 691.5 = 1889.05 exactly.
  EXPECT_EQ(JudgeSum(T("1889.05"), {T("1197.55"), T("691.5")}).outcome,
            Outcome::kPass);
  // 1652.27 + 108.57 + 50.69 + 77.51 = 1889.04: one fen off, 5 terms.
  Judgment r = JudgeSum(T("1889.05"),
                        {T("1652.27"), T("108.57"), T("50.69"), T("77.51")});
  EXPECT_EQ(r.outcome, Outcome::kRounding);
  EXPECT_EQ(r.expected.ToString(), "1889.04");
  EXPECT_EQ(r.tolerance.ToString(), "0.025");
  // 2940.05 vs 2336.91 + 613.14: ten 万元 off.
  EXPECT_EQ(JudgeSum(T("2940.05"), {T("2336.91"), T("613.14")}).outcome,
            Outcome::kFail);
}

TEST(JudgeSumTest, PartialListsFailOnlyWhenPartsExceedTheTotal) {
  EXPECT_EQ(JudgeSumAtMost(T("100"), {T("30"), T("40")}).outcome,
            Outcome::kPass);
  EXPECT_EQ(JudgeSumAtMost(T("100"), {T("60"), T("50")}).outcome,
            Outcome::kFail);
}

TEST(JudgeRatioTest, TruncatedPercentagesFailWithAHint) {
  // 691.5 / 1889.05 = 36.6057% → 36.61; printed 36.6 (read as 36.60).
  Judgment j = JudgeRatio(D("36.6"), 2, T("691.5"), T("1889.05"));
  EXPECT_EQ(j.outcome, Outcome::kFail);
  EXPECT_EQ(j.expected.ToString(), "36.61");
  EXPECT_EQ(j.hint, "truncation");
  // 1197.55 / 1889.05 = 63.394% → 63.39.
  EXPECT_EQ(JudgeRatio(D("63.39"), 2, T("1197.55"), T("1889.05")).outcome,
            Outcome::kPass);
}

TEST(JudgeRatioTest, DifferencesThatRoundingCanExplainAreWarnings) {
  // 0.12 / 0.98 = 12.2449%; printed 12.25 is reachable: 0.125/0.9796 ≈ 12.76.
  EXPECT_EQ(JudgeRatio(D("12.25"), 2, T("0.12"), T("0.98")).outcome,
            Outcome::kRounding);
  // 0.12 / 0.98: 20% is unreachable.
  EXPECT_EQ(JudgeRatio(D("20"), 2, T("0.12"), T("0.98")).outcome,
            Outcome::kFail);
}

TEST(JudgeSharesSumTest, TwoComplementsSummingTo9999AreAnError) {
  Judgment j = JudgeSharesSum({D("63.39"), D("36.60"), D("0"), D("0")});
  EXPECT_EQ(j.outcome, Outcome::kFail);
  EXPECT_NE(j.hint.find("truncated"), std::string::npos);
  EXPECT_EQ(JudgeSharesSum({D("63.39"), D("36.61")}).outcome, Outcome::kPass);
  // Four nonzero shares summing to 100.01: rounding.
  EXPECT_EQ(
      JudgeSharesSum({D("87.47"), D("5.75"), D("2.68"), D("4.11")}).outcome,
      Outcome::kRounding);
  // 71.73 + 11.11 + 2.07 + 15.16 = 100.07: beyond 4 · 0.005.
  EXPECT_EQ(
      JudgeSharesSum({D("71.73"), D("11.11"), D("2.07"), D("15.16")}).outcome,
      Outcome::kFail);
}

TEST(JudgeSharesSumTest, EachShareErrsByHalfAUnitOfItsOwnPrintedPrecision) {
  // 63.39 (±0.005) + 36.6 (±0.05) = 99.99: inside 0.055, and two complements
  // printed to different precisions are not held to the tie rule.
  EXPECT_EQ(JudgeSharesSum({D("63.39"), D("36.6")}).outcome,
            Outcome::kRounding);
  // 20.65 + 55.3 + 24 = 99.95: inside 0.005 + 0.05 + 0.5.
  EXPECT_EQ(JudgeSharesSum({D("20.65"), D("55.3"), D("24")}).outcome,
            Outcome::kRounding);
  // 20.65 + 55.3 + 25 = 100.95: beyond 0.555.
  EXPECT_EQ(JudgeSharesSum({D("20.65"), D("55.3"), D("25")}).outcome,
            Outcome::kFail);
}

TEST(JudgeEqualTest, SamePrintedFigureAgreesWithinBothHalfUnits) {
  EXPECT_EQ(JudgeEqual(T("222.18"), T("222.18")).outcome, Outcome::kPass);
  // 213.28 万元 vs 2,132,777.54 元 = 213.277754 万元 (table half 0.0000005).
  Term table{D("213.277754"), D("0.0000005")};
  EXPECT_EQ(JudgeEqual(T("213.28"), table).outcome, Outcome::kRounding);
  EXPECT_EQ(JudgeEqual(T("257.14"), T("245.53")).outcome, Outcome::kFail);
}

}  // namespace
}  // namespace budgetdoc
