#include "extract/extract.h"
#include "extract/text_cleanup.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

Result<Document> ReadBytes(std::string_view bytes) {
  ExtractOptions opts;
  opts.source_name = "t.txt";
  return Extract(bytes, opts);
}

std::string Texts(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) out += b.text + "|";
  return out;
}

TEST(TextReaderTest, ReadsUtf8WithAndWithoutBom) {
  for (std::string_view in : {"收入100万元\n", "\xEF\xBB\xBF收入100万元\n"}) {
    Result<Document> doc = ReadBytes(in);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(Texts(*doc), "收入100万元|");
  }
}

TEST(TextReaderTest, DetectsAndConvertsGbk) {
  // "收入100万元" in GBK.
  Result<Document> doc = ReadBytes(
      "\xCA\xD5\xC8\xEB"
      "100\xCD\xF2\xD4\xAA\n");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(Texts(*doc), "收入100万元|");
  EXPECT_EQ(doc->metadata.at("encoding"), "GB18030");
}

// A long report (well over a hundred bytes per bad byte) with one damaged
// character at a known offset, in UTF-8 and in GBK.
std::string LongReport(std::string_view line, size_t lines) {
  std::string out;
  for (size_t i = 0; i < lines; ++i) out += line;
  return out;
}

TEST(TextReaderTest, ReplacesACutUtf8CharacterAndNamesItsByteOffset) {
  const std::string line = "2024年度本年支出合计1234.56万元。\n";
  std::string bytes = LongReport(line, 40);
  // Cut the 3-byte "年" of line 20 after its first byte.
  size_t at = line.size() * 20 + 4;
  ASSERT_EQ(bytes.substr(at, 3), "年");
  bytes.erase(at + 1, 2);
  Result<Document> doc = ReadBytes(bytes);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->metadata.at("encoding"), "UTF-8");
  ASSERT_EQ(doc->findings.size(), 1u);
  EXPECT_EQ(doc->findings[0].rule, "extract.text.invalid_bytes");
  EXPECT_NE(
      doc->findings[0].message.find("at byte " + std::to_string(at) + ";"),
      std::string::npos)
      << doc->findings[0].message;
  EXPECT_NE(Texts(*doc).find("2024\xEF\xBF\xBD度本年支出"), std::string::npos);
}

TEST(TextReaderTest, ReplacesABadGbkSequenceAndNamesItsByteOffset) {
  // "收入100万元。" in GBK, then a lead byte with an invalid trail byte.
  const std::string line =
      "\xCA\xD5\xC8\xEB"
      "100\xCD\xF2\xD4\xAA\xA1\xA3\n";
  std::string bytes = LongReport(line, 60);
  size_t at = line.size() * 30;
  bytes.replace(at, 2, "\x81\x7F");
  Result<Document> doc = ReadBytes(bytes);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->metadata.at("encoding"), "GB18030");
  ASSERT_EQ(doc->findings.size(), 1u);
  EXPECT_NE(doc->findings[0].message.find("at byte " + std::to_string(at)),
            std::string::npos)
      << doc->findings[0].message;
}

TEST(TextReaderTest, RefusesBytesThatMostlyDoNotDecodeNamingWhere) {
  std::string bytes = LongReport("收入\xFF\xFE\x80abc\n", 50);
  Result<Document> doc = ReadBytes(bytes);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("the first at byte 6"),
            std::string::npos)
      << doc.status().message();
}

TEST(TextReaderTest, ReadsUtf16WithBom) {
  std::string le("\xFF\xFE\x36\x65\x65\x51", 6);  // 收入
  Result<Document> doc = ReadBytes(le);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(Texts(*doc), "收入|");
  std::string be("\xFE\xFF\x65\x36\x51\x65", 6);
  doc = ReadBytes(be);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(Texts(*doc), "收入|");
}

TEST(TextReaderTest, RemovesBookmarksAndFieldCodes) {
  struct Case {
    std::string_view in, out;
  } cases[] = {
      {"[bookmark: _Toc15377205][bookmark: _Toc1]收入决算情况说明",
       "收入决算情况说明"},
      {"收入决算情况说明 PAGEREF _Toc25831 \\h 3", "收入决算情况说明"},
      {"收入决算情况说明 PAGEREF _Toc25831 h 3", "收入决算情况说明"},
      {"TOC \\o \"1-3\" \\h \\z \\u 目录", "目录"},
      {"HYPERLINK \\l \"_Toc123\" 一、概况", "一、概况"},
      {"TOC of nothing", "TOC of nothing"},  // prose stays
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RemoveConversionArtifacts(c.in), c.out) << c.in;
  }
}

TEST(TextReaderTest, ChartPlaceholdersBecomeCaptions) {
  Result<Document> doc =
      ReadBytes("说明。\n（图1：收、支决算总计变动情况图）（柱状图）\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc->blocks[1].kind, BlockKind::kCaption);
}

TEST(TextReaderTest, ChartDataRunsBecomeChartsWithSeries) {
  Result<Document> doc = ReadBytes(
      "收、支决算总计变动情况图\n（单位：万元）\n\n"
      "收入支出变动    （单位：万元）\n\n"
      "收入\t支出\t收入\t支出\t2022年\t2023年\t1924.37\t1924.37\t1889.05\t1889."
      "05\t\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->charts.size(), 1u);
  const Chart& c = doc->charts[0];
  EXPECT_EQ(c.title, "收入支出变动");
  ASSERT_EQ(c.categories.size(), 2u);
  EXPECT_EQ(c.categories[0], "2022年");
  ASSERT_EQ(c.series.size(), 2u);
  EXPECT_EQ(c.series[0].name, "收入");
  EXPECT_EQ(c.series[0].values,
            (std::vector<std::string>{"1924.37", "1889.05"}));
  EXPECT_EQ(c.series[1].name, "支出");
}

TEST(TextReaderTest, SingleSeriesChartPairsLabelsWithValues) {
  Result<Document> doc = ReadBytes(
      "支出决算结构图    "
      "（单位：万元）\n\n基本支出\t项目支出\t1197.55\t691.5\t\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->charts.size(), 1u);
  EXPECT_EQ(doc->charts[0].categories,
            (std::vector<std::string>{"基本支出", "项目支出"}));
  EXPECT_EQ(doc->charts[0].series[0].values,
            (std::vector<std::string>{"1197.55", "691.5"}));
}

TEST(TextReaderTest, TabSeparatedLinesBecomeATableWithBlankCellsKept) {
  Result<Document> doc = ReadBytes(
      "项目\t行次\t金额\n本年收入合计\t1\t2,356."
      "40\n年初结转和结余\t4\t\n收入总计\t5\t0.00\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->tables.size(), 1u);
  const Table& t = doc->tables[0];
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.columns, 3);
  EXPECT_EQ(t.rows[1][2].state(), CellState::kNumber);
  EXPECT_EQ(t.rows[2][2].state(), CellState::kBlank);
  EXPECT_EQ(t.rows[3][2].state(), CellState::kZero);
}

TEST(TextReaderTest, ARowWithOnlyItsLabelStaysInTheTable) {
  Result<Document> doc = ReadBytes(
      "项目\t决算数\t项目\t合计\n"
      "一般公共预算财政拨款\t65.61\t\t\n"
      "政府性基金预算财政拨款\t\t\t\n"
      "收入总计\t1036.76\t支出总计\t1036.76\n"
      "注：本表为空表\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->tables.size(), 1u);
  const Table& t = doc->tables[0];
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[2][0].text, "政府性基金预算财政拨款");
  EXPECT_EQ(t.rows[2][1].state(), CellState::kBlank);
  EXPECT_EQ(t.rows[3][1].text, "1036.76");
  EXPECT_EQ(doc->blocks.back().text, "注：本表为空表");
}

TEST(TextReaderTest, ChartDataTableAfterAPlaceholderBecomesAChart) {
  Result<Document> doc = ReadBytes(
      "（图2：支出决算结构）（饼状图）\n"
      "\t基本支出\t项目支出\n"
      "支出决算\t3999.34\t929.45\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->tables.empty());
  ASSERT_EQ(doc->charts.size(), 1u);
  EXPECT_EQ(doc->charts[0].title, "支出决算结构");
  EXPECT_EQ(doc->charts[0].type, "pie");
  ASSERT_EQ(doc->charts[0].series.size(), 1u);
  EXPECT_EQ(doc->charts[0].series[0].values[1], "929.45");
}

TEST(TextReaderTest, CellPerLineTablesFromWordExportAreRebuilt) {
  Result<Document> doc = ReadBytes(
      "\t项目名称\n\t电路租赁费\n\n\t主管部门\n\t区政府办\n\t实施单位\n\t办公室"
      "\n\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->tables.size(), 1u);
  const Table& t = doc->tables[0];
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][1].text, "电路租赁费");
  EXPECT_EQ(t.rows[1][3].text, "办公室");
}

TEST(ClassifyCellTextTest, BlankZeroDashNumberAndTextAreDistinct) {
  EXPECT_EQ(ClassifyCellText(""), CellState::kBlank);
  EXPECT_EQ(ClassifyCellText("  "), CellState::kBlank);
  EXPECT_EQ(ClassifyCellText("0"), CellState::kZero);
  EXPECT_EQ(ClassifyCellText("0.00"), CellState::kZero);
  EXPECT_EQ(ClassifyCellText("-"), CellState::kDash);
  EXPECT_EQ(ClassifyCellText("—"), CellState::kDash);
  EXPECT_EQ(ClassifyCellText("1,889.05"), CellState::kNumber);
  EXPECT_EQ(ClassifyCellText("基本支出"), CellState::kText);
}

}  // namespace
}  // namespace budgetdoc
