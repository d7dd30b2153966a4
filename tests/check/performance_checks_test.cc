// The performance forms' rules (check/performance_checks.cc) on forms we
// write in the genre's layouts: a form's funds add up, the text's amount
// for the projects with targets is the sum of their forms, a
// self-evaluation's execution rates and scores agree with its figures.
#include "check/check.h"
#include "tests/testing/prose_report.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

using V = std::vector<std::string>;

CheckReport CheckLines(const std::vector<std::string>& lines,
                       std::string_view kind = "budget",
                       std::vector<Table> tables = {}) {
  testing::ProseReport r = testing::ReadProse(lines, kind, std::move(tables));
  return RunChecks(r.nd, r.ex, CheckOptions{});
}

// "rule:verdict" of every result of rules starting with `prefix`.
V Verdicts(const CheckReport& report, std::string_view rule) {
  V out;
  for (const CheckResult& c : report.results) {
    if (c.rule == rule)
      out.push_back(c.rule + ":" + std::string(VerdictName(c.verdict)));
  }
  return out;
}

const CheckResult* FirstOf(const CheckReport& report, std::string_view rule) {
  for (const CheckResult& c : report.results) {
    if (c.rule == rule) return &c;
  }
  return nullptr;
}

// A target form as page text, the year's funds given.
std::vector<std::string> TargetForm(std::string name, std::string total,
                                    std::string fiscal,
                                    std::string project_total = "") {
  if (project_total.empty()) project_total = total;
  return {"项目名称 " + name + " 项目性质 经常性项目",
          "项目资金总额 " + project_total + " 年度资金申请总额 " + total,
          "其中：当年财政拨款 " + fiscal,
          "其中：财政资金 " + project_total,
          "（元）",
          "上年结转资金 0.00",
          "其他资金 0.00 其他资金 0.00",
          "年度总体目标"};
}

std::vector<std::string> Join(std::vector<std::vector<std::string>> parts) {
  std::vector<std::string> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST(PerformanceChecksTest, AFiscalPartAboveTheYearsRequestIsMaterial) {
  CheckReport report = CheckLines(
      TargetForm("公共设施运行经费", "1,090,000.00", "1,141,600.00"));
  EXPECT_EQ(Verdicts(report, "sum.performance_form"),
            (V{"sum.performance_form:material", "sum.performance_form:pass"}));
  const CheckResult* r = FirstOf(report, "sum.performance_form");
  // Quoted in the form's own unit, sized in 万元.
  EXPECT_EQ(r->printed, "1090000.00元");
  EXPECT_EQ(r->expected, "1141600.00元");
  EXPECT_EQ(r->size_wan.ToString(), "5.16");
  EXPECT_NE(r->message.find("公共设施运行经费"), std::string::npos);
}

TEST(PerformanceChecksTest, FundsThatAddUpPass) {
  CheckReport report =
      CheckLines(TargetForm("道路保洁经费", "800,000.00", "800,000.00"));
  EXPECT_EQ(Verdicts(report, "sum.performance_form"),
            (V{"sum.performance_form:pass", "sum.performance_form:pass"}));
}

TEST(PerformanceChecksTest, TheTextsProjectAmountIsTheSumOfItsForms) {
  auto report = [](std::string sentence) {
    return CheckLines(
        Join({{"四、绩效目标设置情况", sentence},
              TargetForm("甲项目", "1,200,000.00", "1,200,000.00"),
              TargetForm("乙项目", "356,400.00", "356,400.00")}));
  };
  EXPECT_EQ(
      Verdicts(report("编报绩效目标的项目2个，涉及项目预算资金155.64万元。"),
               "sum.performance_projects"),
      V{"sum.performance_projects:pass"});
  CheckReport off =
      report("编报绩效目标的项目2个，涉及项目预算资金132.84万元。");
  EXPECT_EQ(Verdicts(off, "sum.performance_projects"),
            V{"sum.performance_projects:material"});
  EXPECT_EQ(FirstOf(off, "sum.performance_projects")->expected, "155.64万元");
  // Fewer forms than projects: the forms printed are a selection.
  CheckReport partial =
      report("编报绩效目标的项目14个，涉及项目预算资金1099.22万元。");
  EXPECT_EQ(Verdicts(partial, "sum.performance_projects"),
            V{"sum.performance_projects:not_checked"});
}

TEST(PerformanceChecksTest, MultiYearProjectsMayBeCountedAtTheirWholeAmount) {
  // Two three-year projects: the year's requests sum to 100万元, the
  // projects' totals to 300万元; a text giving either is consistent.
  auto report = [](std::string amount) {
    return CheckLines(Join(
        {{"编报绩效目标的项目2个，涉及项目预算资金" + amount + "万元。"},
         TargetForm("甲项目", "400,000.00", "400,000.00", "1,200,000.00"),
         TargetForm("乙项目", "600,000.00", "600,000.00", "1,800,000.00")}));
  };
  EXPECT_EQ(Verdicts(report("100.00"), "sum.performance_projects"),
            V{"sum.performance_projects:pass"});
  EXPECT_EQ(Verdicts(report("300.00"), "sum.performance_projects"),
            V{"sum.performance_projects:pass"});
  EXPECT_EQ(Verdicts(report("250.00"), "sum.performance_projects"),
            V{"sum.performance_projects:material"});
}

Table SelfEvaluation(std::string rate, std::string fund_score,
                     std::string total_score) {
  auto row = [](std::vector<std::string> texts) {
    std::vector<Cell> cells;
    for (std::string& t : texts) {
      Cell c;
      c.text = std::move(t);
      cells.push_back(c);
    }
    return cells;
  };
  Table t;
  t.AddRow(row({"项目名称", "社区微更新", "", "", "", "", "", ""}));
  t.AddRow(row({"项目资金（万元）", "", "年初预算数", "全年预算数",
                "全年执行数", "分值", "执行率", "得分"}));
  t.AddRow(row({"", "年度资金总额", "100.00", "120.00", "110.00", "10", rate,
                fund_score}));
  t.AddRow(row(
      {"", "其中：当年财政拨款", "100.00", "120.00", "110.00", "—", "—", "—"}));
  t.AddRow(row({"", "上年结转资金", "0.00", "0.00", "0.00", "—", "—", "—"}));
  t.AddRow(row({"", "其他资金", "0.00", "0.00", "0.00", "—", "—", "—"}));
  t.AddRow(row({"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                "分值", "得分", "偏差原因"}));
  t.AddRow(row(
      {"产出指标", "数量指标", "改造点位", "≥20个", "22个", "50", "50", ""}));
  t.AddRow(row(
      {"效益指标", "满意度指标", "居民满意度", "≥90%", "93%", "40", "38", ""}));
  t.AddRow(row({"总分", "", "", "", "", "100", total_score, ""}));
  return t;
}

TEST(PerformanceChecksTest, ASelfEvaluationThatAgreesWithItselfPasses) {
  CheckReport report = CheckLines({"项目支出绩效自评表"}, "final_accounts",
                                  {SelfEvaluation("91.67%", "9.17", "97.17")});
  EXPECT_EQ(Verdicts(report, "completion.performance_form"),
            V{"completion.performance_form:pass"});
  EXPECT_EQ(Verdicts(report, "sum.performance_scores"),
            (V{"sum.performance_scores:pass", "sum.performance_scores:pass"}));
  EXPECT_EQ(Verdicts(report, "sum.performance_form"),
            (V{"sum.performance_form:pass", "sum.performance_form:pass",
               "sum.performance_form:pass"}));
}

TEST(PerformanceChecksTest, AWrongExecutionRateOrTotalScoreIsFound) {
  CheckReport rate = CheckLines({"项目支出绩效自评表"}, "final_accounts",
                                {SelfEvaluation("97.50%", "9.17", "97.17")});
  EXPECT_EQ(Verdicts(rate, "completion.performance_form"),
            V{"completion.performance_form:material"});
  CheckReport total = CheckLines({"项目支出绩效自评表"}, "final_accounts",
                                 {SelfEvaluation("91.67%", "9.17", "99.17")});
  V scores = Verdicts(total, "sum.performance_scores");
  // Material first (check/defects.h orders them).
  EXPECT_EQ(scores, (V{"sum.performance_scores:material",
                       "sum.performance_scores:pass"}));
}

TEST(PerformanceChecksTest, AScoreAboveItsWeightIsFound) {
  CheckReport report = CheckLines({"项目支出绩效自评表"}, "final_accounts",
                                  {SelfEvaluation("91.67%", "12", "100")});
  bool above = false;
  for (const CheckResult& c : report.results) {
    above |= c.rule == "sum.performance_scores" &&
             c.message.find("得分不应超过其分值") != std::string::npos &&
             c.verdict == Verdict::kMaterial;
  }
  EXPECT_TRUE(above);
}

TEST(PerformanceChecksTest, ATargetMissedWhileTheTextSaysAllWereMetIsFound) {
  auto run = [](std::string sentence, std::string achieved) {
    Table t = SelfEvaluation("91.67%", "9.17", "97.17");
    t.rows[7][4].text = achieved;  // 改造点位: target ≥20个
    return CheckLines({"九、绩效自评情况", sentence}, "final_accounts", {t});
  };
  const std::string all_met = "本部门项目年度绩效目标各项指标全部完成。";
  EXPECT_EQ(Verdicts(run(all_met, "18个"), "agree.performance_targets"),
            V{"agree.performance_targets:material"});
  // Met, or a value in another unit, or no such statement: nothing to say.
  EXPECT_EQ(Verdicts(run(all_met, "20个"), "agree.performance_targets"), V{});
  EXPECT_EQ(Verdicts(run(all_met, "18场"), "agree.performance_targets"), V{});
  EXPECT_EQ(Verdicts(run("项目总体完成情况较好。", "18个"),
                     "agree.performance_targets"),
            V{});
}

TEST(PerformanceChecksTest, ARateCappedAtAHundredForAnOverrunIsNotJudged) {
  Table t = SelfEvaluation("100%", "10", "98");
  t.rows[2][3].text = "100.00";  // 全年预算数 below 全年执行数 110.00
  t.rows[3][3].text = "100.00";
  CheckReport report =
      CheckLines({"项目支出绩效自评表"}, "final_accounts", {t});
  EXPECT_EQ(Verdicts(report, "completion.performance_form"),
            V{"completion.performance_form:not_checked"});
}

}  // namespace
}  // namespace budgetdoc
