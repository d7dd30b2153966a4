// Printed-rate coverage (check/coverage.h): every percentage printed in the
// text is judged by a rule, classified as not a checkable claim, or listed
// as not checked with its reason. Sentences we wrote.
#include "check/check.h"
#include "tests/testing/prose_report.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

MentionCoverage Coverage(const std::vector<std::string>& lines) {
  testing::ProseReport r = testing::ReadProse(lines);
  return RunChecks(r.nd, r.ex, CheckOptions{}).rates;
}

TEST(RateCoverageTest, AJudgedRateIsChecked) {
  MentionCoverage c =
      Coverage({"十、其他重要事项",
                "培训费支出1027.05万元，比上年增加27.05万元，增长"
                "2.7%。"});
  EXPECT_EQ(c.printed, 1u);
  EXPECT_EQ(c.checked, 1u);
  EXPECT_TRUE(c.unchecked.empty());
}

TEST(RateCoverageTest, ARateInAReasonIsNotACheckableClaim) {
  MentionCoverage c = Coverage(
      {"十、其他重要事项",
       "培训费支出1027.05万元，比上年增加27.05万元，增长2.7%，主要原因是按规定"
       "统一压减10%后调整了培训计划。"});
  EXPECT_EQ(c.printed, 2u);
  EXPECT_EQ(c.checked, 1u);
  EXPECT_EQ(c.not_claims, 1u);
  EXPECT_TRUE(c.unchecked.empty());
}

TEST(RateCoverageTest, ARateWhoseSubjectCannotBeToldIsListedWithItsReason) {
  MentionCoverage c =
      Coverage({"十、其他重要事项", "某某专项经费12.00万元，增长8.5%。"});
  EXPECT_EQ(c.printed, 1u);
  EXPECT_EQ(c.checked, 0u);
  ASSERT_EQ(c.unchecked.size(), 1u);
  EXPECT_EQ(c.unchecked[0].reason, "subject_unknown");
  EXPECT_EQ(c.unchecked[0].text, "8.5%");
  EXPECT_EQ(c.unchecked[0].quote, "某某专项经费12.00万元，增长8.5%。");
}

TEST(RateCoverageTest, PassesBeyondThePerRuleCapStillCountAsChecked) {
  std::vector<std::string> lines = {"十、其他重要事项"};
  for (int i = 0; i < 5; ++i)
    lines.push_back("培训费支出1027.05万元，比上年增加27.05万元，增长2.7%。");
  testing::ProseReport read = testing::ReadProse(lines);
  CheckOptions opts;
  opts.max_results_per_rule = 1;
  CheckReport r = RunChecks(read.nd, read.ex, opts);
  EXPECT_GT(r.dropped, 0u);
  EXPECT_EQ(r.rates.printed, 5u);
  EXPECT_EQ(r.rates.checked, 5u);
}

MentionCoverage Changes(const std::vector<std::string>& lines) {
  testing::ProseReport r = testing::ReadProse(lines);
  return RunChecks(r.nd, r.ex, CheckOptions{}).changes;
}

TEST(ChangeCoverageTest, AChangeRecomputedFromItsRateIsChecked) {
  MentionCoverage c = Changes({"十、其他重要事项",
                               "培训费支出1027.05万元，比上年增加27.05万元，"
                               "增长2.7%。"});
  EXPECT_EQ(c.printed, 1u);
  EXPECT_EQ(c.checked, 1u);
  EXPECT_TRUE(c.unchecked.empty());
}

TEST(ChangeCoverageTest, AChangeWithNothingToRecomputeItFromSaysSo) {
  MentionCoverage c = Changes(
      {"十、其他重要事项", "培训费支出1027.05万元，比上年增加27.05万元。"});
  EXPECT_EQ(c.printed, 1u);
  EXPECT_EQ(c.checked, 0u);
  ASSERT_EQ(c.unchecked.size(), 1u);
  EXPECT_EQ(c.unchecked[0].reason, "no_prior");
  EXPECT_EQ(c.unchecked[0].text, "27.05万元");
}

TEST(ChangeCoverageTest, AmountsThatAreNotChangesAreNotCounted) {
  MentionCoverage c = Changes(
      {"十、其他重要事项", "培训费支出1027.05万元，其中：会议费27.05万元。"});
  EXPECT_EQ(c.printed, 0u);
}

TEST(ChangeCoverageTest, AChangeInAReasonIsNotACheckableClaim) {
  MentionCoverage c = Changes(
      {"十、其他重要事项",
       "培训费支出1027.05万元，比上年增加27.05万元，增长2.7%，主要原因是新增"
       "干部轮训，增加12.00万元。"});
  EXPECT_EQ(c.printed, 2u);
  EXPECT_EQ(c.checked, 1u);
  EXPECT_EQ(c.not_claims, 1u);
}

}  // namespace
}  // namespace budgetdoc
