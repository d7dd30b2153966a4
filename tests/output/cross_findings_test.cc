// Tests output/cross_findings.{h,cc}: cross-document results as JSON and as
// the text of `budgetdoc compare`.
#include "output/cross_findings.h"

#include "output/cross_store.h"
#include "output/sqlite_store.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

Fact Amount(const char* metric, const char* value, const char* code) {
  Fact f;
  f.metric = metric;
  f.value = D(value);
  f.printed = D(value);
  f.unit = "万元";
  f.year = 2023;
  f.basis = "budget";
  f.code = code;
  f.fund = "gpb";
  f.origin = Origin::kTable;
  f.label = metric;
  return f;
}

CrossDocument Doc(const char* id, int year, std::vector<Fact> facts) {
  CrossDocument d;
  d.id = id;
  d.path = std::string(id) + ".pdf";
  d.meta.entity_name = "上海市普陀区审计局";
  d.meta.fiscal_year = year;
  d.meta.kind = "budget";
  d.meta.scope = "部门";
  d.facts = std::move(facts);
  return d;
}

// `compare` reads like `check`: material first and largest first.
TEST(CrossDocumentTest, TheComparisonTextPutsTheLargestMaterialFirst) {
  CrossDocument y1 =
      Doc("2023", 2023,
          {Amount("gpb.expenditure.by_func", "100.00", "2010301"),
           Amount("gpb.expenditure.by_func", "50.00", "2210201"),
           Amount("gpb.expenditure.total", "150.00", "")});
  CrossDocument y2 =
      Doc("2024", 2024,
          {Amount("gpb.expenditure.by_func", "101.00", "2010301"),
           Amount("gpb.expenditure.by_func", "58.40", "2210201"),
           Amount("gpb.expenditure.total", "150.02", "")});
  std::vector<CrossDocument> docs = {y1, y2};
  std::string text =
      RenderCrossText(docs, RunCrossChecks(docs, CheckOptions{}), false);
  size_t material = text.find("实质性问题 (2)");
  size_t large = text.find("2210201");
  size_t small = text.find("2010301");
  size_t minor = text.find("轻微问题 (1)");
  ASSERT_NE(material, std::string::npos) << text;
  ASSERT_NE(minor, std::string::npos) << text;
  EXPECT_LT(material, large) << text;
  EXPECT_LT(large, small) << text;
  EXPECT_LT(small, minor) << text;
  EXPECT_NE(text.find("差额约8.40万元"), std::string::npos) << text;
}

// The export of cross_findings as CSV: the scope is a region code, written
// quoted like every code column (leading zeros survive a spreadsheet), and
// text from documents that a spreadsheet would read as a formula is
// neutralized, codes included.
TEST(CrossFindingsTest, TheCsvExportQuotesTheScopeAndNeutralizesFormulas) {
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  CrossDocument y1 =
      Doc("1", 2023, {Amount("gpb.expenditure.total", "150.00", "")});
  CrossDocument y2 =
      Doc("2", 2024, {Amount("gpb.expenditure.total", "158.40", "")});
  y1.path = "=HYPERLINK(\"x\")2023.pdf";
  y2.path = "+2024.pdf";
  y1.meta.region_code = y2.meta.region_code = "010107";
  std::vector<CrossDocument> docs = {y1, y2};
  std::vector<CrossResult> results = RunCrossChecks(docs, CheckOptions{});
  ASSERT_EQ(results.size(), 1u);
  ASSERT_TRUE(
      WriteCrossFindings(**store, {"010107", "=1+1"}, docs, results).ok());
  // A scope that looks like a formula (a manifest region is free text).
  std::vector<CrossDocument> odd = {y1, y2};
  for (CrossDocument& d : odd) d.meta.region_code = "=1+1";
  ASSERT_TRUE(WriteCrossFindings(**store, {"=1+1"}, odd, results).ok());
  std::ostringstream csv;
  ExportOptions options;
  options.bom = false;
  ASSERT_TRUE(WriteCrossExport(**store, options, csv, "").ok());
  std::string text = csv.str();
  EXPECT_EQ(text.rfind("scope,seq,link,", 0), 0u) << text;
  EXPECT_NE(text.find("\r\n\"010107\",0,years,2,'+2024.pdf,1,"
                      "\"'=HYPERLINK(\"\"x\"\")2023.pdf\","),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\r\n\"'=1+1\",0,years,"), std::string::npos) << text;
  EXPECT_EQ(text.find(",=HYPERLINK"), std::string::npos) << text;
  // --raw leaves text as it is, for programs; codes stay quoted.
  std::ostringstream raw;
  options.raw = true;
  ASSERT_TRUE(WriteCrossExport(**store, options, raw, "").ok());
  EXPECT_NE(raw.str().find("\r\n\"=1+1\",0,years,2,+2024.pdf,"),
            std::string::npos)
      << raw.str();
}

}  // namespace
}  // namespace budgetdoc
