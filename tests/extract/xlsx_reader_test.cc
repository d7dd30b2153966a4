#include "extract/extract.h"
#include "extract/readers.h"
#include "extract/zip_archive.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

constexpr char kWorkbook[] =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="公开01表" sheetId="1" r:id="rId1"/>)"
    R"(<sheet name="底稿" sheetId="2" state="hidden" r:id="rId2"/>)"
    R"(<sheet name="公开07表" sheetId="3" r:id="rId3"/></sheets></workbook>)";

constexpr char kRels[] =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Target="worksheets/sheet2.xml"/>)"
    R"(<Relationship Id="rId3" Target="/xl/worksheets/sheet3.xml"/></Relationships>)";

constexpr char kShared[] =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<si><t>收入支出决算总表</t></si>)"
    R"(<si><t>金额单位：元</t></si>)"
    R"(<si><t>项目</t></si>)"
    R"(<si><r><t>决算</t></r><r><t>数</t></r><rPh><t>けっさん</t></rPh></si>)"
    R"(<si><t>一般公共预算财政拨款收入</t></si>)"
    R"(<si><t>占比</t></si></sst>)";

// Styles: 0 General, 1 千分位 with 2 decimals (built-in 4), 2 percent with
// 2 decimals (custom 164), 3 two decimals with a literal unit (custom 165).
constexpr char kStyles[] =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00%"/>)"
    R"(<numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/></numFmts>)"
    R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="4"/>)"
    R"(<xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>)";

constexpr char kSheet1[] =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
    R"(<row r="2"><c r="C2" t="s"><v>1</v></c></row>)"
    R"(<row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="inlineStr"><is><t>备注</t></is></c></row>)"
    R"(<row r="4"><c r="A4" t="s"><v>4</v></c><c r="C4" s="1"><v>24884400</v></c><c r="D4" s="3"><v>12.3</v></c></row>)"
    R"(<row r="5"><c r="A5" t="s"><v>5</v></c><c r="C5" s="2"><v>0.2345</v></c><c r="D5" t="str"><v>公式文本</v></c></row>)"
    R"(</sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells></worksheet>)";

constexpr char kSheet2[] =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="1"><c r="A1"><v>999.99</v></c></row></sheetData></worksheet>)";

constexpr char kSheet3[] =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row><c t="inlineStr"><is><t>项目</t></is></c><c t="inlineStr"><is><t>金额</t></is></c></row>)"
    R"(<row><c t="inlineStr"><is><t>合计</t></is></c><c><v>1889.0500000000002</v></c></row>)"
    R"(</sheetData></worksheet>)";

std::string Workbook() {
  Result<std::string> zip = WriteZipForTest({
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml", kWorkbook},
      {"xl/_rels/workbook.xml.rels", kRels},
      {"xl/sharedStrings.xml", kShared},
      {"xl/styles.xml", kStyles},
      {"xl/worksheets/sheet1.xml", kSheet1},
      {"xl/worksheets/sheet2.xml", kSheet2},
      {"xl/worksheets/sheet3.xml", kSheet3},
  });
  EXPECT_TRUE(zip.ok());
  return zip.ok() ? *zip : std::string();
}

TEST(XlsxReaderTest, IsSniffedAsAWorkbook) {
  EXPECT_EQ(SniffFormat(Workbook()), SniffedFormat::kXlsx);
}

TEST(XlsxReaderTest, EachVisibleSheetBecomesATableTitledWithItsName) {
  ExtractOptions opts;
  opts.source_name = "book.xlsx";
  Result<Document> doc = Extract(Workbook(), opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->format, Format::kXlsx);
  ASSERT_EQ(doc->tables.size(), 2u);
  EXPECT_EQ(doc->tables[0].title, "公开01表");
  EXPECT_EQ(doc->tables[1].title, "公开07表");
  // Title and unit rows above the grid are captions before the table.
  ASSERT_GE(doc->blocks.size(), 3u);
  EXPECT_EQ(doc->blocks[0].kind, BlockKind::kCaption);
  EXPECT_EQ(doc->blocks[0].text, "收入支出决算总表");
  EXPECT_EQ(doc->blocks[1].text, "金额单位：元");
  EXPECT_EQ(doc->blocks[2].kind, BlockKind::kTable);
  // The hidden sheet is skipped and noted.
  bool noted = false;
  for (const Finding& f : doc->findings) {
    noted |= f.rule == "extract.xlsx.hidden_sheet" &&
             f.message.find("底稿") != std::string::npos;
  }
  EXPECT_TRUE(noted);
}

TEST(XlsxReaderTest, AppliesNumberFormatsSharedStringsAndMergedCells) {
  Result<Document> doc = Extract(Workbook(), ExtractOptions());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const Table& t = doc->tables[0];
  ASSERT_EQ(t.rows.size(), 3u);
  ASSERT_EQ(t.columns, 4);
  // A3:B3 merged: the anchor spans two columns, B3 is covered.
  EXPECT_EQ(t.rows[0][0].text, "项目");
  EXPECT_EQ(t.rows[0][0].col_span, 2);
  EXPECT_TRUE(t.rows[0][1].covered);
  // Rich runs joined, phonetic run dropped.
  EXPECT_EQ(t.rows[0][2].text, "决算数");
  EXPECT_EQ(t.rows[0][3].text, "备注");
  EXPECT_EQ(t.rows[1][2].text, "24,884,400.00");  // 千分位, 2 decimals
  EXPECT_EQ(t.rows[1][3].text, "12.30万元");      // literal text
  EXPECT_EQ(t.rows[2][2].text, "23.45%");         // percent
  EXPECT_EQ(t.rows[2][3].text, "公式文本");       // formula string
  // No r attributes: cells and rows follow in order; General number.
  const Table& u = doc->tables[1];
  ASSERT_EQ(u.rows.size(), 2u);
  EXPECT_EQ(u.rows[1][0].text, "合计");
  EXPECT_EQ(u.rows[1][1].text, "1889.05");
}

}  // namespace
}  // namespace budgetdoc
