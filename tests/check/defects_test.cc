// One finding per defect (check/defects.h): grouping of results that one
// wrong figure explains, of a slip repeated in one section, and the order a
// reader sees. Hand-built results pin the grouping rules; two whole-report
// cases pin what RunChecks does with real rules.
#include "check/defects.h"

#include "tests/testing/prose_report.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

Decimal D(std::string_view s) { return *Decimal::Parse(s); }

// A printed figure at byte span [b, e) of block `block`.
Evidence Figure(std::string label, std::string value, int block, int b, int e) {
  Evidence ev;
  ev.label = std::move(label);
  ev.value = std::move(value);
  ev.where.source = "t.txt";
  ev.where.block = block;
  ev.where.norm_begin = b;
  ev.where.norm_end = e;
  return ev;
}

CheckResult Failed(std::string rule, Verdict v, std::string printed,
                   std::string_view size_wan, std::vector<Evidence> ev) {
  CheckResult r;
  r.rule = std::move(rule);
  r.outcome = Outcome::kFail;
  r.verdict = v;
  r.severity = v == Verdict::kMaterial ? Severity::kError : Severity::kWarning;
  r.message = r.rule + " broken";
  r.printed = std::move(printed);
  r.size_wan = D(size_wan);
  r.size_rel = D("1");
  r.evidence = std::move(ev);
  return r;
}

std::vector<std::string> Rules(const CheckReport& r) {
  std::vector<std::string> out;
  for (const CheckResult& c : r.results) out.push_back(c.rule);
  return out;
}

using V = std::vector<std::string>;

TEST(DefectsTest, OneWrongFigureBreakingThreeIdentitiesIsOneFinding) {
  // 项目支出 printed 100.00 too high: the total, the shares and the change
  // all fail by the same 100万元, each naming the same printed figure.
  Evidence wrong = Figure("项目支出", "1644.10万元", 3, 40, 52);
  CheckReport report;
  report.results.push_back(
      Failed("sum.expenditure", Verdict::kMaterial, "2356.40万元", "100",
             {Figure("本年支出合计", "2356.40万元", 3, 10, 22), wrong}));
  report.results.push_back(
      Failed("change.amount", Verdict::kMaterial, "1644.10万元", "100.00",
             {wrong, Figure("上年", "1500万元", 3, 60, 68)}));
  report.results.push_back(
      Failed("agree.same_figure", Verdict::kMaterial, "1544.10万元", "99.99",
             {Figure("项目支出", "1544.10万元", 9, 0, 9), wrong}));
  GroupDefects(NormalizedDocument{}, &report);

  ASSERT_EQ(report.results.size(), 1u);
  const CheckResult& f = report.results[0];
  // The primary judges the wrong figure itself (its printed value).
  EXPECT_EQ(f.rule, "change.amount");
  ASSERT_EQ(f.also.size(), 2u);
  EXPECT_EQ(f.also[0].rule, "sum.expenditure");
  EXPECT_EQ(f.also[1].rule, "agree.same_figure");
  ASSERT_GE(f.suspect, 0);
  EXPECT_EQ(f.evidence[static_cast<size_t>(f.suspect)].value, "1644.10万元");
  // Every place stays readable, the shared figure once.
  EXPECT_EQ(f.evidence.size(), 4u);
}

TEST(DefectsTest, ResultsSharingAFigureButNotTheSizeStaySeparate) {
  Evidence shared = Figure("基本支出", "812.30万元", 2, 5, 15);
  CheckReport report;
  report.results.push_back(
      Failed("sum.expenditure", Verdict::kMaterial, "2356.40万元", "50",
             {Figure("合计", "2356.40万元", 2, 0, 4), shared}));
  report.results.push_back(
      Failed("change.amount", Verdict::kMaterial, "812.30万元", "3",
             {shared, Figure("上年", "800万元", 2, 30, 36)}));
  GroupDefects(NormalizedDocument{}, &report);
  EXPECT_EQ(Rules(report), (V{"sum.expenditure", "change.amount"}));
  EXPECT_TRUE(report.results[0].also.empty());
  EXPECT_EQ(report.results[0].suspect, -1);
}

TEST(DefectsTest, TwoSharesOfOneTotalAreTwoDefects) {
  // Both shares name the total they are shares of; neither judges it.
  Evidence total = Figure("本年支出合计", "21955.35万元", 6, 0, 12);
  CheckReport report;
  report.results.push_back(
      Failed("share.recompute", Verdict::kMinor, "63.75%", "2.2",
             {Figure("基本支出", "63.75%", 6, 30, 36), total}));
  report.results.push_back(
      Failed("share.truncated", Verdict::kMinor, "36.24%", "2.2",
             {Figure("项目支出", "36.24%", 6, 50, 56), total}));
  GroupDefects(NormalizedDocument{}, &report);
  EXPECT_EQ(report.results.size(), 2u);
}

TEST(DefectsTest, AFigurePrintedTwiceDifferentlyExplainsTheSumItBreaks) {
  // 公务接待费 0 in one place, 1.53 in another; the 三公 total 37.35 fails
  // by the same 1.53 on the 1.53. The comparison judges both figures.
  Evidence printed_once = Figure("公务接待费", "1.53万元", 2, 80, 88);
  CheckReport report;
  report.results.push_back(
      Failed("sum.three_public.total", Verdict::kMaterial, "37.35万元", "1.53",
             {Figure("三公经费", "37.35万元", 1, 0, 8), printed_once}));
  report.results.push_back(
      Failed("agree.repeat", Verdict::kMaterial, "0万元", "1.53",
             {Figure("公务接待费", "0万元", 5, 0, 4), printed_once}));
  GroupDefects(NormalizedDocument{}, &report);
  ASSERT_EQ(report.results.size(), 1u);
  EXPECT_EQ(report.results[0].rule, "agree.repeat");
  ASSERT_EQ(report.results[0].also.size(), 1u);
  EXPECT_EQ(report.results[0].also[0].rule, "sum.three_public.total");
}

TEST(DefectsTest, ResultsWithoutASizeAreNeverMergedByFigure) {
  Evidence shared = Figure("三公经费", "12.60万元", 1, 0, 8);
  CheckReport report;
  report.results.push_back(
      Failed("change.direction", Verdict::kMaterial, "", "0", {shared}));
  report.results.push_back(
      Failed("completion.direction", Verdict::kMaterial, "", "0", {shared}));
  GroupDefects(NormalizedDocument{}, &report);
  EXPECT_EQ(report.results.size(), 2u);
}

TEST(DefectsTest, ARepeatedSlipInOneSectionIsOneFindingWithItsPlaces) {
  CheckReport report;
  for (int b : {4, 7, 9}) {
    CheckResult r = Failed("presentation.template_residue", Verdict::kMinor, "",
                           "0", {Figure("", "增加（减少）", b, 0, 12)});
    r.slip = "增加（减少）";
    report.results.push_back(r);
  }
  CheckResult other = Failed("presentation.template_residue", Verdict::kMinor,
                             "", "0", {Figure("", "XX", 5, 0, 2)});
  other.slip = "XX";
  report.results.push_back(other);
  // No sections: all blocks fall in one scope.
  GroupDefects(NormalizedDocument{}, &report);
  ASSERT_EQ(report.results.size(), 2u);
  EXPECT_EQ(report.results[0].slip, "增加（减少）");
  EXPECT_EQ(report.results[0].places, 3);
  EXPECT_EQ(report.results[0].evidence.size(), 3u);
  EXPECT_EQ(report.results[1].places, 1);
}

TEST(DefectsTest, MaterialFindingsComeFirstLargestFirstThenMinor) {
  CheckReport report;
  CheckResult pass;
  pass.rule = "sum.ok";
  pass.verdict = Verdict::kPass;
  report.results.push_back(pass);
  report.results.push_back(
      Failed("share.truncated", Verdict::kMinor, "65.52%", "0.2", {}));
  report.results.push_back(
      Failed("change.rate_small", Verdict::kMaterial, "9%", "5", {}));
  report.results.push_back(
      Failed("change.rate_large", Verdict::kMaterial, "90%", "900", {}));
  GroupDefects(NormalizedDocument{}, &report);
  EXPECT_EQ(Rules(report), (V{"change.rate_large", "change.rate_small",
                              "share.truncated", "sum.ok"}));
}

TEST(DefectsTest, CappedResultsAreNotGrouped) {
  Evidence shared = Figure("项目支出", "1644.10万元", 3, 40, 52);
  CheckReport report;
  report.results.push_back(Failed("sum.expenditure", Verdict::kMaterial,
                                  "1644.10万元", "100", {shared}));
  CheckResult capped = Failed("change.amount", Verdict::kMaterial,
                              "1644.10万元", "100", {shared});
  capped.verdict = Verdict::kNotChecked;
  capped.capped = true;
  report.results.push_back(capped);
  GroupDefects(NormalizedDocument{}, &report);
  EXPECT_EQ(report.results.size(), 2u);
}

// Whole reports through RunChecks, which groups after every family.
CheckReport CheckLines(const std::vector<std::string>& lines) {
  testing::ProseReport r = testing::ReadProse(lines);
  return RunChecks(r.nd, r.ex, CheckOptions{});
}

TEST(DefectsTest, ATruncatedShareAndTheSumOfSharesItBreaksAreOneFinding) {
  CheckReport r = CheckLines({"三、支出决算情况说明",
                              "本年支出合计1889.05万元，其中：基本支出1197."
                              "55万元，占63.39%；项目支出691.50万元，占36."
                              "60%。"});
  size_t failing = 0;
  const CheckResult* f = nullptr;
  for (const CheckResult& c : r.results) {
    if (c.verdict == Verdict::kMaterial || c.verdict == Verdict::kMinor) {
      ++failing;
      f = &c;
    }
  }
  ASSERT_EQ(failing, 1u);
  EXPECT_EQ(f->rule, "share.truncated");
  ASSERT_EQ(f->also.size(), 1u);
  EXPECT_EQ(f->also[0].rule, "share.sum_100");
  ASSERT_GE(f->suspect, 0);
  EXPECT_EQ(f->evidence[static_cast<size_t>(f->suspect)].value, "36.60%");
}

TEST(DefectsTest, TemplateResidueRepeatedInOneSectionIsOneFinding) {
  CheckReport r = CheckLines(
      {"一、收入决算情况说明", "本年收入与上年相比增加（减少）0万元。",
       "主要原因是增加（减少）。", "二、支出决算情况说明",
       "本年支出与上年相比增加（减少）0万元。"});
  std::vector<int> places;
  for (const CheckResult& c : r.results) {
    if (c.rule == "presentation.template_residue" &&
        c.verdict != Verdict::kPass)
      places.push_back(c.places);
  }
  // One finding per section: two places in 一、, one in 二、.
  EXPECT_EQ(places, (std::vector<int>{2, 1}));
}

}  // namespace
}  // namespace budgetdoc
