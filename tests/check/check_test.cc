// Rule-by-rule tests on hand-written report fragments: each rule with a
// passing, a failing, a rounding-level and a not-checked case where the rule
// has one. Facts come from the real narrative reader, so the tests also pin
// what a sentence means to the checker.
#include "check/check.h"

#include "schema/claims.h"
#include "schema/narrative.h"
#include "tests/testing/prose_report.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace budgetdoc {
namespace {

struct CheckRun {
  NormalizedDocument nd;
  Extraction ex;
  CheckReport report;
};

CheckRun Check(std::initializer_list<std::string_view> lines,
               std::string_view kind = "final_accounts") {
  testing::ProseReport read = testing::ReadProse(
      std::vector<std::string>(lines.begin(), lines.end()), kind);
  CheckRun r;
  r.nd = std::move(read.nd);
  r.ex = std::move(read.ex);
  std::vector<Fact> charts =
      ExtractChartFacts(r.nd, r.ex.meta, MetricCatalog::Default());
  r.ex.facts.insert(r.ex.facts.end(), charts.begin(), charts.end());
  r.report = RunChecks(r.nd, r.ex, CheckOptions{});
  return r;
}

// "rule:outcome" for every result of `rule` (all rules when empty).
std::vector<std::string> Outcomes(const CheckRun& r, std::string_view rule) {
  std::vector<std::string> out;
  for (const CheckResult& c : r.report.results) {
    if (rule.empty() || c.rule == rule)
      out.push_back(c.rule + ":" + std::string(OutcomeName(c.outcome)));
  }
  return out;
}

const CheckResult* First(const CheckRun& r, std::string_view rule) {
  for (const CheckResult& c : r.report.results) {
    if (c.rule == rule) return &c;
  }
  return nullptr;
}

using V = std::vector<std::string>;

TEST(SumRulesTest, ExpenditureTotalAgainstBasicAndProject) {
  EXPECT_EQ(Outcomes(Check({"三、支出决算情况说明",
                            "本年支出合计1889.05万元，其中：基本支出1197."
                            "55万元；项目支出691.5万元。"}),
                     "sum.expenditure.basic_project"),
            V{"sum.expenditure.basic_project:pass"});
  CheckRun fail = Check({"三、支出决算情况说明",
                         "本年支出合计1889.05万元，其中：基本支出1197."
                         "55万元；项目支出701.5万元。"});
  EXPECT_EQ(Outcomes(fail, "sum.expenditure.basic_project"),
            V{"sum.expenditure.basic_project:fail"});
  const CheckResult* r = First(fail, "sum.expenditure.basic_project");
  EXPECT_EQ(r->severity, Severity::kError);
  EXPECT_EQ(r->expected, "1899.05万元");
  EXPECT_EQ(r->printed, "1889.05万元");
  EXPECT_EQ(r->evidence.size(), 3u);
  EXPECT_NE(r->message.find("1899.05"), std::string::npos);
  EXPECT_EQ(Outcomes(Check({"三、支出决算情况说明",
                            "本年支出合计1889.05万元，其中：基本支出1197."
                            "55万元；项目支出691.51万元。"}),
                     "sum.expenditure.basic_project"),
            V{"sum.expenditure.basic_project:rounding"});
  // Parts short of the total with other uses unlisted: not checked, said why.
  CheckRun partial = Check({"三、支出决算情况说明",
                            "本年支出合计1889.05万元，其中：基本支出1197."
                            "55万元；项目支出600万元。"});
  EXPECT_EQ(Outcomes(partial, "sum.expenditure.basic_project"),
            V{"sum.expenditure.basic_project:not_checked"});
  EXPECT_NE(First(partial, "sum.expenditure.basic_project")
                ->reason.find("上缴上级支出"),
            std::string::npos);
}

TEST(SumRulesTest, ThreePublicCostsAddUpAcrossSubsections) {
  std::initializer_list<std::string_view> ok = {
      "七、财政拨款“三公”经费支出决算情况说明", "（一）总体情况",
      "“三公”经费财政拨款支出决算为5.91万元。", "（二）具体情况",
      "因公出国（境）费支出决算0万元；公务用车购置及运行维护费支出决算4."
      "81万元；公务接待费支出决算1.1万元。"};
  EXPECT_EQ(Outcomes(Check(ok), "sum.three_public.total"),
            V{"sum.three_public.total:pass"});
  EXPECT_EQ(Outcomes(Check({"七、“三公”经费",
                            "“三公”经费支出5."
                            "91万元，其中因公出国（境）费0万元，公务用车购置及"
                            "运行费4.81万元，公务接待费1.2万元。"}),
                     "sum.three_public.total"),
            V{"sum.three_public.total:fail"});
}

TEST(SumRulesTest, BasicEqualsPersonnelPlusPublic) {
  CheckRun r = Check({"六、一般公共预算财政拨款基本支出决算情况说明",
                      "一般公共预算财政拨款基本支出1197.55万元，其中：",
                      "人员经费975.36万元。", "公用经费222.18万元。"});
  EXPECT_EQ(Outcomes(r, "sum.basic.personnel_public"),
            V{"sum.basic.personnel_public:rounding"});
  // Agreement at printed precision is a pass, not a warning.
  EXPECT_EQ(First(r, "sum.basic.personnel_public")->verdict, Verdict::kPass);
  EXPECT_TRUE(First(r, "sum.basic.personnel_public")->within_rounding);
  EXPECT_EQ(First(r, "sum.basic.personnel_public")->severity, Severity::kInfo);
}

TEST(ShareRulesTest, TruncatedShareIsAnErrorAndComplementsMustSumTo100) {
  CheckRun r = Check({"三、支出决算情况说明",
                      "本年支出合计1889.05万元，其中：基本支出1197."
                      "55万元，占63.39%；项目支出691.50万元，占36.60%。"});
  EXPECT_EQ(Outcomes(r, "share.recompute"), V{"share.recompute:pass"});
  EXPECT_EQ(Outcomes(r, "share.truncated"), V{"share.truncated:fail"});
  EXPECT_EQ(First(r, "share.truncated")->expected, "36.61%");
  EXPECT_EQ(First(r, "share.truncated")->verdict, Verdict::kMinor);
  // The sum of the shares fails on the same truncated figure: one finding,
  // the sum listed under it.
  ASSERT_EQ(First(r, "share.truncated")->also.size(), 1u);
  EXPECT_EQ(First(r, "share.truncated")->also[0].rule, "share.sum_100");
  EXPECT_EQ(Outcomes(r, "share.sum_100"), V{});
}

TEST(ShareRulesTest, ShareIsJudgedAtItsOwnPrintedPrecision) {
  // 691.5 / 1889.05 = 36.6057%: 36.6 printed with one decimal is right, and
  // 63.39 + 36.6 = 99.99 is inside 0.005 + 0.05.
  CheckRun r = Check({"三、支出决算情况说明",
                      "本年支出合计1889.05万元，其中：基本支出1197."
                      "55万元，占63.39%；项目支出691.5万元，占36.6%。"});
  EXPECT_EQ(Outcomes(r, "share.recompute"),
            (V{"share.recompute:pass", "share.recompute:pass"}));
  EXPECT_EQ(Outcomes(r, "share.truncated"), V{});
  EXPECT_EQ(First(r, "share.sum_100")->verdict, Verdict::kPass);
}

TEST(ShareRulesTest, RoundingLevelShareIsAWarning) {
  // 4.81 / 5.91 = 81.387%: 81.38 is reachable from unrounded amounts.
  CheckRun r = Check({"七、“三公”经费",
                      "“三公”经费支出5.91万元，其中：公务用车购置及运行费4."
                      "81万元，占81.38%；公务接待费1.1万元，占18.61%。"});
  EXPECT_EQ(Outcomes(r, "share.recompute"),
            (V{"share.recompute:rounding", "share.recompute:pass"}));
  EXPECT_EQ(Outcomes(r, "share.sum_100"), V{"share.sum_100:fail"});
}

TEST(ShareRulesTest, ShareWithoutItsAmountIsNotChecked) {
  CheckRun r = Check({"基本支出占63.39%。"});
  EXPECT_EQ(Outcomes(r, "share.recompute"), V{"share.recompute:not_checked"});
}

TEST(ChangeRulesTest, ARateOneUnitOffIsMinorOnlyWhenSomeRoundingReachesIt) {
  struct Case {
    std::string_view sentence;
    Verdict verdict;
  } cases[] = {
      // 878.93 / 3015.16 = 29.15%: 29 rounded, 29 truncated; 30 by neither.
      {"住房保障支出3894.09万元，比上年增加878.93万元，增长30%。",
       Verdict::kMaterial},
      {"住房保障支出3894.09万元，比上年增加878.93万元，增长29%。",
       Verdict::kPass},
      // 38.65 / 183.53 = 21.0592%: 21.05 is the truncation.
      {"机关运行经费支出222.18万元，比上年增加38.65万元，增长21.05%。",
       Verdict::kMinor},
      // A change of nine tenths printed as nine percent.
      {"培训费支出1.00万元，比上年减少9.00万元，下降9%。", Verdict::kMaterial},
  };
  for (const Case& c : cases) {
    CheckRun r = Check({"十、其他重要事项", c.sentence});
    ASSERT_NE(First(r, "change.rate"), nullptr) << c.sentence;
    EXPECT_EQ(First(r, "change.rate")->verdict, c.verdict) << c.sentence;
  }
}

TEST(OutcomeTest, FiguresThatAgreeAtTheirPrintedPrecisionPass) {
  // 371,514,655.00元 is 37,151.4655万元: 37,151.47 at two decimals.
  CheckRun same = Check(
      {"一、收入支出决算总体情况说明", "2023年度收入总计371,514,655.00元。",
       "二、收入决算情况说明", "2023年度收入总计37,151.47万元。"});
  ASSERT_NE(First(same, "agree.repeat"), nullptr);
  EXPECT_EQ(First(same, "agree.repeat")->verdict, Verdict::kPass);
  // 27.05 / 1000.00 = 2.705 %: 「增长2.7%」 at one decimal.
  CheckRun rate =
      Check({"十、其他重要事项",
             "培训费支出1027.05万元，比上年增加27.05万元，增长2.7%。"});
  ASSERT_NE(First(rate, "change.rate"), nullptr);
  EXPECT_EQ(First(rate, "change.rate")->verdict, Verdict::kPass);
  // Template residue around zero amounts is minor, not material.
  CheckRun residue = Check({"与上年相比增加（减少）0万元，增长（减少）0%。"});
  ASSERT_NE(First(residue, "presentation.template_residue"), nullptr);
  EXPECT_EQ(First(residue, "presentation.template_residue")->verdict,
            Verdict::kMinor);
  EXPECT_EQ(residue.report.Count(Verdict::kMaterial), 0u);
}

TEST(ChangeRulesTest, GrowthFromNothingIsTheConventionalHundredPercent) {
  // A body founded this year: 「增长100%」 is how the genre says it.
  CheckRun founded = Check({"十一、机关运行经费",
                            "机关运行经费支出10.23万元，比上年增加10.23万元，"
                            "增长100.00%。"});
  EXPECT_EQ(Outcomes(founded, "change.zero_base"),
            V{"change.zero_base:not_applicable"});
  EXPECT_EQ(Outcomes(founded, "change.rate"), V{});
  // Any other rate from a zero base is a slip, repeated slips one finding.
  CheckRun slip = Check({"十一、机关运行经费",
                         "机关运行经费支出10.23万元，比上年增加10.23万元，"
                         "增长50%。",
                         "培训费支出2.00万元，比上年增加2.00万元，增长20%。"});
  EXPECT_EQ(Outcomes(slip, "change.zero_base"), V{"change.zero_base:fail"});
  EXPECT_EQ(First(slip, "change.zero_base")->places, 2);
}

TEST(CodeRulesTest, OneKuanNamedTwoWaysIsOneFindingWhateverItemsShowIt) {
  CheckRun r = Check(
      {"五、一般公共预算财政拨款支出决算情况说明",
       "1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养"
       "老保险缴费支出（项）80.00万元。",
       "2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年"
       "金缴费支出（项）32.00万元。",
       "六、名词解释",
       "1.社会保障和就业支出（类）行政单位离退休（款）机关事业单位基本养老保险"
       "缴费支出（项）：指缴纳的基本养老保险费。",
       "2.社会保障和就业支出（类）行政单位离退休（款）机关事业单位职业年金缴费"
       "支出（项）：指缴纳的职业年金。"});
  EXPECT_EQ(Outcomes(r, "code.name_variant"), V{"code.name_variant:fail"});
  EXPECT_EQ(First(r, "code.name_variant")->places, 2);
}

TEST(ChangeRulesTest, TheAppropriationsChangeIsTheSumOfItsFundsChanges) {
  auto run = [](std::string_view gov_fund_change) {
    return Check(
        {"二、支出预算情况说明",
         "财政拨款支出预算3286.61万元，比上年预算增加1156.49万元。财政拨款支出"
         "预算中，一般公共预算拨款支出预算493.76万元，比上年预算减少59.65万元；"
         "政府性基金拨款支出预算2792.85万元，比上年预算" +
             std::string(gov_fund_change) + "。"},
        "budget");
  };
  EXPECT_EQ(Outcomes(run("增加1216.14万元"), "sum.change_parts"),
            V{"sum.change_parts:pass"});
  CheckRun wrong = run("增加1196.14万元");
  EXPECT_EQ(Outcomes(wrong, "sum.change_parts"), V{"sum.change_parts:fail"});
  EXPECT_EQ(First(wrong, "sum.change_parts")->verdict, Verdict::kMaterial);
  // A fund without its change: the sum cannot be made.
  EXPECT_EQ(Outcomes(run("有所增加"), "sum.change_parts"), V{});
  // Basic and project spending make up the year's spending.
  auto split = [](std::string_view project_change) {
    return Check(
        {"三、支出决算情况说明",
         "2023年度本年支出合计1889.05万元，比上年增加100.00万元，其中："
         "基本支出1197.55万元，比上年增加60.00万元；项目支出691.50万元，"
         "比上年" +
             std::string(project_change) + "。"});
  };
  EXPECT_EQ(Outcomes(split("增加40.00万元"), "sum.change_parts"),
            V{"sum.change_parts:pass"});
  EXPECT_EQ(Outcomes(split("增加30.00万元"), "sum.change_parts"),
            V{"sum.change_parts:fail"});
}

TEST(ChangeRulesTest, AFundSaidToBeUnchangedAddsNothingToTheChange) {
  auto run = [](std::string_view gov_fund) {
    return Check(
        {"二、支出预算情况说明",
         "财政拨款支出预算500.00万元，比上年预算增加40.00万元。财政拨款"
         "支出预算中，一般公共预算拨款支出预算500.00万元，比上年预算增加"
         "40.00万元；政府性基金拨款支出预算0万元，比上年预算" +
             std::string(gov_fund) +
             "；国有资本经营预算拨款支出预算0万元，比上年预算持平。"},
        "budget");
  };
  EXPECT_EQ(Outcomes(run("持平"), "sum.change_parts"),
            V{"sum.change_parts:pass"});
  // The general budget's rise repeated for a fund with nothing: one
  // finding, on that fund's rise, listing the sum it also breaks.
  CheckRun wrong = run("增加40.00万元");
  EXPECT_EQ(Outcomes(wrong, "change.beyond_amount"),
            V{"change.beyond_amount:fail"});
  EXPECT_EQ(Outcomes(wrong, "sum.change_parts"), V{});
  const CheckResult* r = First(wrong, "change.beyond_amount");
  ASSERT_EQ(r->also.size(), 1u);
  EXPECT_EQ(r->also[0].rule, "sum.change_parts");
}

TEST(ChangeRulesTest, ARiseLargerThanTheYearsAmountIsMaterial) {
  // Last year's figure would be below zero: the rise belongs to another
  // line (here the general budget's, repeated for the fund with nothing).
  struct Case {
    std::string sentence;
    V outcomes;
  };
  const std::vector<Case> cases = {
      {"政府性基金拨款支出预算0万元，比上年预算增加1421.25万元。",
       V{"change.beyond_amount:fail"}},
      {"政府性基金预算财政拨款支出25.00万元，比2022年增加125.00万元。",
       V{"change.beyond_amount:fail"}},
      // From nothing: the rise is the whole amount.
      {"政府性基金拨款支出预算35.20万元，比上年预算增加35.20万元。", V{}},
      // A fall has no such bound.
      {"政府性基金拨款支出预算12.00万元，比上年预算减少35.20万元。", V{}},
      // Within rounding of the two printed figures.
      {"政府性基金拨款支出预算0.3万元，比上年预算增加0.34万元。", V{}},
  };
  for (const Case& c : cases) {
    CheckRun r = Check({"二、支出预算情况说明", c.sentence}, "budget");
    EXPECT_EQ(Outcomes(r, "change.beyond_amount"), c.outcomes) << c.sentence;
    if (!c.outcomes.empty()) {
      EXPECT_EQ(First(r, "change.beyond_amount")->verdict, Verdict::kMaterial)
          << c.sentence;
    }
  }
}

TEST(CompletionRulesTest, BudgetsImpliedByTheRatesAddUpLikeTheSpending) {
  // 1197.55 ÷ 95% + 691.50 ÷ 80% = 1260.58 + 864.38 = 2124.95; 1889.05 ÷
  // 2124.95 = 88.90%.
  auto run = [](std::string_view total_rate) {
    return Check({"三、支出决算情况说明",
                  "2023年度本年支出合计1889.05万元，完成年初预算的" +
                      std::string(total_rate) +
                      "。其中：基本支出1197.55万元，完成年初预算的95.00%；项目"
                      "支出691.50万元，完成年初预算的80.00%。"});
  };
  EXPECT_EQ(Outcomes(run("88.90%"), "completion.implied_budget"),
            V{"completion.implied_budget:pass"});
  CheckRun wrong = run("95.20%");
  EXPECT_EQ(Outcomes(wrong, "completion.implied_budget"),
            V{"completion.implied_budget:fail"});
  EXPECT_EQ(First(wrong, "completion.implied_budget")->verdict,
            Verdict::kMaterial);
  // A part without its rate: the budgets cannot be added.
  EXPECT_EQ(Outcomes(Check({"三、支出决算情况说明",
                            "2023年度本年支出合计1889.05万元，完成年初预算的"
                            "95.20%。其中：基本支出1197.55万元，完成年初预算的"
                            "95.00%；项目支出691.50万元。"}),
                     "completion.implied_budget"),
            V{});
}

TEST(ChangeRulesTest, RateFromDerivedPriorYear) {
  // 35.32 / (1889.05 + 35.32) = 1.8354% → 1.84.
  EXPECT_EQ(Outcomes(Check({"2023年度收、支总计均为1889."
                            "05万元。与2022年度相比，收、支总计各减少35."
                            "32万元，下降1.84%。"}),
                     "change.rate"),
            V{"change.rate:pass"});  // one finding for the pair "收、支总计"
  // 38.65 / 183.53 = 21.0592%: 21.05 is truncated and unreachable.
  CheckRun r = Check(
      {"十、其他重要事项",
       "机关运行经费支出222.18万元，比2022年度增加38.65万元，增长21.05%。"});
  EXPECT_EQ(Outcomes(r, "change.rate"), V{"change.rate:fail"});
  EXPECT_EQ(First(r, "change.rate")->hint, "truncation");
}

TEST(ChangeRulesTest, DirectionWordsMustAgree) {
  EXPECT_EQ(Outcomes(Check({"机关运行经费支出222.18万元，比上年减少38."
                            "65万元，增长21.06%。"}),
                     "change.direction"),
            V{"change.direction:fail"});
}

// A report whose chart gives last year's figure.
CheckRun WithChart(std::string_view sentence, std::string_view title,
                   std::vector<std::string> categories,
                   std::vector<std::string> values) {
  Document doc;
  doc.format = Format::kDocx;
  Block b;
  b.text = std::string(sentence);
  doc.blocks.push_back(b);
  Chart c;
  c.title = std::string(title);
  c.categories = std::move(categories);
  c.series.push_back({"", std::move(values)});
  doc.charts.push_back(c);
  Block cb;
  cb.kind = BlockKind::kChart;
  cb.chart = 0;
  doc.blocks.push_back(cb);
  CheckRun r;
  r.nd = Normalize(std::move(doc), NormalizeOptions{});
  r.ex.meta.fiscal_year = 2023;
  r.ex.meta.kind = "final_accounts";
  r.ex.claims = ReadClaims(r.nd, r.ex.meta, MetricCatalog::Default());
  r.ex.facts =
      FactsFromClaims(r.ex.claims, r.nd, r.ex.meta, MetricCatalog::Default());
  std::vector<Fact> charts =
      ExtractChartFacts(r.nd, r.ex.meta, MetricCatalog::Default());
  r.ex.facts.insert(r.ex.facts.end(), charts.begin(), charts.end());
  for (Fact& f : ReadProcurementSplit(r.nd, r.ex.meta))
    r.ex.facts.push_back(std::move(f));
  r.report = RunChecks(r.nd, r.ex, CheckOptions{});
  return r;
}

TEST(ChangeRulesTest, ChangeAgainstAPrintedPriorYear) {
  std::string_view sentence =
      "2023年度一般公共预算财政拨款支出1889."
      "05万元。与2022年度相比，一般公共预算财政拨款支出减少35.32万元，下降1.84%"
      "。";
  CheckRun ok = WithChart(sentence, "一般公共预算财政拨款支出决算变动情况",
                          {"2022年", "2023年"}, {"1924.37", "1889.05"});
  EXPECT_EQ(Outcomes(ok, "change.amount"), V{"change.amount:pass"});
  EXPECT_EQ(Outcomes(ok, "change.direction"), V{});
  // The chart says spending rose; the text says it fell.
  CheckRun wrong = WithChart(sentence, "一般公共预算财政拨款支出决算变动情况",
                             {"2022年", "2023年"}, {"1853.73", "1889.05"});
  EXPECT_EQ(Outcomes(wrong, "change.direction"), V{"change.direction:fail"});
}

TEST(ChangeRulesTest, AChartOfTheCombinedGrandTotalGivesThePriorYear) {
  std::string_view sentence =
      "2023年度收、支总计均为4928.79万元。与2022年度相比，收、支总计各减少887."
      "18万元，下降15.25%。";
  CheckRun ok = WithChart(sentence, "收、支决算总计变动情况",
                          {"2022年", "2023年"}, {"5815.97", "4928.79"});
  // The one series is read as the income side.
  EXPECT_EQ(Outcomes(ok, "change.amount"), V{"change.amount:pass"});
  CheckRun wrong = WithChart(sentence, "收、支决算总计变动情况",
                             {"2022年", "2023年"}, {"5816.97", "4928.79"});
  EXPECT_EQ(Outcomes(wrong, "change.amount"), V{"change.amount:fail"});
}

TEST(AgreeRulesTest, ChartDataAgainstText) {
  CheckRun ok = WithChart(
      "本年支出合计1889.05万元，其中：基本支出1197.55万元，项目支出691.5万元。",
      "支出决算结构图", {"基本支出", "项目支出"}, {"1197.55", "691.5"});
  EXPECT_EQ(Outcomes(ok, "agree.chart_text"),
            (V{"agree.chart_text:pass", "agree.chart_text:pass"}));
  CheckRun bad = WithChart(
      "本年支出合计1889.05万元，其中：基本支出1197.55万元，项目支出691.5万元。",
      "支出决算结构图", {"基本支出", "项目支出"}, {"1197.55", "619.5"});
  // Failing results are listed before passes (check/defects.h).
  EXPECT_EQ(Outcomes(bad, "agree.chart_text"),
            (V{"agree.chart_text:fail", "agree.chart_text:pass"}));
}

TEST(CompletionRulesTest, CompletionAgainstAPrintedBudget) {
  EXPECT_EQ(Outcomes(Check({"公务接待费年初预算为1.27万元，支出决算为1."
                            "1万元，完成预算86.61%。"}),
                     "completion.rate"),
            V{"completion.rate:pass"});
  EXPECT_EQ(Outcomes(Check({"公务接待费支出1.1万元，完成预算86.58%。"}),
                     "completion.rate"),
            V{"completion.rate:not_checked"});
  EXPECT_EQ(Outcomes(Check({"因公出国（境）经费支出0万元，完成预算0%"
                            "。均没有年初预算和年终决算。"}),
                     "completion.zero_budget"),
            V{"completion.zero_budget:fail"});
  EXPECT_EQ(
      First(Check({"因公出国（境）经费支出0万元，完成预算0%。没有年初预算。"}),
            "completion.zero_budget")
          ->severity,
      Severity::kWarning);
}

TEST(CompletionRulesTest, ComparatorWordsAgreeWithTheRate) {
  EXPECT_EQ(Outcomes(Check({"“三公”经费支出决算为5.91万元，完成预算94.19%"
                            "。决算数小于预算数的主要原因是厉行节约。"}),
                     "completion.direction"),
            V{"completion.direction:pass"});
  EXPECT_EQ(Outcomes(Check({"“三公”经费支出决算为5.91万元，完成预算94.19%"
                            "。决算数大于预算数的主要原因是工作增加。"}),
                     "completion.direction"),
            V{"completion.direction:fail"});
}

TEST(AgreeRulesTest, TheSameFigurePrintedTwiceMustAgree) {
  EXPECT_EQ(Outcomes(Check({"一、总体", "本年支出合计1889.05万元。", "三、支出",
                            "本年支出合计1889.05万元。"}),
                     "agree.repeat"),
            V{"agree.repeat:pass"});
  EXPECT_EQ(Outcomes(Check({"一、总体", "本年支出合计1889.05万元。", "三、支出",
                            "本年支出合计1898.05万元。"}),
                     "agree.repeat"),
            V{"agree.repeat:fail"});
}

// Figures a table column names — the 接待费 column of a “三公” table laid
// out one row per year (no row label), the 人员经费 column of a 合计 row —
// are compared with the text; an economic item's share of that column
// (基本工资 under 人员经费) and an unlabeled row of another table are not.
TEST(AgreeRulesTest, FiguresNamedByTheirColumnAreComparedWithTheText) {
  CheckRun r = Check({"七、“三公”经费", "2023年公务接待费3.03万元。",
                      "六、基本支出", "2023年人员经费646.71万元。"},
                     "budget");
  auto cell = [](const char* metric, const char* value, const char* label,
                 const char* column, const char* code, const char* fund) {
    Fact f;
    f.metric = metric;
    f.measure = Measure::kAmount;
    f.value = f.printed = *Decimal::Parse(value);
    f.unit = "万元";
    f.year = 2023;
    f.basis = "budget";
    f.fund = fund;
    f.label = label;
    f.column = column;
    f.code = code;
    f.origin = Origin::kTable;
    f.where.table = 0;
    f.where.row = 3;
    f.where.column = 2;
    return f;
  };
  for (const Fact& f : r.ex.facts) {
    ASSERT_TRUE(f.metric != "three_public.reception" || f.fund == "fiscal");
    ASSERT_TRUE(f.metric != "gpb.basic.personnel" || f.fund == "gpb");
  }
  r.ex.facts.push_back(cell("three_public.reception", "1.66", "",
                            "three_public.reception", "", "fiscal"));
  r.ex.facts.push_back(
      cell("gpb.basic.personnel", "699.83", "合计", "personnel", "", "gpb"));
  r.ex.facts.push_back(cell("gpb.basic.personnel", "253.72", "基本工资",
                            "personnel", "30101", "gpb"));
  r.ex.facts.push_back(
      cell("gpb.expenditure.basic", "1.00", "", "basic", "", "gpb"));
  r.report = RunChecks(r.nd, r.ex, CheckOptions{});
  std::vector<std::string> compared;
  for (const CheckResult& c : r.report.results) {
    if (c.rule != "agree.text_table") continue;
    compared.push_back(c.printed + "/" + c.expected + ":" +
                       std::string(VerdictName(c.verdict)));
  }
  std::sort(compared.begin(), compared.end());
  EXPECT_EQ(compared, (V{"1.66万元/3.03万元:material",
                         "699.83万元/646.71万元:material"}));
}

TEST(AgreeRulesTest, TheFleetStatedInTwoSectionsMustAgree) {
  auto run = [](std::string_view asset_sentence) {
    return Check({"七、财政拨款“三公”经费支出决算情况说明",
                  "截至2023年12月31日，公务用车保有量5辆。",
                  "八、其他重要事项的情况说明", "（三）国有资产占有使用情况",
                  asset_sentence});
  };
  EXPECT_EQ(
      Outcomes(run("截至2023年底，本部门共有公务用车5辆。"), "agree.counts"),
      V{"agree.counts:pass"});
  EXPECT_EQ(
      Outcomes(run("截至2023年底，本部门共有公务用车6辆。"), "agree.counts"),
      V{"agree.counts:fail"});
  // A vehicle category is not the fleet: nothing to compare.
  EXPECT_EQ(Outcomes(run("其中一般公务用车3辆。"), "agree.counts"), V{});
  // All vehicles (special-purpose ones, other funds) hold the fleet: at
  // most, not equal; the section title may open the sentence's own line.
  EXPECT_EQ(Outcomes(Check({"七、财政拨款“三公”经费支出决算情况说明",
                            "开支财政拨款的公务用车保有量为8辆。",
                            "八、其他重要事项的情况说明",
                            "（三）国有资产占有使用情况说明截至2023年12月31日，"
                            "本部门共有车辆10辆，其中：主要领导干部用车0辆、"
                            "其他用车10辆。"}),
                     "agree.counts"),
            V{"agree.counts:pass"});
  EXPECT_EQ(Outcomes(Check({"七、财政拨款“三公”经费支出决算情况说明",
                            "开支财政拨款的公务用车保有量为12辆。",
                            "八、其他重要事项的情况说明",
                            "（三）国有资产占有使用情况",
                            "截至2023年12月31日，本部门共有车辆10辆。"}),
                     "agree.counts"),
            V{"agree.counts:fail"});
}

TEST(CodeRulesTest, AKuanLabelledAsALeiIsALevelWordSlipNotAMisfiledItem) {
  // The 款 20805 printed with （类）, twice in one section: one minor
  // finding with both places; nothing says the items are misfiled.
  CheckRun r = Check(
      {"（三）具体情况",
       "1.社会保障和就业支出（类）行政事业单位养老支出（类）机关事业单位基本养"
       "老保险缴费支出（项）：支出决算为80.00万元。",
       "2.社会保障和就业支出（类）行政事业单位养老支出（类）机关事业单位职业年"
       "金缴费支出（项）：支出决算为32.00万元。"});
  EXPECT_EQ(Outcomes(r, "code.level_word"), V{"code.level_word:fail"});
  const CheckResult* slip = First(r, "code.level_word");
  EXPECT_EQ(slip->verdict, Verdict::kMinor);
  EXPECT_EQ(slip->places, 2);
  EXPECT_NE(slip->message.find("20805"), std::string::npos);
  EXPECT_EQ(Outcomes(r, "code.name_mismatch"), V{});
  EXPECT_EQ(Outcomes(r, "code.name_variant"), V{});
  // Names that are not the item's 款 in the catalog: no slip is claimed.
  EXPECT_EQ(Outcomes(Check({"1.社会保障和就业支出（类）教育支出（类）小学教育"
                            "（项）：支出决算为80.00万元。"}),
                     "code.level_word"),
            V{});
}

TEST(CodeRulesTest, AnItemUnderTheWrongClassIsAnError) {
  CheckRun r =
      Check({"（三）具体情况",
             "1.社会保障和就业（类）住房改革支出（款）住房公积金（项）: "
             "支出决算为77.51万元。",
             "名词解释",
             "2."
             "住房保障（类）住房改革支出（款）住房公积金（项）：指单位缴纳的住"
             "房公积金。"});
  EXPECT_EQ(Outcomes(r, "code.name_mismatch"), V{"code.name_mismatch:fail"});
  EXPECT_NE(First(r, "code.name_mismatch")->message.find("住房保障"),
            std::string::npos);
  EXPECT_EQ(
      Outcomes(Check({"1.住房保障（类）住房改革支出（款）住房公积金（项）: "
                      "支出决算为77.51万元。"}),
               "code.name_mismatch"),
      V{});
}

TEST(PresentationRulesTest, MissingUnitsResidueAndYears) {
  EXPECT_EQ(
      Outcomes(
          Check({"2023年度一般公共预算支出决算数为1889.05，完成预算100%。"}),
          "presentation.missing_unit"),
      V{"presentation.missing_unit:fail"});
  EXPECT_EQ(Outcomes(Check({"基本支出占76.23，项目支出占23.77%。"}),
                     "presentation.percent_without_sign"),
            V{"presentation.percent_without_sign:fail"});
  EXPECT_EQ(Outcomes(Check({"与上年相比增加（减少）10万元，主要原因是。"}),
                     "presentation.template_residue"),
            V{"presentation.template_residue:fail"});
  EXPECT_EQ(Outcomes(Check({"第二部分 2022年度部门决算情况说明"}),
                     "presentation.year_mismatch"),
            V{"presentation.year_mismatch:fail"});
  EXPECT_EQ(Outcomes(Check({"第二部分 2023年度部门决算情况说明"}),
                     "presentation.year_mismatch"),
            V{});
}

TEST(PresentationRulesTest, HoldingsAreDatedAtTheEndOfTheRightYear) {
  struct Case {
    std::string_view kind, sentence;
    V expected;
  } cases[] = {
      {"final_accounts", "截至2023年12月31日，本部门共有车辆5辆。", {}},
      {"final_accounts",
       "截至2022年12月31日，本部门共有车辆5辆。",
       {"presentation.asset_date:fail"}},
      {"final_accounts",
       "截至2022年底，本部门共有房屋面积1200平方米。",
       {"presentation.asset_date:fail"}},
      {"budget", "截至2022年12月31日，本部门共有车辆5辆。", {}},
      {"budget",
       "截至2023年12月31日，本部门共有车辆5辆。",
       {"presentation.asset_date:fail"}},
      // Not year-end dates, not holdings, or a plan: not judged.
      {"final_accounts", "截至2022年8月31日，本部门共有车辆5辆。", {}},
      {"final_accounts", "截至2022年底，已完成项目验收。", {}},
      {"budget", "预计截至2024年底完成设备更新，共有设备20台。", {}},
  };
  for (const Case& c : cases) {
    CheckRun r = Check({"（三）国有资产占有使用情况", c.sentence}, c.kind);
    EXPECT_EQ(Outcomes(r, "presentation.asset_date"), c.expected)
        << c.kind << " " << c.sentence;
  }
}

TEST(PresentationRulesTest, PartialPeriodsInAFinalReport) {
  EXPECT_EQ(Outcomes(Check({"今年1-9月累计上报政务信息167条。"}),
                     "presentation.partial_period"),
            V{"presentation.partial_period:fail"});
  EXPECT_EQ(Outcomes(Check({"1-12月预算执行总体进度为100%。"}),
                     "presentation.partial_period"),
            V{});
  EXPECT_EQ(Outcomes(Check({"今年1-9月累计上报政务信息167条。"}, "budget"),
                     "presentation.partial_period"),
            V{});
}

TEST(StructureRulesTest, MissingTablesAndEmptyTableStatements) {
  CheckRun r = Check({"本年支出合计100万元。"});
  r.ex.expected_tables = {"FA01", "FA03"};
  RecognizedTable t;
  t.canonical_id = "FA01";
  t.title = "收入支出决算总表";
  r.ex.tables.push_back(t);
  RecognizedTable empty;
  empty.canonical_id = "FA10";
  empty.title = "政府性基金预算财政拨款收入支出决算表";
  empty.empty = true;
  r.ex.tables.push_back(empty);
  r.report = RunChecks(r.nd, r.ex, CheckOptions{});
  EXPECT_EQ(Outcomes(r, "structure.tables_missing"),
            V{"structure.tables_missing:fail"});
  // Named by its Chinese name, never by an internal id.
  EXPECT_NE(First(r, "structure.tables_missing")->message.find("支出决算表"),
            std::string::npos);
  EXPECT_EQ(First(r, "structure.tables_missing")->message.find("FA03"),
            std::string::npos);
  // A missing mandated table is material.
  EXPECT_EQ(First(r, "structure.tables_missing")->verdict, Verdict::kMaterial);
  EXPECT_EQ(Outcomes(r, "structure.empty_table_statement"),
            V{"structure.empty_table_statement:fail"});
  r.ex.tables[1].empty_statement = true;
  r.ex.tables.push_back(t);
  r.ex.tables.back().canonical_id = "FA03";
  r.report = RunChecks(r.nd, r.ex, CheckOptions{});
  EXPECT_EQ(Outcomes(r, "structure.tables_missing"),
            V{"structure.tables_missing:pass"});
  EXPECT_EQ(Outcomes(r, "structure.empty_table_statement"),
            V{"structure.empty_table_statement:pass"});
}

TEST(AgreeRulesTest, AClassAmountWithoutItsFundIsTheTableRowWhenOneFundIsAll) {
  // 本年支出合计 = 财政拨款支出 = 一般公共预算拨款支出: a 项 stated without
  // its fund is the 一般公共预算 table's row; with other money besides, the
  // two are different figures and are not compared.
  auto run = [](std::string_view fiscal) {
    testing::ProseReport read = testing::ReadProse(
        {"二、支出预算情况说明",
         "本年支出合计13649.07万元，其中财政拨款支出" + std::string(fiscal) +
             "万元，一般公共预算拨款支出" + std::string(fiscal) + "万元。",
         "五、财政拨款支出预算情况说明",
         "1.人大事务行政运行（项）支出10528.33万元。"},
        "budget");
    CheckRun r;
    r.nd = std::move(read.nd);
    r.ex = std::move(read.ex);
    for (Fact& f : r.ex.facts) {
      if (f.metric == "expenditure.by_func") f.code = "2010101";  // mapper
    }
    Fact row;
    row.metric = "gpb.expenditure.by_func";
    row.fund = "gpb";
    row.basis = "budget";
    row.year = 2023;
    row.code = "2010101";
    row.code_scheme = "func";
    row.label = "行政运行";
    row.value = row.printed = *Decimal::Parse("4545.94");
    row.unit = "万元";
    row.origin = Origin::kTable;
    row.column = "total";
    row.where.table = 0;
    row.where.row = 4;
    r.ex.facts.push_back(row);
    r.report = RunChecks(r.nd, r.ex, CheckOptions{});
    return r;
  };
  CheckRun one_fund = run("13649.07");
  EXPECT_EQ(Outcomes(one_fund, "agree.text_table"), V{"agree.text_table:fail"});
  EXPECT_EQ(First(one_fund, "agree.text_table")->verdict, Verdict::kMaterial);
  EXPECT_EQ(Outcomes(run("12000.00"), "agree.text_table"), V{});
}

// A row of schema/data/sum_rules.tsv at work (the recipe's example).
TEST(SumRulesTest, ProcurementAddsUp) {
  auto run = [](std::string_view services) {
    return Check({"（三）政府采购支出情况",
                  "2023年度政府采购支出总额86.40万元，其中：政府采购货物支出"
                  "30.00万元、政府采购工程支出0万元、政府采购服务支出" +
                      std::string(services) + "万元。"});
  };
  EXPECT_EQ(Outcomes(run("56.40"), "sum.procurement"),
            V{"sum.procurement:pass"});
  CheckRun wrong = run("65.40");
  EXPECT_EQ(Outcomes(wrong, "sum.procurement"), V{"sum.procurement:fail"});
  EXPECT_EQ(First(wrong, "sum.procurement")->verdict, Verdict::kMaterial);
}

TEST(SumRulesTest, ContractsWonBySmallFirmsAreAPartOfAllContracts) {
  // Reserved and other projects are disjoint: what small firms won in both
  // is at most the year's contracts (the Shanghai template's clauses; the
  // national one states 授予中小企业合同金额 of the total).
  auto run = [](std::string_view other) {
    return Check(
        {"（三）政府采购支出情况",
         "本部门2023年度政府采购金额（以合同签订为准）为86.40万元，其中："
         "货物采购金额30.00万元、工程采购金额0万元、服务采购金额56.40万元。"
         "2023年度本部门面向中小企业预留政府采购项目预算金额60.00万元，"
         "面向小微企业预留政府采购项目预算金额45.00万元。在面向中小企业"
         "预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额"
         "56.40万元；在面向小微企业预留政府采购项目中，由小微企业供应商"
         "中标或成交的，采购金额40.00万元；在其他政府采购项目中，由中小"
         "企业供应商中标或成交的，采购金额" +
             std::string(other) + "万元。"});
  };
  EXPECT_EQ(Outcomes(run("30.00"), "sum.procurement_sme"),
            (V{"sum.procurement_sme:pass", "sum.procurement_sme:pass",
               "sum.procurement_sme:pass"}));
  CheckRun wrong = run("56.40");  // the reserved figure repeated
  EXPECT_EQ(Outcomes(wrong, "sum.procurement_sme"),
            (V{"sum.procurement_sme:fail", "sum.procurement_sme:pass",
               "sum.procurement_sme:pass"}));
  EXPECT_EQ(First(wrong, "sum.procurement_sme")->verdict, Verdict::kMaterial);
  EXPECT_EQ(
      Outcomes(Check({"政府采购支出总额120.00万元，其中：授予中小企业合同金额"
                      "130.00万元，占政府采购支出总额的108.33%。"}),
               "sum.procurement_sme"),
      V{"sum.procurement_sme:fail"});
}

TEST(AgreeRulesTest, ABlankTableBesideFiguresInTheTextIsMaterial) {
  auto run = [](std::string_view sentence, std::string_view id,
                std::string_view cell = "") {
    Table grid;
    grid.AddRow({Cell{"合计"}, Cell{"因公出国（境）费"}, Cell{"公务接待费"}});
    grid.AddRow({Cell{std::string(cell)}, Cell{""}, Cell{""}});
    testing::ProseReport read = testing::ReadProse(
        {"七、“三公”经费支出决算情况说明", std::string(sentence)},
        "final_accounts", {grid});
    CheckRun r;
    r.nd = std::move(read.nd);
    r.ex = std::move(read.ex);
    RecognizedTable blank;
    blank.table = 0;
    blank.canonical_id = std::string(id);
    blank.title = "财政拨款“三公”经费支出决算表";
    blank.empty = true;
    r.ex.tables.push_back(blank);
    r.report = RunChecks(r.nd, r.ex, CheckOptions{});
    return r;
  };
  CheckRun stated =
      run("2023年度“三公”经费财政拨款支出预算为0.95万元，支出决算为0万元。",
          "FA13");
  EXPECT_EQ(Outcomes(stated, "agree.blank_table"), V{"agree.blank_table:fail"});
  EXPECT_EQ(First(stated, "agree.blank_table")->verdict, Verdict::kMaterial);
  EXPECT_NE(First(stated, "agree.blank_table")->message.find("0.95万元"),
            std::string::npos);
  // Zeros in the text agree with a blank table.
  EXPECT_EQ(Outcomes(run("2023年度“三公”经费财政拨款支出预算为0万元，支出决算为"
                         "0万元。",
                         "FA13"),
                     "agree.blank_table"),
            V{});
  // A figure the table reader could not place: the table is not known to
  // be blank.
  EXPECT_EQ(Outcomes(run("2023年度“三公”经费财政拨款支出预算为0.95万元。",
                         "FA13", "0.95"),
                     "agree.blank_table"),
            V{});
  // The 三公 figures say nothing about a blank 政府性基金 table.
  EXPECT_EQ(
      Outcomes(run("2023年度“三公”经费财政拨款支出决算为12.60万元。", "FA10"),
               "agree.blank_table"),
      V{});
}

TEST(CompletionRulesTest, ComparatorAgainstPrintedAmountsAndWrongDenominator) {
  EXPECT_EQ(Outcomes(Check({"（三）具体情况",
                            "1、一般公共服务支出（类）财政事务（款）行政运行（"
                            "项）。年初预算为1560.05万元，支出决算为1511."
                            "89万元。决算数大于预算数的主要原因：人员变化。"}),
                     "completion.direction"),
            V{"completion.direction:fail"});
  EXPECT_EQ(Outcomes(Check({"（三）具体情况",
                            "1、一般公共服务支出（类）财政事务（款）行政运行（"
                            "项）。年初预算为1560.05万元，支出决算为1511."
                            "89万元。决算数小于预算数的主要原因：人员变化。"}),
                     "completion.direction"),
            V{"completion.direction:pass"});
  CheckRun r =
      Check({"一般公共预算财政拨款支出年初预算为0万元，全年预算为321."
             "02万元，支出决算为307.82万元，完成年初预算的95.89%。"});
  const CheckResult* c = First(r, "completion.rate");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->outcome, Outcome::kFail);
  EXPECT_EQ(c->hint, "wrong denominator");
}

TEST(ShareRulesTest, CompleteBreakdownWithoutItsTotalStillSumsTo100) {
  // Shares of the three 三公 items "of a different total" (domain: a
  // Jiangsu report): they cannot sum to 32.78.
  CheckRun r = Check({"七、“三公”经费",
                      "因公出国（境）费支出222.5万元，占“三公”经费的8.75%"
                      "；公务用车购置及运行费支出183.6万元，占“三公”经费的7.22%"
                      "；公务接待费支出427.5万元，占“三公”经费的16.81%。"});
  EXPECT_EQ(Outcomes(r, "share.sum_100"), V{"share.sum_100:fail"});
}

TEST(CodeRulesTest, ATableRowNamedAfterAnotherItem) {
  auto run = [](std::string label) {
    CheckRun r = Check({"本年支出合计100万元。"});
    Fact f;
    f.metric = "gpb.expenditure.by_func";
    f.origin = Origin::kTable;
    f.code = "2080505";
    f.code_scheme = "func";
    f.label = label;
    f.value = *Decimal::Parse("80.71");
    f.printed = f.value;
    f.unit = "万元";
    f.where.table = 0;
    f.where.row = 3;
    r.ex.facts.push_back(f);
    r.report = RunChecks(r.nd, r.ex, CheckOptions{});
    return Outcomes(r, "code.name_mismatch");
  };
  EXPECT_EQ(run("机关事业单位职业年金缴费支出"), V{"code.name_mismatch:fail"});
  EXPECT_EQ(run("机关事业单位基本养老保险缴费支出"), V{});
  EXPECT_EQ(run("基本养老保险缴费支出"),
            V{});  // an abbreviation of its own name
}

TEST(ChangeRulesTest, TemplateDirectionWordsLeaveTheSignOpen) {
  // "增加（减少）1.22万元，增长（下降）19.87%": 1.22 / (7.36 + 1.22) = 14.22%,
  // 1.22 / (7.36 − 1.22) = 19.87%: the rate holds for one of the signs.
  CheckRun r =
      Check({"公务用车购置及运行费支出7.36万元。与上年相比增加（减少）1."
             "22万元，增长（下降）19.87%。"});
  EXPECT_EQ(Outcomes(r, "change.rate"), V{"change.rate:pass"});
  EXPECT_EQ(Outcomes(r, "presentation.template_residue"),
            V{"presentation.template_residue:fail"});
}

TEST(CheckEngineTest, FindingsOnUnreadablePagesAreNotChecked) {
  Document doc;
  doc.format = Format::kPdf;
  Block b;
  b.text =
      "本年支出合计1889.05万元，其中：基本支出1197.55万元；项目支出701.5万元。";
  b.page = 3;
  doc.blocks.push_back(b);
  doc.pages.push_back({3, 595, 842, 0, true, "no text layer"});
  CheckRun r;
  r.nd = Normalize(std::move(doc), NormalizeOptions{});
  r.ex.meta.fiscal_year = 2023;
  r.ex.claims = ReadClaims(r.nd, r.ex.meta, MetricCatalog::Default());
  r.ex.facts =
      FactsFromClaims(r.ex.claims, r.nd, r.ex.meta, MetricCatalog::Default());
  r.report = RunChecks(r.nd, r.ex, CheckOptions{});
  const CheckResult* c = First(r, "sum.expenditure.basic_project");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->outcome, Outcome::kFail);
  // Nothing is material on an unreadable page: not checked, with the reason.
  EXPECT_EQ(c->verdict, Verdict::kNotChecked);
  EXPECT_FALSE(c->reason.empty());
  EXPECT_TRUE(c->capped);
}

TEST(CheckEngineTest, EnglishMessagesOnRequest) {
  Document doc;
  doc.format = Format::kDocx;
  Block b;
  b.text =
      "本年支出合计1889.05万元，其中：基本支出1197.55万元；项目支出701.5万元。";
  doc.blocks.push_back(b);
  CheckRun r;
  r.nd = Normalize(std::move(doc), NormalizeOptions{});
  r.ex.claims = ReadClaims(r.nd, r.ex.meta, MetricCatalog::Default());
  r.ex.facts =
      FactsFromClaims(r.ex.claims, r.nd, r.ex.meta, MetricCatalog::Default());
  CheckOptions o;
  o.english = true;
  r.report = RunChecks(r.nd, r.ex, o);
  const CheckResult* c = First(r, "sum.expenditure.basic_project");
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->message.find("beyond the rounding tolerance"), std::string::npos)
      << c->message;
}

// The district item sentence: last year's 预算执行数, this year's 预算安排 and
// a rate, with no change amount (issue 12, pattern 3).
TEST(ChangeRulesTest, RateWithoutChangeIsJudgedOnTheClaimsTwoAmounts) {
  auto item = [](std::string_view tail) {
    return Check(
        {"五、一般公共预算支出预算情况说明",
         std::string("（1）一般公共服务支出（类）人大事务（款）行政运行（项）："
                     "2022年预算执行数为200.00万元，2023年预算安排") +
             std::string(tail)},
        "budget");
  };
  // 230 / 200 − 1 = 15%.
  CheckRun ok =
      item("230.00万元，比2022年预算执行数增长15%，主要原因是人员增加。");
  EXPECT_EQ(Outcomes(ok, "change.rate"), V{"change.rate:pass"});
  // 13.04% is the change over this year's 230 (the wrong base).
  CheckRun base = item("230.00万元，比2022年预算执行数增长13.04%。");
  EXPECT_EQ(Outcomes(base, "change.rate"), V{"change.rate:fail"});
  EXPECT_EQ(First(base, "change.rate")->verdict, Verdict::kMaterial);
  EXPECT_EQ(First(base, "change.rate")->expected, "15.00%");
  CheckRun dir = item("230.00万元，比2022年预算执行数减少15%。");
  EXPECT_EQ(Outcomes(dir, "change.direction"), V{"change.direction:fail"});
  EXPECT_EQ(Outcomes(dir, "change.rate"), V{});
  // The label before the figure names the measure, not the subject.
  ASSERT_EQ(ok.ex.claims.claims.size(), 1u);
  EXPECT_EQ(ok.ex.claims.claims[0].subject.class_path,
            "一般公共服务支出/人大事务/行政运行");
}

TEST(ChangeRulesTest, RateWithoutAnyComparedAmountIsNotChecked) {
  CheckRun r = Check({"三、支出决算情况说明",
                      "2023年度支出合计1889.05万元，比上年增长12.5%。"});
  EXPECT_EQ(Outcomes(r, "change.rate"), V{"change.rate:not_checked"});
  EXPECT_EQ(First(r, "change.rate")->verdict, Verdict::kNotChecked);
}

TEST(ChangeRulesTest, RateFromAZeroBaseIsNotChecked) {
  CheckRun r =
      Check({"五、一般公共预算支出预算情况说明",
             "（2）一般公共服务支出（类）组织事务（款）一般行政管理事务（项）："
             "2022年当年预算执行数为0.00万元，2023年预算安排79."
             "92万元，比上年增加100%。"},
            "budget");
  EXPECT_EQ(Outcomes(r, "change.rate"), V{"change.rate:not_checked"});
}

}  // namespace
}  // namespace budgetdoc
