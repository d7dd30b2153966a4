// ReadPdf on our own PDF samples (made from our DOCX with LibreOffice, see
// scripts/make_samples_pdf) and on small fixtures: golden dumps, passwords,
// page limits, Poppler messages, concurrent reads.
#include "extract/extract.h"
#include "extract/readers.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace budgetdoc {
namespace {

Document Read(const std::string& rel, ExtractOptions opts = {}) {
  opts.source_name = rel;
  std::string bytes = testing::ReadSourceFile(rel);
  Result<Document> doc = Extract(bytes, opts);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document();
}

std::string AllText(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) out += b.text + "\n";
  return out;
}

TEST(PdfReaderTest, SamplesMatchTheirGoldenDumps) {
  for (const char* sample : {"pdf_narrative", "pdf_tables"}) {
    std::string dir = std::string("samples/") + sample;
    Document doc = Read(dir + "/input.pdf");
    testing::ExpectMatchesGolden(DebugString(doc),
                                 dir + "/expected/document.txt");
  }
}

TEST(PdfReaderTest, JoinsAParagraphAcrossAPageBreakWithoutThePageNumber) {
  Document doc = Read("samples/pdf_narrative/input.pdf");
  ASSERT_EQ(doc.format, Format::kPdf);
  ASSERT_EQ(doc.pages.size(), 2u);
  // Item 5 runs from page 1 onto page 2; the footers "—1—" and "—2—" are
  // gone and the item is one block that starts on page 1.
  const Block* item5 = nullptr;
  for (const Block& b : doc.blocks) {
    if (b.text.rfind("5、", 0) == 0) item5 = &b;
  }
  ASSERT_NE(item5, nullptr) << DebugString(doc);
  EXPECT_EQ(item5->page, 1);
  size_t count = 0;
  for (size_t pos = item5->text.find("本段用于说明"); pos != std::string::npos;
       pos = item5->text.find("本段用于说明", pos + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 8u);
  std::string text = AllText(doc);
  EXPECT_EQ(text.find("—"), std::string::npos) << text;
  EXPECT_NE(
      text.find(
          "因公出国（境）费支出222.5万元，公务用车购置及运行费支出183.6万元"),
      std::string::npos);
  EXPECT_NE(text.find("收入预算合计2,946.25万元"), std::string::npos);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].text, "示例单位2024年度部门预算");
}

TEST(PdfReaderTest, ReadsMergedHeadersBlankCellsAndTwoPanelTables) {
  Document doc = Read("samples/pdf_tables/input.pdf");
  ASSERT_EQ(doc.tables.size(), 3u) << DebugString(doc);
  const Table& sangong = doc.tables[0];
  EXPECT_EQ(sangong.title, "表1 “三公”经费支出预算表");
  EXPECT_EQ(sangong.unit_text, "单位：万元");
  ASSERT_EQ(sangong.columns, 6);
  ASSERT_EQ(sangong.header_rows, 2);
  EXPECT_EQ(sangong.rows[0][3].text, "公务用车购置及运行费");
  EXPECT_EQ(sangong.rows[0][3].col_span, 3);
  EXPECT_EQ(sangong.rows[0][0].row_span, 2);
  const std::vector<Cell>& values = sangong.rows.at(2);
  EXPECT_EQ(values[0].text, "22.91");
  EXPECT_EQ(values[1].state(), CellState::kZero);
  EXPECT_EQ(values[3].text, "21.56");
  EXPECT_EQ(values[4].state(), CellState::kBlank);  // 购置费 left empty
  EXPECT_EQ(values[5].text, "21.56");

  const Table& two_panel = doc.tables[1];
  EXPECT_EQ(two_panel.unit_text, "金额单位：元");
  ASSERT_EQ(two_panel.columns, 4);
  const std::vector<Cell>& last = two_panel.rows.back();
  EXPECT_EQ(last[0].text, "收入总计");
  EXPECT_EQ(last[1].text, "164,978,640");
  EXPECT_EQ(last[2].text, "支出总计");
  EXPECT_EQ(last[3].text, "164,978,640");
  // "三、其他收入 0.00 | 三、城乡社区支出 -": zero and dash stay distinct.
  const std::vector<Cell>& third = two_panel.rows.at(4);
  EXPECT_EQ(third[1].state(), CellState::kZero);
  EXPECT_EQ(third[3].state(), CellState::kDash);
}

TEST(PdfReaderTest, MergesATableContinuedOverPagesKeepingEachCellsPage) {
  Document doc = Read("samples/pdf_tables/input.pdf");
  ASSERT_EQ(doc.tables.size(), 3u);
  const Table& t = doc.tables[2];
  EXPECT_EQ(t.pages, (std::vector<int>{2, 3}));
  EXPECT_EQ(t.header_rows, 1);
  ASSERT_EQ(t.rows.size(), 40u);  // the header once, 39 body rows
  int on_page_3 = 0;
  for (size_t r = 1; r < t.rows.size(); ++r) {
    ASSERT_EQ(t.rows[r][0].text.empty(), false) << r;
    EXPECT_NE(t.rows[r][0].text, "科目编码") << "repeated header kept";
    if (t.rows[r][2].page == 3) ++on_page_3;
    EXPECT_TRUE(t.rows[r][2].bbox.has_value());
  }
  EXPECT_GT(on_page_3, 0);
  EXPECT_EQ(t.rows.back()[1].text, "住房保障支出");
  EXPECT_EQ(t.rows.back()[2].text, "13,002");
  // Rows whose 项目支出 is empty keep it blank in its own column.
  EXPECT_EQ(t.rows[1][4].state(), CellState::kBlank);
  EXPECT_EQ(t.rows[1][3].text, "1,000");
}

TEST(PdfReaderTest, ReadsWrappedCellsOfARuledGridThroughItsRulingLines) {
  Document doc = Read("tests/extract/testdata/wrapped_ruled_table.pdf");
  ASSERT_EQ(doc.tables.size(), 1u) << DebugString(doc);
  const Table& t = doc.tables[0];
  ASSERT_EQ(t.rows.size(), 4u) << DebugString(doc);
  EXPECT_EQ(t.rows[1][2].text, "17,628,900.00");
  EXPECT_EQ(t.rows[2][2].text, "10,781,900.00");
  EXPECT_EQ(t.rows[3][2].text, "1,980,900.00");
  EXPECT_EQ(doc.metadata.at("pdf_ruled_pages"), "1");
}

TEST(PdfReaderTest, RefusesAUserPasswordButOpensAnOwnerPasswordOnlyPdf) {
  ExtractOptions opts;
  opts.source_name = "locked.pdf";
  Result<Document> locked = Extract(
      testing::ReadSourceFile("tests/extract/testdata/user_password.pdf"),
      opts);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(locked.status().message().find("password"), std::string::npos);
  EXPECT_NE(locked.status().message().find("locked.pdf"), std::string::npos);

  Document open = Read("tests/extract/testdata/owner_password_only.pdf");
  EXPECT_EQ(AllText(open), "Budget report 2024 Total income 2,946.25\n");
}

TEST(PdfReaderTest, MaxPagesLimitsThePagesReadAndSaysSo) {
  ExtractOptions opts;
  opts.max_pages = 1;
  Document doc = Read("samples/pdf_tables/input.pdf", opts);
  EXPECT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.metadata.at("pages"), "3");
  bool truncated = false;
  for (const Finding& f : doc.findings) {
    truncated |= f.rule == "extract.pdf.pages_truncated";
  }
  EXPECT_TRUE(truncated);
}

TEST(PdfReaderTest, PageRecordsGiveSizeAndRotation) {
  Document doc = Read("samples/pdf_tables/input.pdf");
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_EQ(doc.pages[0].number, 1);
  EXPECT_NEAR(doc.pages[0].width, 842, 1);  // landscape A4
  EXPECT_NEAR(doc.pages[0].height, 595, 1);
  EXPECT_EQ(doc.pages[0].rotation, 0);
  EXPECT_FALSE(doc.pages[0].unreadable);
}

TEST(PdfReaderTest, ConcurrentReadsAreSerializedAndAgree) {
  std::string bytes = testing::ReadSourceFile("samples/pdf_tables/input.pdf");
  ExtractOptions opts;
  opts.source_name = "t.pdf";
  Result<Document> first = ReadPdf(bytes, opts);
  ASSERT_TRUE(first.ok());
  std::string expected = DebugString(*first);
  std::vector<std::string> dumps(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < dumps.size(); ++i) {
    threads.emplace_back([&, i] {
      Result<Document> doc = ReadPdf(bytes, opts);
      dumps[i] = doc.ok() ? DebugString(*doc) : doc.status().ToString();
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& d : dumps) EXPECT_EQ(d, expected);
}

}  // namespace
}  // namespace budgetdoc
