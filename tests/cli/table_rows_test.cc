// Table rows through the whole pipeline: a row whose code cell was misread
// (a digit of a wrapped code lost, as PDF layouts of narrow code columns
// give) is missing from its parent's sum, which is then not checked rather
// than reported as a contradiction. Tables we wrote.
#include "cli/pipeline.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

std::string Report(const std::string& last_code) {
  return "某区某局2023年部门预算\n"
         "公开02表\n"
         "2023年部门支出总表\n"
         "编制单位：某区某局\t单位：元\n"
         "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n"
         "类\t款\t项\n"
         "210\t11\t\t行政事业单位医疗\t1969100.00\t1969100.00\t\n"
         "210\t11\t01\t行政单位医疗\t338700.00\t338700.00\t\n" +
         last_code + "\t事业单位医疗\t1630400.00\t1630400.00\t\n";
}

std::vector<std::string> Hierarchy(const std::string& text) {
  Result<Analysis> a = AnalyzeBytes(text, PipelineOptions{});
  EXPECT_TRUE(a.ok());
  std::vector<std::string> out;
  if (!a.ok()) return out;
  for (const CheckResult& r : a->report.results) {
    if (r.rule == "sum.func.hierarchy" &&
        r.message.find("21011") != std::string::npos)
      out.push_back(std::string(VerdictName(r.verdict)));
  }
  return out;
}

TEST(TableRowsTest, ARowWithAMisreadCodeLeavesItsParentNotChecked) {
  std::vector<std::string> whole = Hierarchy(Report("210\t11\t02"));
  ASSERT_FALSE(whole.empty());
  for (const std::string& v : whole) EXPECT_EQ(v, "pass");
  std::vector<std::string> misread = Hierarchy(Report("21\t11\t02"));
  ASSERT_FALSE(misread.empty());
  for (const std::string& v : misread) EXPECT_EQ(v, "not_checked");
}

}  // namespace
}  // namespace budgetdoc
