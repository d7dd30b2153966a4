// Claims in JSON: the roles a reader (and scripts/eval) sees for sentences
// we wrote in the genre's shapes.
#include "output/claims_json.h"

#include "schema/claims.h"
#include "schema/narrative.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

Json ClaimsOf(const std::vector<std::string>& lines, std::string_view kind) {
  Document doc;
  doc.format = Format::kDocx;
  for (const std::string& l : lines) {
    Block b;
    b.text = l;
    doc.blocks.push_back(b);
  }
  NormalizedDocument nd = Normalize(std::move(doc), NormalizeOptions{});
  Extraction ex;
  ex.meta.fiscal_year = 2024;
  ex.meta.kind = std::string(kind);
  ex.claims = ReadClaims(nd, ex.meta, MetricCatalog::Default());
  ex.facts = FactsFromClaims(ex.claims, nd, ex.meta, MetricCatalog::Default());
  return ClaimsToJson(nd, ex);
}

std::string Str(const Json& j, std::string_view key) {
  const Json* v = j.Find(key);
  return v == nullptr || v->is_null() ? "" : v->text();
}

// "role=value" for each role of a claim, in order.
std::vector<std::string> Roles(const Json& claim) {
  std::vector<std::string> out;
  for (const Json& r : claim.Find("roles")->array())
    out.push_back(Str(r, "role") + "=" + Str(r, "value"));
  return out;
}

using V = std::vector<std::string>;

TEST(ClaimsJsonTest, DistrictItemSentenceHasPriorValueRateAndReason) {
  Json claims = ClaimsOf(
      {"五、一般公共预算支出预算情况说明",
       "（1）一般公共服务支出（类）人大事务（款）行政运行（项）：2023年预算"
       "执行数为200.00万元，2024年预算安排230.00万元，比2023年预算执行数增长"
       "15%，主要原因是新增会议经费30.00万元。"},
      "budget");
  ASSERT_EQ(claims.array().size(), 1u);
  const Json& c = claims.array()[0];
  EXPECT_EQ(Roles(c),
            (V{"prior=200.00", "value=230.00", "rate=15", "reason=30.00"}));
  EXPECT_EQ(Str(c, "direction"), "增长");
  EXPECT_EQ(c.Find("comparison")->Find("year")->text(), "2023");
  EXPECT_EQ(Str(*c.Find("comparison"), "basis"), "execution");
  EXPECT_EQ(Str(*c.Find("subject"), "metric"), "gpb.expenditure.by_func");
  EXPECT_EQ(Str(*c.Find("subject"), "class_path"),
            "一般公共服务支出/人大事务/行政运行");
}

TEST(ClaimsJsonTest, BreakdownPartsAreComponentsAndSharesKnowTheirTotal) {
  Json claims = ClaimsOf({"三、支出决算情况说明",
                          "2024年度本年支出合计800.00万元，其中：基本支出"
                          "600.00万元，占75%；项目支出200.00万元，占25%。"},
                         "final_accounts");
  ASSERT_EQ(claims.array().size(), 3u);
  EXPECT_EQ(Roles(claims.array()[0]),
            (V{"value=800.00", "component=600.00", "component=200.00"}));
  EXPECT_EQ(Roles(claims.array()[1]),
            (V{"value=600.00", "share=75", "total=800.00"}));
  EXPECT_EQ(Str(claims.array()[1], "owner"), "c0");
}

TEST(ClaimsJsonTest, FinalAccountsBudgetFigureIsTheBudgetRole) {
  Json claims = ClaimsOf({"七、“三公”经费财政拨款支出决算情况说明",
                          "2024年度“三公”经费财政拨款支出年初预算为20.00万元，"
                          "支出决算为18.00万元，完成预算的90%。"},
                         "final_accounts");
  ASSERT_EQ(claims.array().size(), 1u);
  EXPECT_EQ(Roles(claims.array()[0]),
            (V{"budget=20.00", "value=18.00", "completion=90"}));
}

TEST(ClaimsJsonTest, UnchangedFigureStatesItsComparison) {
  Json claims = ClaimsOf(
      {"五、一般公共预算支出预算情况说明",
       "（2）卫生健康支出（类）公共卫生（款）基本公共卫生服务（项）：2023年"
       "预算执行数为45.00万元，2024年预算安排45.00万元，与2023年预算执行数"
       "持平。"},
      "budget");
  ASSERT_EQ(claims.array().size(), 1u);
  EXPECT_EQ(Str(claims.array()[0], "direction"), "持平");
  EXPECT_EQ(claims.array()[0].Find("comparison")->Find("year")->text(), "2023");
}

TEST(ClaimsJsonTest, PolicyRateIsNotCheckableWithItsReason) {
  Json claims = ClaimsOf(
      {"四、支出预算情况说明", "按照过紧日子要求，一般性支出统一压减10%。"},
      "budget");
  ASSERT_EQ(claims.array().size(), 1u);
  const Json& c = claims.array()[0];
  EXPECT_EQ(Str(c, "status"), "not_checkable");
  EXPECT_EQ(Roles(c), (V{"policy_rate=10"}));
  EXPECT_EQ(Str(*c.Find("subject"), "metric"), "policy.rate");
  EXPECT_NE(Str(c, "reason").find("policy_rate"), std::string::npos);
}

}  // namespace
}  // namespace budgetdoc
