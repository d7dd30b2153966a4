// Table regions and grids from synthetic word boxes: no PDF needed.
#include "extract/pdf_tables.h"

#include "base/utf8.h"
#include "extract/pdf_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

constexpr double kFs = 10;

double TextWidth(const std::string& text, double fs = kFs) {
  double width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = DecodeUtf8(text, &pos);
    width += c < 0x80 ? 0.5 * fs : fs;
  }
  return width;
}

// Left-aligned at x.
PdfWord At(const std::string& text, double x, double y, double fs = kFs) {
  PdfWord w;
  w.text = text;
  w.x0 = x;
  w.x1 = x + TextWidth(text, fs);
  w.y0 = y;
  w.y1 = y + fs;
  w.font_size = fs;
  return w;
}
// Right-aligned at x (numbers).
PdfWord Right(const std::string& text, double x, double y) {
  return At(text, x - TextWidth(text), y);
}
// Centred on x (headers).
PdfWord Centre(const std::string& text, double x, double y) {
  return At(text, x - TextWidth(text) / 2, y);
}

PdfPageInput Page(int number, std::vector<PdfWord> words) {
  PdfPageInput p;
  p.number = number;
  p.width = 842;
  p.height = 595;
  p.words = std::move(words);
  return p;
}

std::vector<PdfTable> Tables(const PdfPageInput& page) {
  return FindTables(BuildLines(NormalizeWords(page.words)), page,
                    PdfTableOptions());
}

// Cell texts of a row ("_" for blank, "^" for covered).
std::string Row(const Table& t, size_t r) {
  std::string out;
  for (const Cell& c : t.rows.at(r)) {
    out += "|";
    out += c.covered ? "^" : c.text.empty() ? "_" : c.text;
  }
  return out;
}

TEST(PdfTablesTest, RecognizesNumbersAsPrintedInCells) {
  struct Case {
    const char* text;
    bool numeric;
  } cases[] = {
      {"2,946.25", true},   {"164,978,640", true}, {"0", true},
      {"0.00", true},       {"-3.5", true},        {"12.5%", true},
      {"(1,000.00)", true}, {"201", true},         {"-", false},
      {"1.", false},        {"2023-01-01", false}, {"1,2", true},
      {"合计", false},      {"", false},           {",100", false},
      {"100,", false},      {"1..2", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsNumericCellText(c.text), c.numeric) << c.text;
  }
}

// The "三公" table shape: 合计 | 出国 | 接待 | 购置及运行(小计, 购置, 运行).
std::vector<PdfWord> SanGongTable(double top) {
  // Column right edges (numbers are right-aligned there) and centres.
  const double right[] = {160, 260, 360, 460, 560, 660};
  const double centre[] = {115, 215, 315, 415, 515, 615};
  std::vector<PdfWord> w = {
      Centre("公务用车购置及运行费", 515, top),
      Centre("合计", centre[0], top + 10),
      Centre("因公出国（境）费", centre[1], top + 10),
      Centre("公务接待费", centre[2], top + 10),
      Centre("小计", centre[3], top + 20),
      Centre("购置费", centre[4], top + 20),
      Centre("运行费", centre[5], top + 20),
  };
  // Row 1: 购置费 blank, 出国 "0".
  const char* r1[] = {"22.91", "0", "1.35", "21.56", "", "21.56"};
  // Row 2: every cell filled.
  const char* r2[] = {"10.00", "2.00", "3.00", "5.00", "1.00", "4.00"};
  for (int c = 0; c < 6; ++c) {
    if (*r1[c]) w.push_back(Right(r1[c], right[c], top + 45));
    w.push_back(Right(r2[c], right[c], top + 65));
  }
  return w;
}

TEST(PdfTablesTest, KeepsBlankCellsBlankInTheirOwnColumn) {
  std::vector<PdfTable> tables = Tables(Page(1, SanGongTable(100)));
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.columns, 6);
  ASSERT_EQ(t.header_rows, 2);
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(Row(t, 2), "|22.91|0|1.35|21.56|_|21.56");
  EXPECT_EQ(Row(t, 3), "|10.00|2.00|3.00|5.00|1.00|4.00");
  EXPECT_EQ(t.rows[2][4].state(), CellState::kBlank);
  EXPECT_EQ(t.rows[2][1].state(), CellState::kZero);
  EXPECT_EQ(t.rows[2][0].page, 1);
  ASSERT_TRUE(t.rows[2][0].bbox.has_value());
  EXPECT_NEAR(t.rows[2][0].bbox->x1, 160, 1e-6);
}

TEST(PdfTablesTest, RebuildsMergedHeaderCellsFromCentredText) {
  std::vector<PdfTable> tables = Tables(Page(1, SanGongTable(100)));
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.header_rows, 2);
  // Row 0: 合计, 出国 and 接待 (vertically centred) span both header rows.
  EXPECT_EQ(t.rows[0][0].text, "合计");
  EXPECT_EQ(t.rows[0][0].row_span, 2);
  EXPECT_TRUE(t.rows[1][0].covered);
  EXPECT_EQ(t.rows[0][1].text, "因公出国（境）费");
  EXPECT_EQ(t.rows[0][2].text, "公务接待费");
  // 公务用车购置及运行费 spans the last three columns.
  EXPECT_EQ(t.rows[0][3].text, "公务用车购置及运行费");
  EXPECT_EQ(t.rows[0][3].col_span, 3);
  EXPECT_TRUE(t.rows[0][4].covered);
  EXPECT_EQ(t.rows[1][3].text, "小计");
  EXPECT_EQ(t.rows[1][4].text, "购置费");
  EXPECT_EQ(t.rows[1][5].text, "运行费");
}

TEST(PdfTablesTest, KeepsBothPanelsOfATwoPanelTableInOneGrid) {
  std::vector<PdfWord> w = {
      Centre("收入", 171, 100), Centre("支出", 471, 100),
      Centre("项目", 100, 115), Centre("决算数", 250, 115),
      Centre("项目", 400, 115), Centre("决算数", 550, 115),
  };
  const char* left[] = {"一、一般公共预算财政拨款收入",
                        "二、政府性基金预算财政拨款收入", "八、其他收入"};
  const char* left_v[] = {"2,940.05", "", "6.20"};
  const char* right_l[] = {"一、一般公共服务支出", "二、外交支出",
                           "三、国防支出", "四、公共安全支出"};
  const char* right_v[] = {"2,106.66", "", "", "833.39"};
  for (int r = 0; r < 4; ++r) {
    double y = 135 + 15.0 * r;
    if (r < 3) {
      w.push_back(At(left[r], 52, y));
      if (*left_v[r]) w.push_back(Right(left_v[r], 290, y));
    }
    w.push_back(At(right_l[r], 352, y));
    if (*right_v[r]) w.push_back(Right(right_v[r], 590, y));
  }
  w.push_back(Centre("本年收入合计", 150, 195));
  w.push_back(Right("2,946.25", 290, 195));
  w.push_back(Centre("本年支出合计", 450, 195));
  w.push_back(Right("2,940.05", 590, 195));
  std::vector<PdfTable> tables = Tables(Page(1, w));
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.columns, 4);
  ASSERT_EQ(t.header_rows, 2);
  EXPECT_EQ(Row(t, 0), "|收入|^|支出|^");
  EXPECT_EQ(
      Row(t, 2),
      "|一、一般公共预算财政拨款收入|2,940.05|一、一般公共服务支出|2,106.66");
  EXPECT_EQ(Row(t, 5), "|_|_|四、公共安全支出|833.39");
  EXPECT_EQ(Row(t, 6), "|本年收入合计|2,946.25|本年支出合计|2,940.05");
}

TEST(PdfTablesTest, JoinsARowLabelWrappedOverTwoLines) {
  // The label column is 110 pt wide: "其他城乡社区管理事务支" fills it and
  // "出" wraps; its values sit on the first line.
  std::vector<PdfWord> w = {
      Centre("科目编码", 80, 100),
      Centre("科目名称", 220, 100),
      Centre("合计", 420, 100),
      At("212", 60, 120),
      At("一般公共服务支出", 165, 120),
      Right("2,976,800", 450, 120),
      At("212", 60, 135),
      At("其他城乡社区管理事务支", 165, 135),
      Right("49,927,105", 450, 135),
      At("出", 165, 147),
      At("221", 60, 162),
      At("住房保障支出", 165, 162),
      Right("8,960,694", 450, 162),
  };
  std::vector<PdfTable> tables = Tables(Page(1, w));
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.rows.size(), 4u) << Row(t, 1);
  EXPECT_EQ(Row(t, 2), "|212|其他城乡社区管理事务支出|49,927,105");
  EXPECT_EQ(Row(t, 3), "|221|住房保障支出|8,960,694");
  // "出" is clearly the rest of a label: no need for rulings.
  EXPECT_FALSE(tables[0].ambiguous_rows);
}

TEST(PdfTablesTest, TheTablesOwnSpacingTellsARowFromAWrappedLabel) {
  // "款" surely continues the label above it, two points below; rows with
  // numbers are five points apart. "政府性基金预算财政拨款", as long as a
  // full label and five points below, is a row of its own.
  std::vector<PdfWord> w = {
      Centre("项目", 110, 100),
      Centre("决算数", 250, 100),
      At("一、一般公共预算财政拨", 60, 120),
      Right("990.00", 270, 120),
      At("款", 60, 132),
      At("本年收入合计", 60, 147),
      Right("990.00", 270, 147),
      At("一般公共预算财政拨款", 60, 162),
      Right("80.18", 270, 162),
      At("政府性基金预算财政拨款", 60, 177),
      At("收入总计", 60, 192),
      Right("1,070.18", 270, 192),
  };
  std::vector<PdfTable> tables = Tables(Page(1, w));
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  EXPECT_FALSE(tables[0].ambiguous_rows);
  ASSERT_EQ(t.rows.size(), 6u);
  EXPECT_EQ(Row(t, 1), "|一、一般公共预算财政拨款|990.00");
  EXPECT_EQ(Row(t, 3), "|一般公共预算财政拨款|80.18");
  EXPECT_EQ(Row(t, 4), "|政府性基金预算财政拨款|_");
}

TEST(PdfTablesTest, ALabelOnlyLineAsLongAsAFullLabelMakesTheRowsAmbiguous) {
  // "政府性基金预算财政拨款" could continue "一般公共预算财政拨款" or be a
  // row with blank values: the table asks for its ruling lines.
  std::vector<PdfWord> w = {
      Centre("项目", 110, 100),
      Centre("决算数", 250, 100),
      At("本年收入合计", 60, 120),
      Right("990.00", 270, 120),
      At("一般公共预算财政拨款", 60, 135),
      Right("80.18", 270, 135),
      At("政府性基金预算财政拨款", 60, 147),
      At("收入总计", 60, 162),
      Right("1,070.18", 270, 162),
  };
  std::vector<PdfTable> tables = Tables(Page(1, w));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_TRUE(tables[0].ambiguous_rows);
}

TEST(PdfTablesTest, JoinsValuesPrintedBetweenTheTwoLinesOfALabel) {
  std::vector<PdfWord> w = {
      Centre("科目名称", 220, 100),
      Centre("合计", 420, 100),
      At("行政单位离退休", 165, 120),
      Right("84.65", 450, 120),
      At("机关事业单位基本养老保", 165, 137),
      Right("160.75", 450, 143),
      At("险缴费支出", 165, 149),
      At("其他支出", 165, 166),
      Right("0.94", 450, 166),
  };
  std::vector<PdfTable> tables = Tables(Page(1, w));
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(Row(t, 2), "|机关事业单位基本养老保险缴费支出|160.75");
  EXPECT_EQ(Row(t, 3), "|其他支出|0.94");
}

TEST(PdfTablesTest, KeepsCodesSplitOverColumnsOrJoinedInOne) {
  std::vector<PdfWord> split = {
      Centre("类", 65, 100),       Centre("款", 95, 100),
      Centre("项", 125, 100),      Centre("科目名称", 220, 100),
      Centre("金额", 420, 100),    At("201", 58, 120),
      At("03", 90, 120),           At("01", 120, 120),
      At("行政运行", 165, 120),    Right("4,545.94", 450, 120),
      At("201", 58, 135),          At("03", 90, 135),
      At("02", 120, 135),          At("一般行政管理事务", 165, 135),
      Right("2,468.78", 450, 135),
  };
  std::vector<PdfTable> a = Tables(Page(1, split));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(Row(a[0].table, 1), "|201|03|01|行政运行|4,545.94");
  std::vector<PdfWord> joined = {
      Centre("科目编码", 80, 100), Centre("科目名称", 220, 100),
      Centre("金额", 420, 100),    At("2010301", 58, 120),
      At("行政运行", 165, 120),    Right("4,545.94", 450, 120),
      At("2010302", 58, 135),      At("一般行政管理事务", 165, 135),
      Right("2,468.78", 450, 135),
  };
  std::vector<PdfTable> b = Tables(Page(1, joined));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(Row(b[0].table, 1), "|2010301|行政运行|4,545.94");
}

TEST(PdfTablesTest, TakesTitleAndUnitFromTheLinesAbove) {
  std::vector<PdfWord> w = {
      At("公开01表", 60, 40),
      Centre("收入支出决算总表", 300, 60),
      At("编制部门：上海市普陀区财政局", 60, 80),
      At("单位：万元", 500, 80),
  };
  for (const PdfWord& x : SanGongTable(100)) w.push_back(x);
  std::vector<PdfTable> tables = Tables(Page(1, w));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].table.title, "公开01表 收入支出决算总表");
  EXPECT_EQ(tables[0].table.unit_text, "单位：万元");
  EXPECT_EQ(tables[0].caption_lines.size(), 3u);
}

TEST(PdfTablesTest, KeepsBlankZeroAndDashApart) {
  std::vector<PdfWord> w = {
      Centre("项目", 100, 100), Centre("甲", 250, 100),
      Centre("乙", 350, 100),   Centre("丙", 450, 100),
      Centre("丁", 550, 100),   At("其他收入", 60, 120),
      Right("5.00", 270, 120),  Right("1.00", 370, 120),
      Right("2.00", 470, 120),  Right("3.00", 570, 120),
      At("事业收入", 60, 135),  Right("0", 370, 135),
      Right("0.00", 470, 135),  Right("-", 570, 135),
  };
  std::vector<PdfTable> tables = Tables(Page(1, w));
  ASSERT_EQ(tables.size(), 1u);
  const std::vector<Cell>& row = tables[0].table.rows.at(2);
  ASSERT_EQ(row.size(), 5u);
  EXPECT_EQ(row[1].state(), CellState::kBlank);
  EXPECT_EQ(row[2].state(), CellState::kZero);
  EXPECT_EQ(row[3].state(), CellState::kZero);
  EXPECT_EQ(row[3].text, "0.00");
  EXPECT_EQ(row[4].state(), CellState::kDash);
}

TEST(PdfTablesTest,
     MergesATableContinuedOnTheNextPageAndDropsTheRepeatedHeader) {
  auto page = [](int n,
                 const std::vector<std::pair<std::string, std::string>>& rows,
                 bool title) {
    std::vector<PdfWord> w;
    if (title) {
      w.push_back(Centre("一般公共预算支出表", 300, 40));
      w.push_back(At("单位：元", 520, 60));
    }
    w.push_back(Centre("科目名称", 200, 80));
    w.push_back(Centre("金额", 420, 80));
    double y = 100;
    for (const auto& [label, value] : rows) {
      w.push_back(At(label, 150, y));
      w.push_back(Right(value, 450, y));
      y += 15;
    }
    return Page(n, w);
  };
  PdfPageInput p1 = page(
      1, {{"一般公共服务支出", "2,976,800"}, {"公共安全支出", "1,252,300"}},
      true);
  PdfPageInput p2 =
      page(2, {{"住房保障支出", "8,960,694"}, {"合计", "13,189,794"}}, false);
  // Continued tables run off one page and onto the next.
  for (PdfWord& w : p1.words) {
    w.y0 += 420;
    w.y1 += 420;
  }
  Document doc = LayOutPdf({p1, p2}, PdfLayoutOptions());
  ASSERT_EQ(doc.tables.size(), 1u) << DebugString(doc);
  const Table& t = doc.tables[0];
  EXPECT_EQ(t.title, "一般公共预算支出表");
  EXPECT_EQ(t.unit_text, "单位：元");
  EXPECT_EQ(t.pages, (std::vector<int>{1, 2}));
  ASSERT_EQ(t.rows.size(), 5u) << DebugString(doc);
  EXPECT_EQ(Row(t, 0), "|科目名称|金额");
  EXPECT_EQ(Row(t, 3), "|住房保障支出|8,960,694");
  EXPECT_EQ(t.rows[1][1].page, 1);
  EXPECT_EQ(t.rows[3][1].page, 2);
  EXPECT_EQ(t.rows[4][1].text, "13,189,794");
}

// A ruled grid whose narrow cells wrap: codes "2/0/1" down the 类 cell and
// amounts "17,628,90" / "0.00" over two lines, as LibreOffice prints them.
PdfPageInput WrappedRuledTable(bool with_rulings) {
  std::vector<PdfWord> w = {Centre("科目编码", 70, 80),
                            Centre("科目名称", 150, 80),
                            Centre("合计", 240, 80)};
  struct Row {
    const char* code[3];
    const char* label;
    const char* amount[2];
  } rows[] = {
      {{"2", "0", "1"}, "一般公共服务支出", {"17,628,90", "0.00"}},
      {{"2", "0", "1"}, "行政运行", {"10,781,90", "0.00"}},
      {{"2", "0", "8"}, "社会保障和就业支出", {"1,980,900", ".00"}},
  };
  double y = 100;
  for (const Row& r : rows) {
    for (int k = 0; k < 3; ++k) w.push_back(At(r.code[k], 62, y + 10 * k));
    w.push_back(At(r.label, 100, y));
    w.push_back(Right(r.amount[0], 265, y));
    w.push_back(Right(r.amount[1], 265, y + 10));
    y += 34;
  }
  PdfPageInput page = Page(1, w);
  if (with_rulings) {
    for (double ry : {95.0, 130.0, 164.0, 198.0}) {
      page.rulings.push_back({50, ry, 270, ry});
    }
    for (double rx : {50.0, 90.0, 200.0, 270.0}) {
      page.rulings.push_back({rx, 75, rx, 198});
    }
  }
  return page;
}

TEST(PdfTablesTest, HorizontalRulingsKeepACellWrappedOverLinesInOneRow) {
  std::vector<PdfTable> tables = Tables(WrappedRuledTable(true));
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(Row(t, 1), "|201|一般公共服务支出|17,628,900.00");
  EXPECT_EQ(Row(t, 2), "|201|行政运行|10,781,900.00");
  EXPECT_EQ(Row(t, 3), "|208|社会保障和就业支出|1,980,900.00");
}

TEST(PdfTablesTest, RulingsStoppedByAMergedCellStillSeparateItsRows) {
  // 品目 is one wide merged cell over two items; the ruling between the
  // items runs across the narrow item columns only, from one cell border to
  // the next. Each item's name wraps; two whole amounts in one band never
  // run together.
  std::vector<PdfWord> w = {Centre("品目", 180, 80), Centre("项目", 335, 80),
                            Centre("金额", 395, 80)};
  w.push_back(At("办公设备购置", 60, 110));
  w.push_back(At("台式计", 310, 100));
  w.push_back(At("算机", 310, 110));
  w.push_back(Right("27.00", 420, 105));
  w.push_back(At("复印机", 310, 130));
  w.push_back(Right("8.00", 420, 130));
  w.push_back(Right("20.00", 420, 140));
  PdfPageInput page = Page(1, w);
  page.rulings = {{55, 95, 425, 95},
                  {305, 123, 425, 123},  // items only
                  {55, 155, 425, 155}};
  std::vector<PdfRuling> verticals = {{55, 75, 55, 155},
                                      {305, 75, 305, 155},
                                      {365, 75, 365, 155},
                                      {425, 75, 425, 155}};
  PdfPageInput ruled = page;
  ruled.rulings.insert(ruled.rulings.end(), verticals.begin(), verticals.end());
  std::vector<PdfTable> tables = Tables(ruled);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(Row(t, 1), "|办公设备购置|台式计算机|27.00");
  EXPECT_EQ(Row(t, 2), "|_|复印机|8.00 20.00");
  // Without the verticals it still ends outside the text of every column,
  // at the borders of the item cells.
  tables = Tables(page);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].table.rows.size(), 3u);
  // A segment that starts and ends inside the text of a column is glyph
  // strokes that line up: ignored, and the items share one band.
  page.rulings[1] = {312, 123, 415, 123};
  tables = Tables(page);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].table.rows.size(), 2u);
}

TEST(PdfTablesTest, WithoutRulingsTheWrappedGridFallsApart) {
  // What the rulings are for: line by line, the fragments stay apart.
  std::vector<PdfTable> tables = Tables(WrappedRuledTable(false));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_GT(tables[0].table.rows.size(), 4u);
}

TEST(PdfTablesTest, LayoutAsksForRulingsOnlyWhereTablesLookWrapped) {
  std::vector<int> asked;
  RulingFinder finder = [&](int page) {
    asked.push_back(page);
    return WrappedRuledTable(true).rulings;
  };
  PdfPageInput wrapped = WrappedRuledTable(false);
  PdfPageInput plain = Page(2, SanGongTable(100));
  Document doc = LayOutPdf({wrapped, plain}, PdfLayoutOptions(), finder);
  EXPECT_EQ(asked, std::vector<int>{1});
  EXPECT_EQ(doc.metadata["pdf_ruled_pages"], "1");
  ASSERT_GE(doc.tables.size(), 1u);
  EXPECT_EQ(Row(doc.tables[0], 1), "|201|一般公共服务支出|17,628,900.00");
  // Without a finder the same page is laid out from words alone.
  Document alone = LayOutPdf({wrapped}, PdfLayoutOptions());
  EXPECT_EQ(alone.metadata.count("pdf_ruled_pages"), 0u);
}

TEST(PdfTablesTest, BlankColumnsWithTheirOwnHeadersStayColumns) {
  // "上年结转" on the first header line beside wrapped headers, and "购置费"
  // among "小计 / 运行费" under their parent: blank in every row, yet each
  // is a column of its own.
  std::vector<PdfWord> w = {
      Centre("合计", 150, 100),
      Centre("上年结转", 210, 100),
      Centre("一般公共", 280, 100),
      Centre("预算拨款", 280, 110),
      Centre("公务用车购置及运行费", 420, 100),
      Centre("小计", 360, 110),
      Centre("购置费", 420, 110),
      Centre("运行费", 480, 110),
  };
  const char* r1[] = {"460.37", "413.72", "46.65", "46.65"};
  const double right[] = {170, 300, 380, 500};
  for (int c = 0; c < 4; ++c) w.push_back(Right(r1[c], right[c], 130));
  for (int c = 0; c < 4; ++c) w.push_back(Right("1.00", right[c], 145));
  std::vector<PdfTable> tables = Tables(Page(1, w));
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.columns, 6) << DebugString(Document{});
  EXPECT_EQ(Row(t, t.rows.size() - 2), "|460.37|_|413.72|46.65|_|46.65");
}

TEST(PdfTablesTest, ARowCutByThePageBreakIsJoinedAcrossPages) {
  // Three amount columns; the last row's amounts are cut after "21,213,30"
  // and end with "0.00" at the top of the next page, under the repeated
  // header.
  auto page = [](int n, std::vector<std::vector<std::string>> rows,
                 double top) {
    std::vector<PdfWord> w = {
        Centre("项目", 200, top), Centre("合计", 320, top),
        Centre("基本支出", 420, top), Centre("项目支出", 520, top)};
    double y = top + 20;
    for (const auto& r : rows) {
      if (!r[0].empty()) w.push_back(At(r[0], 150, y));
      for (int c = 1; c <= 3; ++c) w.push_back(Right(r[c], 250 + 100 * c, y));
      y += 15;
    }
    return Page(n, w);
  };
  PdfPageInput p1 =
      page(1,
           {{"一般公共服务支出", "2,976,800.00", "976,800.00", "2,000,000.00"},
            {"合计", "21,213,30", "1,213,30", "20,000,00"}},
           500);
  PdfPageInput p2 = page(2, {{"", "0.00", "0.00", "0.00"}}, 40);
  Document doc = LayOutPdf({p1, p2}, PdfLayoutOptions());
  ASSERT_EQ(doc.tables.size(), 1u) << DebugString(doc);
  const Table& t = doc.tables[0];
  EXPECT_EQ(Row(t, t.rows.size() - 1),
            "|合计|21,213,300.00|1,213,300.00|20,000,000.00");
  EXPECT_EQ(t.pages, (std::vector<int>{1, 2}));
}

TEST(PdfTablesTest, ALabelCutByThePageBreakEndsUnderTheRepeatedHeader) {
  // A two-panel 总表: "国有资本经营预算财政拨" ends page 1; "款" prints under
  // the header that page 2 repeats, before the last row.
  struct Line {
    double dy;  // below the previous line
    std::string label, value, label2, value2;
  };
  auto page = [](int n, const std::vector<Line>& lines, double top) {
    std::vector<PdfWord> w = {
        Centre("项目", 110, top), Centre("决算数", 250, top),
        Centre("项目", 380, top), Centre("合计", 520, top)};
    double y = top + 5;
    for (const Line& l : lines) {
      y += l.dy;
      w.push_back(At(l.label, 60, y));
      if (!l.value.empty()) w.push_back(Right(l.value, 270, y));
      if (!l.label2.empty()) w.push_back(At(l.label2, 330, y));
      if (!l.value2.empty()) w.push_back(Right(l.value2, 540, y));
    }
    return Page(n, w);
  };
  PdfPageInput p1 = page(
      1,
      {{15, "一、一般公共预算财政", "986.59", "一、一般公共服务支出", "556.90"},
       {12, "拨款", "", "", ""},
       {15, "本年收入合计", "986.59", "本年支出合计", "1,016.00"},
       {15, "一般公共预算财政拨款", "82.36", "", ""},
       {15, "政府性基金预算财政拨款", "", "", ""},
       {15, "国有资本经营预算财政拨", "", "", ""}},
      460);
  PdfPageInput p2 = page(2,
                         {{15, "款", "", "", ""},
                          {15, "", "", "结余分配", "0.00"},
                          {15, "收入总计", "1,068.95", "支出总计", "1,068.95"}},
                         40);
  Document doc = LayOutPdf({p1, p2}, PdfLayoutOptions());
  ASSERT_EQ(doc.tables.size(), 1u) << DebugString(doc);
  const Table& t = doc.tables[0];
  ASSERT_EQ(t.rows.size(), 8u) << DebugString(doc);
  EXPECT_EQ(Row(t, 1),
            "|一、一般公共预算财政拨款|986.59|一、一般公共服务支出|556.90");
  EXPECT_EQ(Row(t, 4), "|政府性基金预算财政拨款|_|_|_");
  EXPECT_EQ(Row(t, 5), "|国有资本经营预算财政拨款|_|_|_");
  EXPECT_EQ(Row(t, 7), "|收入总计|1,068.95|支出总计|1,068.95");
}

TEST(PdfTablesTest, PlainlyWrappedCellsAreFlaggedForRulings) {
  // Number pieces completing the numbers above them.
  std::vector<PdfWord> a = {Centre("合计", 100, 100), Centre("小计", 200, 100),
                            Centre("运行费", 300, 100)};
  const char* top[] = {"101,200.", "78,700.0", "23,600.0"};
  const char* rest[] = {"00", "0", "0"};
  for (int c = 0; c < 3; ++c) {
    a.push_back(Right(top[c], 120 + 100 * c, 120));
    a.push_back(Right(rest[c], 120 + 100 * c, 131));
  }
  std::vector<PdfTable> tables = Tables(Page(1, a));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_TRUE(tables[0].wrapped_cells);

  // "人员经费合计" written down a narrow cell.
  std::vector<PdfWord> b = {
      Centre("科目名称", 100, 100), Centre("决算数", 250, 100),
      At("行政运行", 60, 120),      Right("10.00", 270, 120),
      At("机关服务", 60, 135),      Right("5.00", 270, 135)};
  const char* chars[] = {"人", "员", "经", "费"};
  for (int k = 0; k < 4; ++k) b.push_back(At(chars[k], 60, 150 + 11 * k));
  b.push_back(Right("15.00", 270, 161));
  tables = Tables(Page(1, b));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_TRUE(tables[0].wrapped_cells);

  // Two rows of whole amounts are not pieces of each other.
  std::vector<PdfWord> c = {Centre("合计", 100, 100), Centre("小计", 200, 100),
                            Centre("运行费", 300, 100)};
  for (int k = 0; k < 3; ++k) {
    c.push_back(Right("1.00", 120 + 100 * k, 120));
    c.push_back(Right("2.00", 120 + 100 * k, 135));
  }
  tables = Tables(Page(1, c));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_FALSE(tables[0].wrapped_cells);
}

TEST(PdfTablesTest, ARuledGridKeepsItsTallRowsTogether) {
  // Rows 60 pt tall, one line of text each: far apart by spacing, one grid
  // by its rulings (verticals running from the first row to the last).
  std::vector<PdfWord> w = {Centre("项目", 100, 80), Centre("金额", 250, 80),
                            Centre("项目", 370, 80), Centre("金额", 500, 80)};
  const char* left[] = {"一、财政拨款", "二、财政专户管理资金", "三、其他资金",
                        "收入合计"};
  const char* right[] = {"一、一般公共服务支出", "二、外交支出", "三、国防支出",
                         "支出合计"};
  const char* amounts[] = {"13,649.07", "", "", "13,649.07"};
  for (int r = 0; r < 4; ++r) {
    double y = 125 + 60 * r;
    w.push_back(At(left[r], 60, y));
    if (*amounts[r]) w.push_back(Right(amounts[r], 280, y));
    w.push_back(At(right[r], 330, y));
    if (*amounts[r]) w.push_back(Right(amounts[r], 530, y));
  }
  PdfPageInput page = Page(1, w);
  for (double y : {75.0, 100.0, 160.0, 220.0, 280.0, 340.0})
    page.rulings.push_back({50, y, 540, y});
  for (double x : {50.0, 200.0, 320.0, 450.0, 540.0})
    page.rulings.push_back({x, 75, x, 340});
  std::vector<PdfTable> tables = Tables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  ASSERT_EQ(t.rows.size(), 5u);
  EXPECT_EQ(Row(t, 2), "|二、财政专户管理资金|_|二、外交支出|_");
  EXPECT_EQ(Row(t, 4), "|收入合计|13,649.07|支出合计|13,649.07");
  // Without the rulings the blank rows 60 pt apart end the table early.
  page.rulings.clear();
  tables = Tables(page);
  ASSERT_FALSE(tables.empty());
  EXPECT_LT(tables[0].table.rows.size(), 5u);
}

TEST(PdfTablesTest, ProseIsNotATable) {
  std::vector<PdfWord> w;
  for (int i = 0; i < 6; ++i) {
    w.push_back(At(
        "本部门2023年收入预算16497.86万元，比上年增加1421.25万元，增长9.42%。",
        72, 100 + 18.0 * i, 12));
  }
  EXPECT_TRUE(Tables(Page(1, w)).empty());
}

}  // namespace
}  // namespace budgetdoc
