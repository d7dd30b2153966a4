// The real reports in ../shared/corpus/real: every file reads, and for each
// one a narrative sentence keeps its amounts and a table row has its values
// in the right cells. Every expectation was checked against the PDF by hand
// (pdftotext and page renderings). Skips with a message when the corpus is
// absent.
#include "base/file_io.h"
#include "extract/extract.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

Document ReadCorpus(const std::string& name) {
  std::string path = testing::CorpusPath("real/" + name);
  Result<std::string> bytes = ReadFile(path);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  if (!bytes.ok()) return Document();
  ExtractOptions opts;
  opts.source_name = name;
  Result<Document> doc = Extract(*bytes, opts);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document();
}

bool HasSentence(const Document& doc, const std::string& sentence) {
  for (const Block& b : doc.blocks) {
    if (b.kind != BlockKind::kTable &&
        b.text.find(sentence) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// Finds `cells` as consecutive cells of one row of a table whose title
// contains `title`; returns the column of the first cell, or -1.
int FindRow(const Document& doc, const std::string& title,
            const std::vector<std::string>& cells,
            const Table** found = nullptr) {
  for (const Table& t : doc.tables) {
    if (t.title.find(title) == std::string::npos) continue;
    for (const std::vector<Cell>& row : t.rows) {
      for (size_t c = 0; c + cells.size() <= row.size(); ++c) {
        bool match = true;
        for (size_t k = 0; k < cells.size() && match; ++k) {
          const Cell& cell = row[c + k];
          match = !cell.covered && cell.text == cells[k];
        }
        if (match) {
          if (found != nullptr) *found = &t;
          return static_cast<int>(c);
        }
      }
    }
  }
  return -1;
}

struct CorpusCase {
  const char* file;
  const char* sentence;            // found in a paragraph or heading
  const char* title;               // part of the table's title ("" = any)
  std::vector<std::string> cells;  // consecutive cells of one row; "" = blank
  int column;                      // column of the first cell (-1 = any)
};

class PdfCorpusTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(PdfCorpusTest, KeepsASentenceWithItsAmountsAndARowInItsCells) {
  const CorpusCase& c = GetParam();
  BUDGETDOC_SKIP_IF_NO_CORPUS(std::string("real/") + c.file);
  Document doc = ReadCorpus(c.file);
  ASSERT_EQ(doc.format, Format::kPdf);
  if (*c.sentence) {
    EXPECT_TRUE(HasSentence(doc, c.sentence)) << c.sentence;
  }
  for (const Page& p : doc.pages) EXPECT_FALSE(p.unreadable) << p.number;
  if (c.cells.empty()) return;  // the narrative half of a report
  int column = FindRow(doc, c.title, c.cells);
  EXPECT_GE(column, 0) << "row not found in a table titled '" << c.title
                       << "':\n"
                       << DebugString(doc);
  if (c.column >= 0) {
    EXPECT_EQ(column, c.column);
  }
}

const CorpusCase kCases[] = {
    // 收入支出决算总表: income label left, expenditure label right.
    {"gbc_putuo_finance_2024_final.pdf",
     "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%",
     "收入支出决算总表",
     {"本年收入合计", "2,946.25", "本年支出合计", "2,940.05"},
     0},
    // The planted error ("收入支出总计0万元") is read as printed.
    {"gbc_putuo_finance_2024_final_MODIFIED_testversion.pdf",
     "上海市普陀区财政局2024年度收入支出总计0万元。",
     "收入支出决算总表",
     {"本年收入合计", "2,946.25", "本年支出合计", "2,940.05"},
     0},
    // 三公 in 万元: 合计 | 出国 | 接待 | 小计 | 购置 | 运行 | 机关运行经费.
    {"gbc_putuo_govoffice_2025_dept_budget.pdf",
     "2025年“三公”经费预算数为867.50万元，与2024年预算持平。",
     "“三公”经费",
     {"867.50", "839.00", "28.50", "", "", "", "213.28"},
     0},
    {"gbc_putuo_commerce_2025_dept_budget.pdf",
     "收入预算37,151.47万元",
     "财务收支预算总表",
     {"收入总计", "371,514,655.00", "支出总计", "371,514,655.00"},
     0},
    {"gbc_putuo_social_work_dept_2024_final.pdf",
     "中共上海市普陀区委社会工作部2024年度收入支出总计307.82万元。",
     "收入支出决算总表",
     {"本年收入合计", "307.82", "本年支出合计", "307.82"},
     0},
    // The blank template: placeholders, no amounts.
    {"gbc_template_dept_final_accounts.pdf",
     "上海市XX局2024年度收入支出总计XXX万元。",
     "",
     {"1", "上海市XX局（本级）", ""},
     0},
    // 三公 676.10 = 76.00 + 156.60 + 443.50; 合计 adds 会议费 and 培训费.
    {"ob_js_cppcc_office_2017_dept_budget_tables.pdf",
     "",
     "",
     {"1,852.32", "676.10", "76.00", "156.60", "", "156.60", "443.50",
      "1,094.62", "81.60"},
     0},
    {"ob_js_cppcc_office_2017_dept_budget_text.pdf",
     "江苏省政协办公厅2017年度收入、支出预算总计9,146.79万元",
     "",
     {},
     -1},
    {"ob_js_high_court_2019_dept_budget.pdf",
     "（一）人员经费18387.95万元。",
     "",
     {"2,382.02", "513.75", "160.00", "266.80", "", "266.80", "86.95", "271.02",
      "1,597.25"},
     0},
    // No page number lands in "222.5万元".
    {"ob_js_npc_office_2017_dept_budget.pdf",
     "因公出国（境）费支出222.5万元，占“三公”经费的8.75%",
     "财政拨款支出预算表",
     {"2010101", "行政运行", "4,545.94"},
     0},
    // Rotated (/Rotate 90) A3 pages.
    {"ob_js_party_office_2019_dept_budget_tables.pdf",
     "",
     "“三公”经费",
     {"1,471.70", "508.20", "70.00", "411.20", "", "411.20", "27.00", "933.50",
      "30.00"},
     0},
    {"ob_js_party_office_2019_dept_budget_text.pdf",
     "江苏省委办公厅2019年度收入、支出预算总计27664.22万元",
     "",
     {},
     -1},
    {"ob_js_procuratorate_2018_dept_budget.pdf",
     "江苏省人民检察院2018年度收入、支出预算总计21,955.35万元",
     "",
     {"1,384.74", "484.30", "100.00", "267.80", "", "267.80", "116.50",
      "200.44", "700.00"},
     0},
    {"tb_putuo_finance_2025_dept_budget.pdf",
     "2025年“三公”经费预算数为0.95万元，与2024年预算持平。",
     "财务收支预算总表",
     {"一、财政拨款收入", "31,214,205.80", "一、一般公共服务支出",
      "22,186,440.80"},
     0},
    // 三公 22.91 = 接待 1.35 + 车运行 21.56; 出国 and 购置 are "0".
    {"tb_putuo_wanli_jiedao_2023_budget.pdf",
     "2023年，上海市普陀区人民政府万里街道办事处收入预算16497.86万元",
     "“三公”经费",
     {"22.91", "0", "1.35", "21.56", "0", "21.56", "786.09"},
     0},
    // 三公 346.30 = 288.70 + 25.40 + 32.20 (购置 blank).
    {"tb_shanghai_finance_bureau_2025_unit_budget.pdf",
     "2025年，上海市财政局收入预算17,192万元",
     "“三公”经费",
     {"346.30", "288.70", "25.40", "32.20", "", "32.20", "2,517.78"},
     0},
};

INSTANTIATE_TEST_SUITE_P(RealReports, PdfCorpusTest,
                         ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<CorpusCase>& param) {
                           std::string name = param.param.file;
                           name = name.substr(0, name.find(".pdf"));
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch)))
                               ch = '_';
                           }
                           return name;
                         });

TEST(PdfCorpusSpecificTest, TwoPanelTotalsSitOnTheirOwnPanels) {
  BUDGETDOC_SKIP_IF_NO_CORPUS("real/gbc_putuo_finance_2024_final.pdf");
  Document doc = ReadCorpus("gbc_putuo_finance_2024_final.pdf");
  const Table* t = nullptr;
  ASSERT_EQ(FindRow(doc, "收入支出决算总表",
                    {"总计", "2,995.39", "总计", "2,995.39"}, &t),
            0);
  ASSERT_NE(t, nullptr);
  // The table runs over pages 6 and 7 and is one table.
  EXPECT_EQ(t->pages, (std::vector<int>{6, 7}));
  EXPECT_EQ(t->unit_text, "单位：万元");
  // Income rows without a value keep a blank value cell; expenditure rows
  // carry on below the last income row.
  EXPECT_EQ(
      FindRow(doc, "收入支出决算总表",
              {"八、其他收入", "6.20", "八、社会保障和就业支出", "326.71"}),
      0);
  EXPECT_EQ(FindRow(doc, "收入支出决算总表",
                    {"", "", "十九、住房保障支出", "445.69"}),
            0);
}

TEST(PdfCorpusSpecificTest, YuanTableWithoutDecimalsAddsUp) {
  BUDGETDOC_SKIP_IF_NO_CORPUS("real/tb_putuo_wanli_jiedao_2023_budget.pdf");
  Document doc = ReadCorpus("tb_putuo_wanli_jiedao_2023_budget.pdf");
  const Table* t = nullptr;
  // 164,978,640 = 基本支出 99,406,297 + 项目支出 65,572,343; the table runs
  // from page 20 to page 23.
  EXPECT_GE(FindRow(doc, "一般公共预算支出功能分类预算表",
                    {"合计", "164,978,640", "99,406,297", "65,572,343"}, &t),
            0);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->unit_text, "单位：元");
  EXPECT_EQ(t->pages, (std::vector<int>{20, 21, 22, 23}));
  // A row whose 基本支出 is 0 keeps it in its own column.
  EXPECT_GE(FindRow(doc, "一般公共预算支出功能分类预算表",
                    {"城乡社区公共设施", "7,750,000", "0", "7,750,000"}),
            0);
}

TEST(PdfCorpusSpecificTest, ReportPublishedAsTwoPdfsReadsBothHalves) {
  BUDGETDOC_SKIP_IF_NO_CORPUS(
      "real/ob_js_party_office_2019_dept_budget_text.pdf");
  BUDGETDOC_SKIP_IF_NO_CORPUS(
      "real/ob_js_party_office_2019_dept_budget_tables.pdf");
  Document text = ReadCorpus("ob_js_party_office_2019_dept_budget_text.pdf");
  Document tables =
      ReadCorpus("ob_js_party_office_2019_dept_budget_tables.pdf");
  EXPECT_TRUE(text.tables.empty());
  EXPECT_TRUE(HasSentence(text,
                          "“三公”经费预算支出中，因公出国（境）费支出70万元，占"
                          "“三公”经费的13.77%"));
  // Income 27,664.22 on the left panel, 基本支出 11,700.63 on the right.
  EXPECT_EQ(FindRow(tables, "收支预算总表", {"一、财政拨款", "27,664.22"}), 0);
  const Table* t = nullptr;
  int col = FindRow(tables, "收支预算总表", {"一、基本支出"}, &t);
  ASSERT_GT(col, 0);
  // Pages 1-5 are /Rotate 90 A3 pages, read upright.
  ASSERT_GE(tables.pages.size(), 1u);
  EXPECT_EQ(tables.pages[0].rotation, 90);
  EXPECT_GT(tables.pages[0].width, tables.pages[0].height);
}

TEST(PdfCorpusSpecificTest, PopplerWarningsBecomeOneFindingNotStderr) {
  BUDGETDOC_SKIP_IF_NO_CORPUS("real/gbc_putuo_finance_2024_final.pdf");
  ::testing::internal::CaptureStderr();
  Document doc = ReadCorpus("gbc_putuo_finance_2024_final.pdf");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  int found = 0;
  for (const Finding& f : doc.findings) {
    if (f.rule != "extract.pdf.poppler_messages") continue;
    ++found;
    EXPECT_EQ(f.severity, Severity::kInfo);
    EXPECT_NE(f.message.find("Mismatch between font type"), std::string::npos)
        << f.message;
  }
  EXPECT_EQ(found, 1);
}

TEST(PdfCorpusSpecificTest, BlankAndRulesOnlyPagesAreNotUnreadable) {
  BUDGETDOC_SKIP_IF_NO_CORPUS("real/ob_js_npc_office_2017_dept_budget.pdf");
  BUDGETDOC_SKIP_IF_NO_CORPUS("real/gbc_putuo_finance_2024_final.pdf");
  // npc page 31 is blank; finance page 14 holds only an empty table row.
  Document npc = ReadCorpus("ob_js_npc_office_2017_dept_budget.pdf");
  ASSERT_EQ(npc.pages.size(), 31u);
  EXPECT_FALSE(npc.pages[30].unreadable);
  Document finance = ReadCorpus("gbc_putuo_finance_2024_final.pdf");
  ASSERT_EQ(finance.pages.size(), 25u);
  EXPECT_FALSE(finance.pages[13].unreadable);
}

}  // namespace
}  // namespace budgetdoc
