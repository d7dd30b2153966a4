#include "schema/tables.h"

#include "schema/embedded_data.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

// One row of a grid in the notation of the document dump: cells separated by
// '|', "text{RxC}" an anchor spanning R rows and C columns, "^" a covered
// cell, "" a blank cell.
std::vector<Cell> Row(std::string_view spec) {
  std::vector<Cell> row;
  size_t start = 0;
  for (size_t i = 0; i <= spec.size(); ++i) {
    if (i < spec.size() && spec[i] != '|') continue;
    std::string text(spec.substr(start, i - start));
    start = i + 1;
    Cell c;
    if (text == "^") {
      c.covered = true;
    } else {
      size_t brace = text.find('{');
      if (brace != std::string::npos && text.back() == '}') {
        std::string span = text.substr(brace + 1, text.size() - brace - 2);
        size_t x = span.find('x');
        c.row_span = std::stoi(span.substr(0, x));
        c.col_span = std::stoi(span.substr(x + 1));
        text.resize(brace);
      }
      c.text = text;
    }
    c.page = 3;
    row.push_back(std::move(c));
  }
  return row;
}

Table Grid(std::string title, std::string unit_text,
           std::initializer_list<std::string_view> rows) {
  Table t;
  t.title = std::move(title);
  t.unit_text = std::move(unit_text);
  for (std::string_view r : rows) t.AddRow(Row(r));
  return t;
}

// A document of the given paragraphs and tables, in order: a string is a
// paragraph, a Table a table block.
struct Part {
  Part(const char* t) : text(t) {}  // NOLINT: implicit by design
  Part(Table t) : table(std::move(t)), is_table(true) {}  // NOLINT
  std::string text;
  Table table;
  bool is_table = false;
};

NormalizedDocument Doc(std::initializer_list<Part> parts) {
  Document doc;
  doc.source = "t.docx";
  doc.format = Format::kDocx;
  for (const Part& p : parts) {
    Block b;
    if (p.is_table) {
      b.kind = BlockKind::kTable;
      b.table = static_cast<int>(doc.tables.size());
      doc.tables.push_back(p.table);
    } else {
      b.text = p.text;
    }
    doc.blocks.push_back(std::move(b));
  }
  return Normalize(std::move(doc), NormalizeOptions{});
}

ReportMeta Meta(std::string kind, int year) {
  ReportMeta m;
  m.kind = std::move(kind);
  m.fiscal_year = year;
  return m;
}

TableFacts Read(const NormalizedDocument& nd, const ReportMeta& meta) {
  return RecognizeTables(nd, meta, MetricCatalog::Default());
}

// One line per fact: cell, metric, basis, year, fund, code, value in 万元,
// printed value with unit, column role.
std::string Facts(const TableFacts& tf) {
  std::string out;
  for (const Fact& f : tf.facts) {
    out += "r" + std::to_string(f.where.row) + "c" +
           std::to_string(f.where.column) + " " + f.metric + " " + f.basis +
           " " + std::to_string(f.year) + " " + f.fund;
    if (!f.code.empty()) out += " " + f.code_scheme + ":" + f.code;
    out += " = " + f.value.ToString() + " (" + f.printed.ToString() + f.unit +
           ") [" + f.column + "]\n";
  }
  return out;
}

// ---- Recognition by title ----

struct TitleCase {
  std::string title;
  std::string kind;
  std::string expected_id;
};

TEST(TableRecognitionTest, TitleVariantsOfYearsAndProvincesMapToCanonicalIds) {
  const std::vector<TitleCase> cases = {
      {"公开01表 收入支出决算总表", "final_accounts", "FA01"},
      {"收入支出决算表", "final_accounts", "FA01"},
      {"公开02表 收入决算表", "final_accounts", "FA02"},
      {"支出决算表", "final_accounts", "FA03"},
      {"财政拨款收入支出决算总表", "final_accounts", "FA04"},
      {"财政拨款支出决算明细表", "final_accounts", "FA05"},
      {"一般公共预算财政拨款支出决算表", "final_accounts", "FA06"},
      {"一般公共预算财政拨款收入支出决算表", "final_accounts", "FA06"},
      {"一般公共预算财政拨款支出决算明细表", "final_accounts", "FA07"},
      {"一般公共预算财政拨款基本支出决算明细表", "final_accounts", "FA08"},
      {"一般公共预算财政拨款项目支出决算表", "final_accounts", "FA09"},
      {"政府性基金预算财政拨款收入支出决算表", "final_accounts", "FA10"},
      {"国有资本经营预算财政拨款支出决算表", "final_accounts", "FA12"},
      {"财政拨款“三公”经费支出决算表", "final_accounts", "FA13"},
      {"一般公共预算财政拨款“三公”经费支出决算表", "final_accounts", "FA13"},
      {"部门收支总表", "budget", "BU01"},
      {"2025年部门财务收支预算总表", "budget", "BU01"},
      {"表1-1 部门收入总表", "budget", "BU02"},
      {"部门支出总表", "budget", "BU03"},
      {"财政拨款收支预算总表", "budget", "BU04"},
      {"财政拨款支出预算表（部门经济分类科目）", "budget", "BU05"},
      {"一般公共预算支出表", "budget", "BU06"},
      {"2025年部门一般公共预算支出功能分类预算表", "budget", "BU06"},
      {"一般公共预算基本支出表", "budget", "BU07"},
      {"一般公共预算“三公”经费支出表", "budget", "BU09"},
      {"2025年部门“三公”经费和机关运行经费预算表", "budget", "BU09"},
      {"政府性基金预算“三公”经费支出预算表", "budget", "BU11"},
      {"政府性基金预算支出表", "budget", "BU10"},
      {"国有资本经营预算支出表", "budget", "BU12"},
      {"公开11表 一般公共预算机关运行经费支出预算表", "budget", "BU13"},
      {"部门整体支出绩效目标表", "budget", "BU17"},
      // The Sichuan 14-table budget set (公开表1 … 7).
      {"公开表3-2 一般公共预算项目支出预算表", "budget", "BU08"},
      {"公开表3-3 一般公共预算“三公”经费支出预算表", "budget", "BU09"},
      {"公开表6 部门预算项目支出绩效目标表", "budget", "BU16"},
  };
  for (const TitleCase& tc : cases) {
    NormalizedDocument nd =
        Doc({Grid(tc.title, "单位：万元", {"项目|金额", "合计|1.00"})});
    TableFacts tf = Read(nd, Meta(tc.kind, 2024));
    ASSERT_EQ(tf.tables.size(), 1u) << tc.title;
    EXPECT_EQ(tf.tables[0].canonical_id, tc.expected_id) << tc.title;
  }
}

TEST(TableRecognitionTest, TitleComesFromTheShortBlocksBeforeTheTable) {
  NormalizedDocument nd = Doc(
      {"公开09表：一般公共预算“三公”经费、会议费、培训费", "支出预算表",
       "部门：某厅单位：万元",
       Grid("", "", {"合计|因公出国（境）费|公务接待费", "10.00|4.00|6.00"})});
  TableFacts tf = Read(nd, Meta("budget", 2019));
  ASSERT_EQ(tf.tables.size(), 1u);
  EXPECT_EQ(tf.tables[0].canonical_id, "BU09");
  EXPECT_EQ(tf.tables[0].unit, "万元");
  EXPECT_EQ(Facts(tf),
            "r1c0 three_public.total budget 2019 fiscal = 10.00 (10.00万元) "
            "[three_public.total]\n"
            "r1c1 three_public.outbound budget 2019 fiscal = 4.00 (4.00万元) "
            "[three_public.outbound]\n"
            "r1c2 three_public.reception budget 2019 fiscal = 6.00 (6.00万元) "
            "[three_public.reception]\n");
}

TEST(TableRecognitionTest,
     ShanghaiSoeIncomeExpenditureTableStandsInForTheCentralOne) {
  NormalizedDocument nd = Doc({Grid("国有资本经营预算财政拨款收入支出决算表",
                                    "单位：万元", {"项目|合计"})});
  TableFacts tf = Read(nd, Meta("final_accounts", 2024));
  ASSERT_EQ(tf.tables.size(), 1u);
  EXPECT_EQ(tf.tables[0].canonical_id, "FA12");
}

TEST(TableRecognitionTest, SichuanSetKeepsBothSoeTables) {
  NormalizedDocument nd = Doc({
      Grid("国有资本经营预算财政拨款收入支出决算表", "单位：万元",
           {"项目|合计"}),
      Grid("国有资本经营预算财政拨款支出决算表", "单位：万元", {"项目|合计"}),
  });
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  ASSERT_EQ(tf.tables.size(), 2u);
  EXPECT_EQ(tf.tables[0].canonical_id, "FA11");
  EXPECT_EQ(tf.tables[1].canonical_id, "FA12");
}

TEST(TableRecognitionTest, ContinuedTableKeepsTheIdAndUnitOfItsFirstPart) {
  NormalizedDocument nd = Doc({
      Grid("收入决算表", "单位：万元",
           {"科目编码|科目名称|本年收入合计|财政拨款收入",
            "201|一般公共服务支出|10.00|10.00"}),
      "续表",
      Grid("", "",
           {"科目编码|科目名称|本年收入合计|财政拨款收入",
            "208|社会保障和就业支出|5.00|5.00"}),
  });
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  ASSERT_EQ(tf.tables.size(), 2u);
  EXPECT_EQ(tf.tables[1].canonical_id, "FA02");
  EXPECT_EQ(tf.tables[1].unit, "万元");
  ASSERT_EQ(tf.facts.size(), 4u);
  EXPECT_EQ(tf.facts[2].metric, "income.by_func");
  EXPECT_EQ(tf.facts[2].code, "208");
  EXPECT_EQ(tf.facts[2].table, 1);
}

TEST(TableRecognitionTest, ThreePublicHeaderIdentifiesAnUntitledTable) {
  NormalizedDocument nd =
      Doc({"（图表略）",
           Grid("", "单位：万元",
                {"合计|因公出国（境）费|公务接待费", "3.00|1.00|2.00"})});
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  ASSERT_EQ(tf.tables.size(), 1u);
  EXPECT_EQ(tf.tables[0].canonical_id, "FA13");
}

// ---- Two-panel tables ----

TEST(TwoPanelTableTest, SummaryValuesPairWithTheLabelOfTheirOwnPanel) {
  // 收入 | 行次 | 决算数 || 支出 | 行次 | 决算数, 行次 left blank; the 支出
  // side runs longer than the 收入 side, and one 收入 row has no value while
  // its 支出 neighbour has one.
  NormalizedDocument nd = Doc({
      "公开01表",
      "收入支出决算总表",
      Grid("", "单位：万元",
           {
               "收入{1x3}|^|^|支出{1x3}|^|^",
               "项目|行次|决算数|项目|行次|决算数",
               "一、一般公共预算财政拨款收入||2,940.05|一、一般公共服务支出||2,"
               "106.66",
               "二、政府性基金预算财政拨款收入|||二、外交支出||",
               "八、其他收入||6.20|八、社会保障和就业支出||326.71",
               "|||十九、住房保障支出||445.69",
               "|||二十一、国有资本经营预算支出||",
               "本年收入合计||2,946.25|本年支出合计||2,940.05",
               "使用非财政拨款结余（含专用结余）|||结余分配||",
               "年初结转和结余||49.14|年末结转和结余||55.34",
               "总计||2,995.39|总计||2,995.39",
           }),
  });
  TableFacts tf = Read(nd, Meta("final_accounts", 2024));
  ASSERT_EQ(tf.tables.size(), 1u);
  EXPECT_EQ(tf.tables[0].canonical_id, "FA01");
  EXPECT_EQ(tf.tables[0].amount_scale, 2);
  EXPECT_EQ(
      Facts(tf),
      "r2c2 income.fiscal.gpb actual 2024 all = 2940.05 (2940.05万元) "
      "[amount]\n"
      "r2c5 expenditure.by_func actual 2024 all func:201 = 2106.66 "
      "(2106.66万元) [amount]\n"
      "r4c2 income.other actual 2024 all = 6.20 (6.20万元) [amount]\n"
      "r4c5 expenditure.by_func actual 2024 all func:208 = 326.71 (326.71万元) "
      "[amount]\n"
      "r5c5 expenditure.by_func actual 2024 all func:221 = 445.69 (445.69万元) "
      "[amount]\n"
      "r7c2 income.total actual 2024 all = 2946.25 (2946.25万元) [amount]\n"
      "r7c5 expenditure.total actual 2024 all = 2940.05 (2940.05万元) "
      "[amount]\n"
      "r9c2 income.begin_carryover actual 2024 all = 49.14 (49.14万元) "
      "[amount]\n"
      "r9c5 expenditure.end_carryover actual 2024 all = 55.34 (55.34万元) "
      "[amount]\n"
      "r10c2 income.grand_total actual 2024 all = 2995.39 (2995.39万元) "
      "[amount]\n"
      "r10c5 expenditure.grand_total actual 2024 all = 2995.39 (2995.39万元) "
      "[amount]\n");
  // Provenance and quote of one cell.
  const Fact& f = tf.facts[6];
  EXPECT_EQ(f.label, "本年支出合计");
  EXPECT_EQ(f.where.page, 3);
  EXPECT_EQ(f.where.table, 0);
  EXPECT_EQ(f.where.block, 2);
  EXPECT_EQ(f.origin, Origin::kTable);
  EXPECT_EQ(f.quote, "本年收入合计 | 2,946.25 | 本年支出合计 | 2,940.05");
  EXPECT_EQ(f.table, 0);
}

TEST(TwoPanelTableTest, ValueBesideABlankLabelNeverBorrowsTheOtherPanelsLabel) {
  NormalizedDocument nd =
      Doc({Grid("收入支出决算总表", "单位：万元",
                {"收入{1x2}|^|支出{1x2}|^", "项目|决算数|项目|决算数",
                 "一、一般公共预算财政拨款收入|||7.00",
                 "本年收入合计|7.00|本年支出合计|7.00"})});
  TableFacts tf = Read(nd, Meta("final_accounts", 2024));
  // The 7.00 in row 2 has no label in its own (支出) panel: no fact, and a
  // finding says one value was not mapped.
  EXPECT_EQ(
      Facts(tf),
      "r3c1 income.total actual 2024 all = 7.00 (7.00万元) [amount]\n"
      "r3c3 expenditure.total actual 2024 all = 7.00 (7.00万元) [amount]\n");
  ASSERT_EQ(tf.findings.size(), 1u);
  EXPECT_EQ(tf.findings[0].rule, "table.values_unmapped");
}

TEST(TwoPanelTableTest, BasicExpenditurePanelsKeepTheirOwnCodesAndLabels) {
  NormalizedDocument nd =
      Doc({Grid("一般公共预算财政拨款基本支出决算表", "单位：万元",
                {
                    "人员经费{1x3}|^|^|公用经费{1x3}|^|^",
                    "科目编码|科目名称|决算数|科目编码|科目名称|决算数",
                    "301|工资福利支出|100.00|302|商品和服务支出|20.00",
                    "30101|基本工资|60.00|30201|办公费|",
                    "30102|津贴补贴|40.00|30211|差旅费|20.00",
                    "人员经费合计||100.00|公用经费合计||20.00",
                })});
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  ASSERT_EQ(tf.tables.size(), 1u);
  EXPECT_EQ(tf.tables[0].canonical_id, "FA08");
  EXPECT_EQ(
      Facts(tf),
      "r2c2 gpb.basic.by_econ actual 2023 gpb econ:301 = 100.00 (100.00万元) "
      "[amount]\n"
      "r2c5 gpb.basic.by_econ actual 2023 gpb econ:302 = 20.00 (20.00万元) "
      "[amount]\n"
      "r3c2 gpb.basic.by_econ actual 2023 gpb econ:30101 = 60.00 (60.00万元) "
      "[amount]\n"
      "r4c2 gpb.basic.by_econ actual 2023 gpb econ:30102 = 40.00 (40.00万元) "
      "[amount]\n"
      "r4c5 gpb.basic.by_econ actual 2023 gpb econ:30211 = 20.00 (20.00万元) "
      "[amount]\n"
      "r5c2 gpb.basic.personnel actual 2023 gpb = 100.00 (100.00万元) "
      "[amount]\n"
      "r5c5 gpb.basic.public actual 2023 gpb = 20.00 (20.00万元) [amount]\n");
  EXPECT_EQ(tf.facts[4].label, "差旅费");
}

TEST(TwoPanelTableTest, FiscalSummaryScopesRowsByFundAndColumn) {
  NormalizedDocument nd = Doc({Grid(
      "财政拨款收入支出决算总表", "单位：万元",
      {
          "收入{1x2}|^|支出{1x4}|^|^|^",
          "项目|决算数|项目|合计|一般公共预算财政拨款|政府性基金预算财政拨款",
          "一、一般公共预算财政拨款|90.00|一、一般公共服务支出|90.00|90.00|",
          "本年收入合计|90.00|本年支出合计|90.00|90.00|",
          "年初财政拨款结转和结余|10.00|年末财政拨款结转和结余|10.00|10.00|",
          "一般公共预算财政拨款|10.00||||",
          "收入总计|100.00|支出总计|100.00|100.00|",
      })});
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  EXPECT_EQ(tf.tables[0].canonical_id, "FA04");
  EXPECT_EQ(
      Facts(tf),
      "r2c1 fiscal.income actual 2023 gpb = 90.00 (90.00万元) [amount]\n"
      "r2c3 fiscal.expenditure.by_func actual 2023 fiscal func:201 = 90.00 "
      "(90.00万元) "
      "[total]\n"
      "r2c4 fiscal.expenditure.by_func actual 2023 gpb func:201 = 90.00 "
      "(90.00万元) [gpb]\n"
      "r3c1 fiscal.income.total actual 2023 fiscal = 90.00 (90.00万元) "
      "[amount]\n"
      "r3c3 fiscal.expenditure.total actual 2023 fiscal = 90.00 (90.00万元) "
      "[total]\n"
      "r3c4 fiscal.expenditure.total actual 2023 gpb = 90.00 (90.00万元) "
      "[gpb]\n"
      "r4c1 fiscal.begin_carryover actual 2023 fiscal = 10.00 (10.00万元) "
      "[amount]\n"
      "r4c3 fiscal.end_carryover actual 2023 fiscal = 10.00 (10.00万元) "
      "[total]\n"
      "r4c4 fiscal.end_carryover actual 2023 gpb = 10.00 (10.00万元) [gpb]\n"
      "r5c1 fiscal.begin_carryover actual 2023 gpb = 10.00 (10.00万元) "
      "[amount]\n"
      "r6c1 fiscal.income.grand_total actual 2023 fiscal = 100.00 (100.00万元) "
      "[amount]\n"
      "r6c3 fiscal.expenditure.grand_total actual 2023 fiscal = 100.00 "
      "(100.00万元) "
      "[total]\n"
      "r6c4 fiscal.expenditure.grand_total actual 2023 gpb = 100.00 "
      "(100.00万元) [gpb]\n");
}

// ---- Merged headers ----

TEST(MergedHeaderTest,
     ThreePublicGroupsOfBudgetAndActualGiveOneFactPerFilledCell) {
  NormalizedDocument nd =
      Doc({Grid("财政拨款“三公”经费支出决算表", "单位：万元",
                {
                    "预算数{1x6}|^|^|^|^|^|决算数{1x6}|^|^|^|^|^",
                    "合计{2x1}|因公出国（境）费{2x1}|公务用车购置及运行费{1x3}|"
                    "^|^|公务接待费{2x1}|"
                    "合计{2x1}|因公出国（境）费{2x1}|公务用车购置及运行费{1x3}|"
                    "^|^|公务接待费{2x1}",
                    "^|^|小计|公务用车购置费|公务用车运行费|^|^|^|小计|"
                    "公务用车购置费|公务用车运行费|^",
                    "25.00|5.00|12.00||12.00|8.00|22.91|0|21.56||21.56|1.35",
                })});
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  EXPECT_EQ(tf.tables[0].canonical_id, "FA13");
  EXPECT_EQ(Facts(tf),
            "r3c0 three_public.total budget 2023 fiscal = 25.00 (25.00万元) "
            "[three_public.total]\n"
            "r3c1 three_public.outbound budget 2023 fiscal = 5.00 (5.00万元) "
            "[three_public.outbound]\n"
            "r3c2 three_public.vehicle budget 2023 fiscal = 12.00 (12.00万元) "
            "[three_public.vehicle]\n"
            "r3c4 three_public.vehicle.operation budget 2023 fiscal = 12.00 "
            "(12.00万元) "
            "[three_public.vehicle.operation]\n"
            "r3c5 three_public.reception budget 2023 fiscal = 8.00 (8.00万元) "
            "[three_public.reception]\n"
            "r3c6 three_public.total actual 2023 fiscal = 22.91 (22.91万元) "
            "[three_public.total]\n"
            "r3c7 three_public.outbound actual 2023 fiscal = 0 (0万元) "
            "[three_public.outbound]\n"
            "r3c8 three_public.vehicle actual 2023 fiscal = 21.56 (21.56万元) "
            "[three_public.vehicle]\n"
            "r3c10 three_public.vehicle.operation actual 2023 fiscal = 21.56 "
            "(21.56万元) "
            "[three_public.vehicle.operation]\n"
            "r3c11 three_public.reception actual 2023 fiscal = 1.35 (1.35万元) "
            "[three_public.reception]\n");
  const RecognizedTable& t = tf.tables[0];
  ASSERT_EQ(t.columns.size(), 12u);
  EXPECT_EQ(t.columns[3].role, "three_public.vehicle.purchase");
  EXPECT_EQ(t.columns[3].basis, "budget");
  EXPECT_EQ(t.columns[9].basis, "actual");
  EXPECT_EQ(t.columns[9].header, "决算数/公务用车购置及运行费/公务用车购置费");
}

TEST(MergedHeaderTest, PriorYearBudgetColumnsBelongToTheYearBefore) {
  NormalizedDocument nd = Doc({Grid(
      "一般公共预算“三公”经费支出表", "单位：万元",
      {
          "上年预算数{1x3}|^|^|本年预算数{1x3}|^|^",
          "合计|因公出国（境）费|公务接待费|合计|因公出国（境）费|公务接待费",
          "9.00|4.00|5.00|8.00|3.00|5.00",
      })});
  TableFacts tf = Read(nd, Meta("budget", 2025));
  ASSERT_EQ(tf.facts.size(), 6u);
  EXPECT_EQ(tf.facts[0].year, 2024);
  EXPECT_EQ(tf.facts[0].basis, "budget");
  EXPECT_EQ(tf.facts[3].year, 2025);
  EXPECT_EQ(tf.facts[3].metric, "three_public.total");
}

TEST(MergedHeaderTest,
     ThreePublicTotalBesideMeetingAndTrainingFeesIsNotTheThreePublicTotal) {
  // Jiangsu: 合计 (三公 + 会议费 + 培训费) | “三公”经费 小计 | … | 会议费 |
  // 培训费.
  NormalizedDocument nd =
      Doc({Grid("“三公”经费、会议费、培训费支出预算表", "单位：万元",
                {
                    "合计{2x1}|“三公”经费{1x5}|^|^|^|^|会议费{2x1}|培训费{2x1}",
                    "^|小计|因公出国（境）费|公务用车购置及运行维护费|"
                    "公务接待费|其他|^|^",
                    "1,471.70|508.20|70.00|411.20|27.00||933.50|30.00",
                })});
  TableFacts tf = Read(nd, Meta("budget", 2019));
  EXPECT_EQ(
      Facts(tf),
      "r2c1 three_public.total budget 2019 fiscal = 508.20 (508.20万元) "
      "[three_public.total]\n"
      "r2c2 three_public.outbound budget 2019 fiscal = 70.00 (70.00万元) "
      "[three_public.outbound]\n"
      "r2c3 three_public.vehicle budget 2019 fiscal = 411.20 (411.20万元) "
      "[three_public.vehicle]\n"
      "r2c4 three_public.reception budget 2019 fiscal = 27.00 (27.00万元) "
      "[three_public.reception]\n");
}

TEST(MergedHeaderTest, PriorExecutionAndChangeColumnsOfTheCentralBudgetTable) {
  NormalizedDocument nd = Doc({Grid(
      "一般公共预算支出表", "单位：万元",
      {
          "科目编码{2x1}|科目名称{2x1}|上年执行数{2x1}|本年预算数{1x3}|^|^|"
          "本年预算比上年执行数{1x2}|^",
          "^|^|^|小计|基本支出|项目支出|增减额|增减%",
          "201|一般公共服务支出|90.00|100.00|80.00|20.00|10.00|11.11",
      })});
  TableFacts tf = Read(nd, Meta("budget", 2025));
  EXPECT_EQ(
      Facts(tf),
      "r2c2 gpb.expenditure.by_func actual 2024 gpb func:201 = 90.00 "
      "(90.00万元) "
      "[amount]\n"
      "r2c3 gpb.expenditure.by_func budget 2025 gpb func:201 = 100.00 "
      "(100.00万元) "
      "[total]\n"
      "r2c4 gpb.expenditure.basic budget 2025 gpb func:201 = 80.00 (80.00万元) "
      "[basic]\n"
      "r2c5 gpb.expenditure.project budget 2025 gpb func:201 = 20.00 "
      "(20.00万元) "
      "[project]\n"
      "r2c6 gpb.expenditure.by_func budget 2025 gpb func:201 = 10.00 "
      "(10.00万元) "
      "[amount]\n"
      "r2c7 gpb.expenditure.by_func budget 2025 gpb func:201 = 11.11 (11.11%) "
      "[amount]\n");
  ASSERT_EQ(tf.facts.size(), 6u);
  EXPECT_EQ(tf.facts[4].measure, Measure::kChange);
  EXPECT_EQ(tf.facts[4].comparison_year, 2024);
  EXPECT_EQ(tf.facts[5].measure, Measure::kRate);
}

// ---- Units ----

TEST(UnitTest, YuanTableWithoutDecimalsConvertsExactlyToWanYuan) {
  NormalizedDocument nd = Doc({
      "2023年部门支出预算总表",
      "编制部门：上海市普陀区某街道办事处单位：元",
      Grid("", "",
           {
               "项目{1x4}|^|^|^|支出预算{1x3}|^|^",
               "功能分类科目编码{1x3}|^|^|功能分类科目名称{2x1}|合计{2x1}|"
               "基本支出{2x1}|项目支出{2x1}",
               "类|款|项|^|^|^|^",
               "212|||城乡社区支出|121,319,878|71,441,335|49,878,543",
               "|||合计|164,978,640|99,406,297|65,572,343",
           }),
  });
  TableFacts tf = Read(nd, Meta("budget", 2023));
  ASSERT_EQ(tf.tables.size(), 1u);
  EXPECT_EQ(tf.tables[0].canonical_id, "BU03");
  EXPECT_EQ(tf.tables[0].unit, "元");
  EXPECT_EQ(tf.tables[0].amount_scale, 0);
  EXPECT_EQ(Facts(tf),
            "r3c4 expenditure.by_func budget 2023 all func:212 = 12131.9878 "
            "(121319878元) [total]\n"
            "r3c5 expenditure.basic budget 2023 all func:212 = 7144.1335 "
            "(71441335元) [basic]\n"
            "r3c6 expenditure.project budget 2023 all func:212 = 4987.8543 "
            "(49878543元) "
            "[project]\n"
            "r4c4 expenditure.total budget 2023 all = 16497.8640 (164978640元) "
            "[total]\n"
            "r4c5 expenditure.basic budget 2023 all = 9940.6297 (99406297元) "
            "[basic]\n"
            "r4c6 expenditure.project budget 2023 all = 6557.2343 (65572343元) "
            "[project]\n");
  EXPECT_EQ(tf.facts[3].value, Decimal::Parse("16497.864").value());
}

struct UnitCase {
  std::string unit_text;
  std::string before;  // a block before the table
  std::string expected;
};

TEST(UnitTest, UnitComesFromTheUnitLineInItsManyPrintedForms) {
  const std::vector<UnitCase> cases = {
      {"单位：万元", "", "万元"},
      {"金额单位：元", "", "元"},
      {"单位:万", "", "万元"},
      {"单位：上海市财政局单位：元", "", "元"},
      {"", "编制单位：上海市某局\t\t金额单位：元", "元"},
      {"", "部门：江苏省某厅单位：万元", "万元"},
      {"", "单位：亿元", "亿元"},
  };
  for (const UnitCase& uc : cases) {
    Table t = Grid("部门支出总表", uc.unit_text, {"项目|合计", "合计|1.00"});
    NormalizedDocument nd =
        uc.before.empty() ? Doc({t}) : Doc({uc.before.c_str(), t});
    TableFacts tf = Read(nd, Meta("budget", 2024));
    ASSERT_EQ(tf.tables.size(), 1u);
    EXPECT_EQ(tf.tables[0].unit, uc.expected) << uc.unit_text << uc.before;
  }
}

TEST(UnitTest, TableWithoutUnitKeepsPrintedValuesAndSaysSo) {
  NormalizedDocument nd =
      Doc({Grid("部门支出总表", "", {"项目|合计|基本支出", "合计|3.50|3.50"})});
  TableFacts tf = Read(nd, Meta("budget", 2024));
  ASSERT_EQ(tf.facts.size(), 2u);
  EXPECT_EQ(tf.facts[0].unit, "");
  EXPECT_EQ(tf.facts[0].value, Decimal::Parse("3.50").value());
  ASSERT_EQ(tf.findings.size(), 1u);
  EXPECT_EQ(tf.findings[0].rule, "table.unit_missing");
  EXPECT_EQ(tf.findings[0].severity, Severity::kInfo);
}

// ---- Codes ----

TEST(CodeTest, CodesSplitOverThreeColumnsJoinAndCarryTheIncomeColumns) {
  NormalizedDocument nd =
      Doc({Grid("收入决算表", "单位：万元",
                {
                    "项目{1x4}|^|^|^|本年收入合计{3x1}|财政拨款收入{3x1}|"
                    "事业收入{3x1}|其他收入{3x1}",
                    "支出功能分类科目编码{1x3}|^|^|科目名称{2x1}|^|^|^|^",
                    "类|款|项|^|^|^|^|^",
                    "|||合计|2,946.25|2,940.05||6.20",
                    "201|||一般公共服务支出|2,112.86|2,106.66||6.20",
                    "201|06||财政事务|2,112.86|2,106.66||6.20",
                    "201|06|01|行政运行|1,511.90|1,511.89||0.01",
                })});
  TableFacts tf = Read(nd, Meta("final_accounts", 2024));
  EXPECT_EQ(tf.tables[0].canonical_id, "FA02");
  EXPECT_EQ(
      Facts(tf),
      "r3c4 income.total actual 2024 all = 2946.25 (2946.25万元) [total]\n"
      "r3c5 income.fiscal actual 2024 all = 2940.05 (2940.05万元) "
      "[income.fiscal]\n"
      "r3c7 income.other actual 2024 all = 6.20 (6.20万元) [income.other]\n"
      "r4c4 income.by_func actual 2024 all func:201 = 2112.86 (2112.86万元) "
      "[total]\n"
      "r4c5 income.fiscal actual 2024 all func:201 = 2106.66 (2106.66万元) "
      "[income.fiscal]\n"
      "r4c7 income.other actual 2024 all func:201 = 6.20 (6.20万元) "
      "[income.other]\n"
      "r5c4 income.by_func actual 2024 all func:20106 = 2112.86 (2112.86万元) "
      "[total]\n"
      "r5c5 income.fiscal actual 2024 all func:20106 = 2106.66 (2106.66万元) "
      "[income.fiscal]\n"
      "r5c7 income.other actual 2024 all func:20106 = 6.20 (6.20万元) "
      "[income.other]\n"
      "r6c4 income.by_func actual 2024 all func:2010601 = 1511.90 "
      "(1511.90万元) [total]\n"
      "r6c5 income.fiscal actual 2024 all func:2010601 = 1511.89 (1511.89万元) "
      "[income.fiscal]\n"
      "r6c7 income.other actual 2024 all func:2010601 = 0.01 (0.01万元) "
      "[income.other]\n");
}

TEST(
    CodeTest,
    ExpenditureTableClassItemLevelsKeepTheirCodesAndTheTotalRowTakesColumnMetrics) {
  NormalizedDocument nd =
      Doc({Grid("支出决算表", "单位：万元",
                {
                    "科目编码|科目名称|本年支出合计|基本支出|项目支出",
                    "201|一般公共服务支出|100.00|80.00|20.00",
                    "20103|政府办公厅（室）及相关机构事务|100.00|80.00|20.00",
                    "2010301|行政运行|80.00|80.00|-",
                    "2010302|一般行政管理事务|20.00||20.00",
                    "|合计|100.00|80.00|20.00",
                })});
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  EXPECT_EQ(
      Facts(tf),
      "r1c2 expenditure.by_func actual 2023 all func:201 = 100.00 (100.00万元) "
      "[total]\n"
      "r1c3 expenditure.basic actual 2023 all func:201 = 80.00 (80.00万元) "
      "[basic]\n"
      "r1c4 expenditure.project actual 2023 all func:201 = 20.00 (20.00万元) "
      "[project]\n"
      "r2c2 expenditure.by_func actual 2023 all func:20103 = 100.00 "
      "(100.00万元) [total]\n"
      "r2c3 expenditure.basic actual 2023 all func:20103 = 80.00 (80.00万元) "
      "[basic]\n"
      "r2c4 expenditure.project actual 2023 all func:20103 = 20.00 (20.00万元) "
      "[project]\n"
      "r3c2 expenditure.by_func actual 2023 all func:2010301 = 80.00 "
      "(80.00万元) [total]\n"
      "r3c3 expenditure.basic actual 2023 all func:2010301 = 80.00 (80.00万元) "
      "[basic]\n"
      "r4c2 expenditure.by_func actual 2023 all func:2010302 = 20.00 "
      "(20.00万元) [total]\n"
      "r4c4 expenditure.project actual 2023 all func:2010302 = 20.00 "
      "(20.00万元) "
      "[project]\n"
      "r5c2 expenditure.total actual 2023 all = 100.00 (100.00万元) [total]\n"
      "r5c3 expenditure.basic actual 2023 all = 80.00 (80.00万元) [basic]\n"
      "r5c4 expenditure.project actual 2023 all = 20.00 (20.00万元) "
      "[project]\n");
  EXPECT_EQ(tf.facts[6].label, "行政运行");
}

TEST(CodeTest, GeneralBudgetTableRowsUseTheGeneralBudgetMetrics) {
  NormalizedDocument nd =
      Doc({Grid("一般公共预算财政拨款支出决算表", "单位：万元",
                {"项目{1x2}|^|本年支出{1x3}|^|^",
                 "科目编码|科目名称|小计|基本支出|项目支出",
                 "2010301 行政运行||80.00|80.00|", "|合计|80.00|80.00|"})});
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  EXPECT_EQ(
      Facts(tf),
      "r2c2 gpb.expenditure.by_func actual 2023 gpb func:2010301 = 80.00 "
      "(80.00万元) "
      "[total]\n"
      "r2c3 gpb.expenditure.basic actual 2023 gpb func:2010301 = 80.00 "
      "(80.00万元) "
      "[basic]\n"
      "r3c2 gpb.expenditure.total actual 2023 gpb = 80.00 (80.00万元) [total]\n"
      "r3c3 gpb.expenditure.basic actual 2023 gpb = 80.00 (80.00万元) "
      "[basic]\n");
}

TEST(CodeTest, CodePrintedBeforeTheLabelIsReadAndDroppedFromTheLabel) {
  NormalizedDocument nd =
      Doc({Grid("支出决算表", "单位：万元",
                {"项目|本年支出合计", "2010301 行政运行|80.00"})});
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  ASSERT_EQ(tf.facts.size(), 1u);
  EXPECT_EQ(tf.facts[0].code, "2010301");
  EXPECT_EQ(tf.facts[0].label, "行政运行");
}

// ---- Empty tables ----

TEST(EmptyTableTest, TableWithoutValuesAndItsNoteIsEmptyWithStatement) {
  NormalizedDocument nd = Doc({
      Grid("政府性基金预算财政拨款收入支出决算表", "单位：万元",
           {"科目编码|科目名称|年初结转和结余|本年收入|本年支出|年末结转和结余",
            "|合计||||"}),
      "注：本部门2023年度没有政府性基金预算财政拨款收入和支出，故本表为空表。",
  });
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  ASSERT_EQ(tf.tables.size(), 1u);
  EXPECT_TRUE(tf.tables[0].empty);
  EXPECT_TRUE(tf.tables[0].empty_statement);
  EXPECT_TRUE(tf.facts.empty());
}

TEST(EmptyTableTest, ZeroValuedTableWithoutANoteHasNoStatement) {
  NormalizedDocument nd = Doc({
      Grid("国有资本经营预算支出表", "单位：万元",
           {"科目编码|科目名称|合计", "|合计|0.00"}),
      "一、部门职责",
  });
  TableFacts tf = Read(nd, Meta("budget", 2023));
  EXPECT_TRUE(tf.tables[0].empty);
  EXPECT_FALSE(tf.tables[0].empty_statement);
  ASSERT_EQ(tf.facts.size(), 1u);  // a printed 0.00 is a fact
  EXPECT_EQ(tf.facts[0].metric, "soe.expenditure.total");
  EXPECT_TRUE(tf.facts[0].value.is_zero());
}

// ---- Blank, dash and 行次 cells ----

TEST(CellTest, BlankAndDashCellsGiveNoFactAndNeverShiftAValue) {
  NormalizedDocument nd =
      Doc({Grid("部门支出总表", "单位：万元",
                {"科目编码|科目名称|合计|基本支出|项目支出",
                 "201|一般公共服务支出||—|5.00", "|合计|5.00|-|5.00"})});
  TableFacts tf = Read(nd, Meta("budget", 2024));
  EXPECT_EQ(
      Facts(tf),
      "r1c4 expenditure.project budget 2024 all func:201 = 5.00 (5.00万元) "
      "[project]\n"
      "r2c2 expenditure.total budget 2024 all = 5.00 (5.00万元) [total]\n"
      "r2c4 expenditure.project budget 2024 all = 5.00 (5.00万元) [project]\n");
}

TEST(CellTest, LineNumberColumnIsIgnoredEvenWithoutItsHeader) {
  NormalizedDocument nd =
      Doc({Grid("收入支出决算总表", "单位：万元",
                {"项目||金额", "一、一般公共预算财政拨款收入|1|5.00",
                 "二、政府性基金预算财政拨款收入|2|", "本年收入合计|3|5.00"})});
  TableFacts tf = Read(nd, Meta("final_accounts", 2023));
  EXPECT_EQ(tf.tables[0].columns[1].role, "line_no");
  EXPECT_EQ(
      Facts(tf),
      "r1c2 income.fiscal.gpb actual 2023 all = 5.00 (5.00万元) [amount]\n"
      "r3c2 income.total actual 2023 all = 5.00 (5.00万元) [amount]\n");
}

TEST(CellTest, SecondIncomeTotalAfterTheCarryoverIsTheGrandTotal) {
  // Jiangsu 收支预算总表: 当年收入小计, 上年结转资金, 收入合计.
  NormalizedDocument nd =
      Doc({Grid("收支预算总表", "单位：万元",
                {"收入{1x2}|^|支出{1x2}|^", "项目名称|金额|项目名称|金额",
                 "当年收入小计|9.00|当年支出小计|9.00",
                 "上年结转资金|1.00|结转下年资金|1.00",
                 "收入合计|10.00|支出合计|10.00"})});
  TableFacts tf = Read(nd, Meta("budget", 2019));
  EXPECT_EQ(
      Facts(tf),
      "r2c1 income.total budget 2019 all = 9.00 (9.00万元) [amount]\n"
      "r2c3 expenditure.total budget 2019 all = 9.00 (9.00万元) [amount]\n"
      "r3c1 income.begin_carryover budget 2019 all = 1.00 (1.00万元) [amount]\n"
      "r3c3 expenditure.end_carryover budget 2019 all = 1.00 (1.00万元) "
      "[amount]\n"
      "r4c1 income.grand_total budget 2019 all = 10.00 (10.00万元) [amount]\n"
      "r4c3 expenditure.grand_total budget 2019 all = 10.00 (10.00万元) "
      "[amount]\n");
}

// ---- Catalog ----

TEST(TableCatalogTest, EveryRowHasAUniqueIdAKnownSubjectAndTitles) {
  Result<DataTable> t = ReadDataTable("tables.tsv", '\t');
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const std::set<std::string> subjects = {"summary",
                                          "fiscal_summary",
                                          "income",
                                          "expenditure",
                                          "fiscal_expenditure",
                                          "gpb_expenditure",
                                          "gpb_basic",
                                          "fiscal_basic",
                                          "gov_fund",
                                          "soe",
                                          "three_public",
                                          "admin_cost",
                                          "procurement",
                                          "other"};
  const std::set<std::string> funds = {"all", "fiscal", "gpb", "gov_fund",
                                       "soe"};
  std::set<std::string> ids;
  const DataTable& d = t.value();
  for (const auto& row : d.rows) {
    const std::string& id = row[static_cast<size_t>(d.Column("id"))];
    EXPECT_TRUE(ids.insert(id).second) << "duplicate " << id;
    EXPECT_EQ(subjects.count(row[static_cast<size_t>(d.Column("subject"))]), 1u)
        << id;
    EXPECT_EQ(funds.count(row[static_cast<size_t>(d.Column("fund"))]), 1u)
        << id;
    EXPECT_FALSE(row[static_cast<size_t>(d.Column("titles"))].empty()) << id;
  }
  for (const auto& row : d.rows) {
    const std::string& stands_for =
        row[static_cast<size_t>(d.Column("stands_for"))];
    if (!stands_for.empty()) EXPECT_EQ(ids.count(stands_for), 1u) << stands_for;
  }
  EXPECT_EQ(ids.size(), 30u);  // FA01…FA13, BU01…BU17
}

// ---- Expected tables ----

TEST(ExpectedTablesTest, EachKindDemandsItsCentralSet) {
  EXPECT_EQ(ExpectedTables(Meta("final_accounts", 2023)),
            (std::vector<std::string>{"FA01", "FA02", "FA03", "FA04", "FA06",
                                      "FA08", "FA10", "FA12", "FA13"}));
  EXPECT_EQ(ExpectedTables(Meta("budget", 2025)),
            (std::vector<std::string>{"BU01", "BU02", "BU03", "BU04", "BU06",
                                      "BU07", "BU09", "BU10", "BU12"}));
  // Before the 国有资本经营 table joined the set.
  EXPECT_EQ(ExpectedTables(Meta("budget", 2017)).size(), 8u);
  EXPECT_EQ(ExpectedTables(Meta("final_accounts", 2016)).size(), 8u);
  EXPECT_TRUE(ExpectedTables(Meta("", 2023)).empty());
  EXPECT_TRUE(ExpectedTables(Meta("three_public_note", 2023)).empty());
}

TEST(DebugStringTest, DumpListsTablesColumnsAndFacts) {
  NormalizedDocument nd =
      Doc({Grid("部门支出总表", "单位：万元", {"项目|合计", "合计|1.00"})});
  EXPECT_EQ(DebugString(Read(nd, Meta("budget", 2024))),
            "table 0 t0 BU03 '部门支出总表' unit=万元 scale=2\n"
            "  columns: 0=label 1=total/budget\n"
            "BU03 r1c1 expenditure.total budget 2024 all = 1.00 (1.00万元) "
            "[total] 合计\n");
}

}  // namespace
}  // namespace budgetdoc
