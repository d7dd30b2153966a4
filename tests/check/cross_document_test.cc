// Tests check/cross_document.{h,cc} on reports made of a few facts.
#include "check/cross_document.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

Fact Amount(const char* metric, const char* value, int year, const char* basis,
            const char* code = "", const char* fund = "gpb") {
  Fact f;
  f.metric = metric;
  f.value = D(value);
  f.printed = D(value);
  f.unit = "万元";
  f.year = year;
  f.basis = basis;
  f.code = code;
  f.fund = fund;
  f.origin = Origin::kTable;
  f.label = metric;
  return f;
}

CrossDocument Doc(const char* id, const char* name, int year, const char* kind,
                  const char* scope, std::vector<Fact> facts) {
  CrossDocument d;
  d.id = id;
  d.path = std::string(id) + ".pdf";
  d.meta.entity_name = name;
  d.meta.fiscal_year = year;
  d.meta.kind = kind;
  d.meta.scope = scope;
  d.facts = std::move(facts);
  return d;
}

std::vector<std::string> Outcomes(const std::vector<CrossResult>& rs,
                                  std::string_view rule) {
  std::vector<std::string> out;
  for (const CrossResult& r : rs) {
    if (r.result.rule == rule)
      out.push_back(std::string(VerdictName(r.result.verdict)));
  }
  return out;
}

TEST(CrossDocumentTest, LinksOneBodysConsecutiveYearsUnderAnyOfItsNames) {
  std::vector<CrossDocument> docs = {
      Doc("a", "中共江苏省委办公厅", 2018, "budget", "部门", {}),
      Doc("b", "中国共产党江苏省委员会办公厅", 2019, "budget", "部门", {}),
      Doc("c", "江苏省政协办公厅", 2019, "budget", "部门", {}),
      Doc("d", "江苏省委办公厅", 2021, "budget", "部门", {}),
  };
  std::vector<YearLink> links = LinkYears(docs);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].earlier, 0u);
  EXPECT_EQ(links[0].later, 1u);
}

TEST(CrossDocumentTest, ComparesLastYearsBudgetWithTheBudgetPrintedLastYear) {
  CrossDocument y1 = Doc(
      "2023", "上海市普陀区审计局", 2023, "budget", "部门",
      {Amount("gpb.expenditure.by_func", "812.40", 2023, "budget", "2010301"),
       Amount("gpb.expenditure.total", "1274.10", 2023, "budget")});
  CrossDocument y2 = Doc(
      "2024", "上海市普陀区审计局", 2024, "budget", "部门",
      {Amount("gpb.expenditure.by_func", "820.80", 2023, "budget", "2010301"),
       Amount("gpb.expenditure.total", "1274.1", 2023, "budget")});
  std::vector<CrossResult> rs = CompareYears(y1, y2, CheckOptions{});
  ASSERT_EQ(rs.size(), 2u);
  // Sorted by key: the item, then the total.
  EXPECT_EQ(rs[0].subject, "gpb.expenditure.by_func|2010301|gpb");
  EXPECT_EQ(rs[0].result.outcome, Outcome::kFail);
  EXPECT_EQ(rs[0].result.verdict, Verdict::kMaterial);
  EXPECT_EQ(rs[0].result.severity, Severity::kError);
  EXPECT_EQ(rs[0].result.size_wan, D("8.40"));
  EXPECT_EQ(rs[0].documents, (std::vector<std::string>{"2024", "2023"}));
  ASSERT_EQ(rs[0].result.evidence.size(), 2u);
  EXPECT_EQ(rs[0].result.evidence[0].where.source, "2024.pdf");
  EXPECT_EQ(rs[0].result.evidence[1].where.source, "2023.pdf");
  EXPECT_EQ(rs[1].result.outcome, Outcome::kPass);
  EXPECT_EQ(rs[1].result.verdict, Verdict::kPass);
}

TEST(CrossDocumentTest, AgreementAtPrintedPrecisionPassesAndOneUnitOffIsMinor) {
  struct Case {
    const char* earlier;
    const char* later;
    Verdict verdict;
    bool within_rounding;
  };
  const Case cases[] = {
      {"812.40", "812.4", Verdict::kPass, false},
      {"812.43", "812.4", Verdict::kPass, true},
      {"812.40", "812.42", Verdict::kMinor, false},
      {"812.40", "812.50", Verdict::kMaterial, false},
  };
  for (const Case& c : cases) {
    CrossDocument y1 =
        Doc("2023", "上海市普陀区审计局", 2023, "budget", "部门",
            {Amount("gpb.expenditure.total", c.earlier, 2023, "budget")});
    CrossDocument y2 =
        Doc("2024", "上海市普陀区审计局", 2024, "budget", "部门",
            {Amount("gpb.expenditure.total", c.later, 2023, "budget")});
    std::vector<CrossResult> rs = CompareYears(y1, y2, CheckOptions{});
    ASSERT_EQ(rs.size(), 1u) << c.earlier << " " << c.later;
    EXPECT_EQ(rs[0].result.verdict, c.verdict) << c.earlier << " " << c.later;
    EXPECT_EQ(rs[0].result.within_rounding, c.within_rounding)
        << c.earlier << " " << c.later;
  }
}

TEST(CrossDocumentTest, ALaterReportThatRestatedLastYearIsNotCheckedWithWhy) {
  CrossDocument y1 =
      Doc("2023", "上海市普陀区审计局", 2023, "budget", "部门",
          {Amount("gpb.expenditure.total", "1274.10", 2023, "budget")});
  CrossDocument y2 =
      Doc("2024", "上海市普陀区审计局", 2024, "budget", "部门",
          {Amount("gpb.expenditure.total", "1300.00", 2023, "budget")});
  y2.restatement = "因机构改革，上年预算数已按调整后口径列示";
  std::vector<CrossResult> rs = CompareYears(y1, y2, CheckOptions{});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].result.verdict, Verdict::kNotChecked);
  EXPECT_NE(rs[0].result.reason.find("调整后口径"), std::string::npos)
      << rs[0].result.reason;
  // The same said in the quote of a figure.
  y2.restatement.clear();
  y2.facts[0].quote = "上年数按同口径调整为1300.00万元";
  rs = CompareYears(y1, y2, CheckOptions{});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].result.verdict, Verdict::kNotChecked);
}

TEST(CrossDocumentTest, FindsTheSentenceThatSaysLastYearWasRestated) {
  struct Case {
    const char* text;
    const char* sentence;
  };
  const Case cases[] = {
      {"一、收支总体情况。上年数已按新口径调整；其他说明。",
       "上年数已按新口径调整"},
      {"以前年度数据追溯调整后列示", "以前年度数据追溯调整后列示"},
      {"本年支出较上年增加10万元。", ""},
      {"统计口径与本年一致。", ""},  // no last year named
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindRestatement(c.text), c.sentence) << c.text;
  }
}

TEST(CrossDocumentTest,
     AnExecutionFigureThatDiffersFromThePlanIsNoContradiction) {
  CrossDocument y1 = Doc(
      "2023", "上海市普陀区审计局", 2023, "budget", "部门",
      {Amount("three_public.total", "21.97", 2023, "budget", "", "fiscal")});
  CrossDocument y2 = Doc(
      "2024", "上海市普陀区审计局", 2024, "budget", "部门",
      {Amount("three_public.total", "19.40", 2023, "actual", "", "fiscal")});
  std::vector<CrossResult> rs = CompareYears(y1, y2, CheckOptions{});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].result.rule, "cross.year.prior_execution");
  EXPECT_EQ(rs[0].result.outcome, Outcome::kNotApplicable);
  EXPECT_NE(rs[0].result.reason.find("-2.57万元"), std::string::npos)
      << rs[0].result.reason;
}

TEST(CrossDocumentTest, ComparesActualWithActualAndNeverBudgetWithActual) {
  CrossDocument final23 =
      Doc("f23", "上海市普陀区财政局", 2023, "final_accounts", "部门",
          {Amount("expenditure.total", "5000.00", 2023, "actual", "", "all")});
  CrossDocument final24 =
      Doc("f24", "上海市普陀区财政局", 2024, "final_accounts", "部门",
          {Amount("expenditure.total", "5000.50", 2023, "actual", "", "all"),
           Amount("expenditure.total", "4800.00", 2023, "budget", "", "all")});
  std::vector<CrossResult> rs = CompareYears(final23, final24, CheckOptions{});
  EXPECT_EQ(Outcomes(rs, "cross.year.prior_actual"),
            std::vector<std::string>{"material"});
  EXPECT_TRUE(Outcomes(rs, "cross.year.prior_budget").empty());
}

std::vector<Fact> UnitFacts(const char* total, const char* item) {
  return {Amount("gpb.expenditure.total", total, 2024, "budget"),
          Amount("gpb.expenditure.by_func", item, 2024, "budget", "2210201")};
}

TEST(CrossDocumentTest, ADepartmentWithAllItsUnitsIsTheirSum) {
  std::vector<Fact> dept = UnitFacts("100.00", "10.00");
  Fact count;
  count.metric = "org.affiliated_units";
  count.measure = Measure::kCount;
  count.value = D("2");
  dept.push_back(count);
  std::vector<CrossDocument> docs = {
      Doc("d", "上海市普陀区财政局", 2024, "budget", "部门", dept),
      Doc("u1", "上海市普陀区财政局本级", 2024, "budget", "单位",
          UnitFacts("60.00", "6.00")),
      Doc("u2", "上海市普陀区财政局信息中心", 2024, "budget", "单位",
          UnitFacts("25.00", "2.50")),
      Doc("u3", "上海市普陀区财政局服务中心", 2024, "budget", "单位",
          UnitFacts("15.00", "1.60")),
      Doc("x", "上海市普陀区商务委员会信息中心", 2024, "budget", "单位",
          UnitFacts("15.00", "1.60")),
  };
  std::vector<UnitLink> links = LinkUnits(docs);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].units, (std::vector<size_t>{1, 2, 3}));
  std::vector<CrossResult> rs = RunCrossChecks(docs, CheckOptions{});
  EXPECT_EQ(Outcomes(rs, "cross.unit.sum"),
            (std::vector<std::string>{"material", "pass"}));
  for (const CrossResult& r : rs) {
    if (r.result.outcome == Outcome::kFail) {
      EXPECT_EQ(r.subject, "gpb.expenditure.by_func|2210201|gpb");
      EXPECT_EQ(r.result.evidence.size(), 4u);
    }
  }
}

TEST(CrossDocumentTest, UnitsMissingLeaveTheSumNotCheckedAndEachUnitBelow) {
  std::vector<CrossDocument> docs = {
      Doc("d", "上海市普陀区民政局", 2024, "budget", "部门",
          UnitFacts("100.00", "10.00")),
      Doc("u1", "上海市普陀区民政局本级", 2024, "budget", "单位",
          UnitFacts("60.00", "12.00")),
  };
  std::vector<CrossResult> rs = RunCrossChecks(docs, CheckOptions{});
  EXPECT_EQ(Outcomes(rs, "cross.unit.sum"),
            std::vector<std::string>{"not_checked"});
  EXPECT_EQ(Outcomes(rs, "cross.unit.at_least"),
            (std::vector<std::string>{"material", "pass"}));
  for (const CrossResult& r : rs) {
    if (r.result.rule == "cross.unit.sum") {
      EXPECT_NE(r.result.reason.find("未列出所属单位数"), std::string::npos);
    }
  }
}

TEST(CrossDocumentTest, ADepartmentWithOnlyItsOwnUnitPrintsThatUnitsFigures) {
  std::vector<Fact> dept = UnitFacts("100.00", "10.00");
  Fact count;
  count.metric = "org.affiliated_units";
  count.measure = Measure::kCount;
  count.value = D("0");
  dept.push_back(count);
  std::vector<CrossDocument> docs = {
      Doc("d", "上海市普陀区统计局", 2024, "budget", "部门", dept),
      Doc("u", "上海市普陀区统计局（本级）", 2024, "budget", "单位",
          UnitFacts("100.00", "10.50")),
  };
  std::vector<CrossResult> rs = RunCrossChecks(docs, CheckOptions{});
  EXPECT_EQ(Outcomes(rs, "cross.unit.own_only"),
            (std::vector<std::string>{"material", "pass"}));
}

// Cross-document findings go through the mapping of check/verdict.h: a
// figure recognized by OCR raises nothing, as in a single report.
TEST(CrossDocumentTest, AFigureRecognizedByOcrIsNotCheckedLikeInOneReport) {
  CrossDocument y1 =
      Doc("2023", "上海市普陀区审计局", 2023, "budget", "部门",
          {Amount("gpb.expenditure.total", "1274.10", 2023, "budget")});
  CrossDocument y2 =
      Doc("2024", "上海市普陀区审计局", 2024, "budget", "部门",
          {Amount("gpb.expenditure.total", "1300.00", 2023, "budget")});
  y2.facts[0].ocr = true;
  y2.facts[0].ocr_confidence = 93;
  std::vector<CrossResult> rs = CompareYears(y1, y2, CheckOptions{});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].result.outcome, Outcome::kFail);
  EXPECT_EQ(rs[0].result.verdict, Verdict::kNotChecked);
  EXPECT_EQ(rs[0].result.severity, Severity::kInfo);
  EXPECT_TRUE(rs[0].result.capped);
  EXPECT_EQ(rs[0].result.evidence[0].ocr_confidence, 93);
  EXPECT_NE(rs[0].result.reason.find("图像识别"), std::string::npos);
  // Read from its text layer, the same difference is material.
  y2.facts[0].ocr = false;
  y2.facts[0].ocr_confidence = -1;
  rs = CompareYears(y1, y2, CheckOptions{});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].result.verdict, Verdict::kMaterial);
  EXPECT_EQ(rs[0].result.size_wan, D("25.90"));
  EXPECT_EQ(rs[0].result.size_rel, D("2.03"));
}

// A unit above its department is sized like any other failure: by the
// difference beyond rounding, one unit of the last digit being minor.
TEST(CrossDocumentTest, AUnitAboveItsDepartmentIsSizedLikeAnyFailure) {
  struct Case {
    const char* dept;
    const char* unit;
    const char* verdict;
    const char* size;
  };
  const Case cases[] = {
      {"10.00", "10.02", "minor", "0.02"},
      {"10.00", "15.00", "material", "5.00"},
      {"10.00", "10.01", "pass", "0"},
  };
  for (const Case& c : cases) {
    std::vector<CrossDocument> docs = {
        Doc("d", "上海市普陀区民政局", 2024, "budget", "部门",
            UnitFacts("100.00", c.dept)),
        Doc("u1", "上海市普陀区民政局本级", 2024, "budget", "单位",
            UnitFacts("60.00", c.unit)),
    };
    std::vector<CrossResult> rs = RunCrossChecks(docs, CheckOptions{});
    std::vector<std::string> at_least = Outcomes(rs, "cross.unit.at_least");
    ASSERT_FALSE(at_least.empty());
    EXPECT_EQ(at_least[0], c.verdict) << c.unit;
    for (const CrossResult& r : rs) {
      if (r.result.rule == "cross.unit.at_least" && !r.subject.empty()) {
        EXPECT_EQ(r.result.size_wan, D(c.size)) << c.unit;
        EXPECT_EQ(r.result.severity, std::string(c.verdict) == "minor"
                                         ? Severity::kWarning
                                         : Severity::kError);
      }
    }
  }
}

}  // namespace
}  // namespace budgetdoc
