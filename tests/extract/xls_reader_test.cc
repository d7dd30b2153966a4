#include "base/file_io.h"
#include "extract/extract.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

TEST(XlsReaderTest, EachSheetBecomesATableWithNumbersAsStored) {
  Result<std::string> bytes =
      ReadFile(testing::SourcePath("samples/office/c02_final_finance.xls"));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_EQ(SniffFormat(*bytes), SniffedFormat::kXls);
  ExtractOptions opts;
  opts.source_name = "c02.xls";
  Result<Document> doc = Extract(*bytes, opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->format, Format::kXls);
  // Nine report tables plus the hidden sheet, which FreeXL cannot tell.
  ASSERT_EQ(doc->tables.size(), 10u);
  const Table& t = doc->tables[0];
  EXPECT_EQ(t.title, "公开01表");
  ASSERT_GE(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[1][0].text, "项目");
  // 24,884,400.00 in the DOCX: the number as stored, without its format.
  EXPECT_EQ(t.rows[2][2].text, "24884400");
  EXPECT_EQ(doc->blocks[0].text, "收入支出决算总表");
  bool noted = false;
  for (const Finding& f : doc->findings)
    noted |= f.rule == "extract.xls.limits";
  EXPECT_TRUE(noted);
}

TEST(XlsReaderTest, AWholeNumberTakesTheDecimalPlacesOfItsColumn) {
  // FreeXL knows no number formats: 9 is stored where Excel shows 9.00
  // below 31.94 and 22.94; printed "9" it would read as a row number.
  Result<std::string> bytes =
      ReadFile(testing::SourcePath("samples/office/c04_budget_audit.xls"));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<Document> doc = Extract(*bytes, ExtractOptions());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  int seen = 0;
  for (const Table& t : doc->tables) {
    for (const auto& row : t.rows) {
      if (row.size() < 3 || row[0].text != "2080506") continue;
      EXPECT_EQ(row[2].text, "9.00") << t.title;
      ++seen;
    }
  }
  EXPECT_GE(seen, 1);
}

}  // namespace
}  // namespace budgetdoc
