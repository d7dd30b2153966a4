// Reading performance forms (schema/performance_forms.h) from the layouts
// the genre prints them in: page text with label–value lines, a ruled table
// with the project's and the year's funds side by side, the two blocks one
// above the other, and a final account's self-evaluation table. The forms
// are our own, in the shapes these reports use.
#include "schema/performance_forms.h"

#include "tests/testing/prose_report.h"

#include <gtest/gtest.h>

#include <map>

namespace budgetdoc {
namespace {

using testing::ReadProse;

Table Grid(const std::vector<std::vector<std::string>>& rows) {
  Table t;
  for (const auto& r : rows) {
    std::vector<Cell> cells;
    for (const std::string& text : r) {
      Cell c;
      c.text = text;
      cells.push_back(c);
    }
    t.AddRow(std::move(cells));
  }
  return t;
}

// metric[/basis][/label] → printed value, for compact expectations.
std::map<std::string, std::string> Values(const PerformanceForm& form) {
  std::map<std::string, std::string> out;
  for (const Fact& f : form.values) {
    std::string key = f.metric;
    if (f.basis != "budget" && f.basis != "actual") key += "/" + f.basis;
    if (f.metric == "perf.form.weight" || f.metric == "perf.form.score")
      key += "/" + f.label;
    out[key] = f.printed.ToString();
  }
  return out;
}

using M = std::map<std::string, std::string>;

TEST(PerformanceFormsTest, ATargetFormPrintedAsTextLinesIsReadWithBothSides) {
  testing::ProseReport r = ReadProse(
      {"项目支出绩效目标表", "项目名称 道路保洁经费 项目性质 经常性项目",
       "主管部门 某区市容管理局 实施单位 某区环卫所",
       "项目资金总额 2,400,000.00 年度资金申请总额 800,000.00",
       "其中：当年财政拨款 750,000.00", "项目资金",
       "其中：财政资金 2,300,000.00", "（元）", "上年结转资金 50,000.00",
       "其他资金 100,000.00 其他资金 0.00", "项目总体目标"},
      "budget");
  ASSERT_EQ(r.ex.forms.size(), 1u);
  const PerformanceForm& form = r.ex.forms[0];
  EXPECT_EQ(form.kind, PerformanceForm::Kind::kTarget);
  EXPECT_EQ(form.project, "道路保洁经费");
  EXPECT_EQ(form.unit, "元");
  EXPECT_EQ(Values(form), (M{{"perf.form.project.total", "2400000.00"},
                             {"perf.form.project.fiscal", "2300000.00"},
                             {"perf.form.project.other", "100000.00"},
                             {"perf.form.annual.total", "800000.00"},
                             {"perf.form.annual.fiscal", "750000.00"},
                             {"perf.form.annual.carryover", "50000.00"},
                             {"perf.form.annual.other", "0.00"}}));
  // Values are kept in 万元, quoted with their line.
  const Fact& total = form.values.front();
  EXPECT_EQ(total.value.ToString(), "240.000000");
  EXPECT_NE(std::string(total.quote).find("项目资金总额"), std::string::npos);
}

TEST(PerformanceFormsTest, ATableFormReadsEachFundFromTheCellRightOfItsLabel) {
  Table form = Grid({
      {"项目名称", "社区服务中心运行经费", "项目类别", "其他运转类"},
      {"项目资金总额", "1,200,000.00", "年度资金申请总额", "1,200,000.00"},
      {"", "", "其中：当年财政拨款", "1,150,000.00"},
      {"其中：财政资金（元）", "1,200,000.00", "", ""},
      {"", "", "上年结转资金", "50,000.00"},
      {"其他资金", "0.00", "其他资金", "0.00"},
      {"项目总目标", "", "年度总体目标", ""},
  });
  testing::ProseReport r =
      ReadProse({"财政项目支出绩效目标填报表"}, "budget", {form});
  ASSERT_EQ(r.ex.forms.size(), 1u);
  EXPECT_EQ(r.ex.forms[0].project, "社区服务中心运行经费");
  EXPECT_EQ(Values(r.ex.forms[0]),
            (M{{"perf.form.project.total", "1200000.00"},
               {"perf.form.project.fiscal", "1200000.00"},
               {"perf.form.project.other", "0.00"},
               {"perf.form.annual.total", "1200000.00"},
               {"perf.form.annual.fiscal", "1150000.00"},
               {"perf.form.annual.carryover", "50000.00"},
               {"perf.form.annual.other", "0.00"}}));
  const Fact& fiscal = r.ex.forms[0].values[2];
  EXPECT_EQ(fiscal.origin, Origin::kTable);
  EXPECT_EQ(fiscal.where.row, 2);
  EXPECT_EQ(fiscal.where.column, 3);
}

TEST(PerformanceFormsTest, BlocksPrintedOneAboveTheOtherKeepTheirSides) {
  testing::ProseReport r = ReadProse(
      {"项目名称：老年助餐补贴（单位：元）", "项目资金总额 300,000.00",
       "财政资金 280,000.00", "其他资金 20,000.00",
       "年度资金申请总额 120,000.00", "当年财政拨款 100,000.00",
       "上年结转资金 20,000.00", "其他资金 0.00"},
      "budget");
  ASSERT_EQ(r.ex.forms.size(), 1u);
  EXPECT_EQ(r.ex.forms[0].unit, "元");
  M v = Values(r.ex.forms[0]);
  EXPECT_EQ(v["perf.form.project.other"], "20000.00");
  EXPECT_EQ(v["perf.form.annual.other"], "0.00");
}

TEST(PerformanceFormsTest, OtherFundsPrintedOnceAreNotGivenASide) {
  testing::ProseReport r =
      ReadProse({"项目名称 文化活动经费",
                 "项目资金总额 90,000.00 年度资金申请总额 90,000.00",
                 "其中：财政资金 90,000.00 其中：当年财政拨款 90,000.00",
                 "其他资金 0.00"},
                "budget");
  ASSERT_EQ(r.ex.forms.size(), 1u);
  M v = Values(r.ex.forms[0]);
  EXPECT_EQ(v.count("perf.form.project.other"), 0u);
  EXPECT_EQ(v.count("perf.form.annual.other"), 0u);
  EXPECT_EQ(r.ex.forms[0].unit, "");  // no unit printed
}

TEST(PerformanceFormsTest, ASelfEvaluationTableIsReadByItsHeaderColumns) {
  Table form = Grid({
      {"项目名称", "社区微更新", "", "", "", "", "", ""},
      {"项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值",
       "执行率", "得分"},
      {"", "年度资金总额", "100.00", "120.00", "110.00", "10", "91.67%",
       "9.17"},
      {"", "其中：当年财政拨款", "100.00", "120.00", "110.00", "—", "91.67%",
       "—"},
      {"", "上年结转资金", "0.00", "0.00", "0.00", "—", "—", "—"},
      {"", "其他资金", "", "", "", "—", "—", "—"},
      {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
       "得分", "偏差原因分析及改进措施"},
      {"产出指标", "数量指标", "改造点位", "≥20个", "22个", "50", "50", ""},
      {"效益指标", "社会效益指标", "居民满意度", "≥90%", "93%", "40", "38", ""},
      {"总分", "", "", "", "", "100", "97.17", ""},
  });
  testing::ProseReport r =
      ReadProse({"项目支出绩效自评表"}, "final_accounts", {form});
  ASSERT_EQ(r.ex.forms.size(), 1u);
  const PerformanceForm& f = r.ex.forms[0];
  EXPECT_EQ(f.kind, PerformanceForm::Kind::kSelfEvaluation);
  EXPECT_EQ(f.unit, "万元");
  EXPECT_EQ(Values(f),
            (M{{"perf.form.annual.total/budget_initial", "100.00"},
               {"perf.form.annual.total/budget_adjusted", "120.00"},
               {"perf.form.annual.total", "110.00"},
               {"perf.form.annual.fiscal/budget_initial", "100.00"},
               {"perf.form.annual.fiscal/budget_adjusted", "120.00"},
               {"perf.form.annual.fiscal", "110.00"},
               {"perf.form.annual.carryover/budget_initial", "0.00"},
               {"perf.form.annual.carryover/budget_adjusted", "0.00"},
               {"perf.form.annual.carryover", "0.00"},
               {"perf.form.rate.total", "91.67"},
               {"perf.form.rate.fiscal", "91.67"},
               {"perf.form.weight/预算执行率", "10"},
               {"perf.form.score/预算执行率", "9.17"},
               {"perf.form.weight/改造点位", "50"},
               {"perf.form.score/改造点位", "50"},
               {"perf.form.weight/居民满意度", "40"},
               {"perf.form.score/居民满意度", "38"},
               {"perf.form.weight/总分", "100"},
               {"perf.form.score/总分", "97.17"}}));
  ASSERT_EQ(f.indicators.size(), 2u);
  EXPECT_EQ(f.indicators[0].name, "改造点位");
  EXPECT_EQ(f.indicators[0].target, "≥20个");
  EXPECT_EQ(f.indicators[0].actual, "22个");
  EXPECT_EQ(f.indicators[1].name, "居民满意度");
  EXPECT_EQ(f.indicators[1].actual, "93%");
}

TEST(PerformanceFormsTest,
     ASelfEvaluationInPageTextReadsOnlyRowsWithEveryEntry) {
  testing::ProseReport r = ReadProse(
      {"项目名称 社区微更新",
       "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
       "年度资金总额 100.00 120.00 110.00 10 91.67% 9.17",
       // 年初预算数 left blank: the entries cannot be placed.
       "其中：当年财政拨款 120.00 110.00 — 91.67% —"},
      "final_accounts");
  ASSERT_EQ(r.ex.forms.size(), 1u);
  M v = Values(r.ex.forms[0]);
  EXPECT_EQ(v["perf.form.annual.total/budget_adjusted"], "120.00");
  EXPECT_EQ(v["perf.form.rate.total"], "91.67");
  EXPECT_EQ(v.count("perf.form.annual.fiscal"), 0u);
  EXPECT_EQ(v.count("perf.form.rate.fiscal"), 0u);
}

TEST(PerformanceFormsTest, AListOfProjectsWithoutFundLabelsIsNoForm) {
  Table list = Grid({{"项目名称", "金额（万元）"},
                     {"道路保洁经费", "80.00"},
                     {"老年助餐补贴", "12.00"}});
  testing::ProseReport r = ReadProse({"重点项目情况"}, "budget", {list});
  EXPECT_TRUE(r.ex.forms.empty());
}

}  // namespace
}  // namespace budgetdoc
