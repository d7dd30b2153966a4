#include "extract/chart_tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

Table Grid(std::vector<std::vector<std::string>> rows) {
  Table t;
  for (auto& r : rows) {
    std::vector<Cell> cells;
    for (auto& text : r) {
      Cell c;
      c.text = text;
      cells.push_back(std::move(c));
    }
    t.AddRow(std::move(cells));
  }
  return t;
}

void AddParagraph(Document* doc, std::string text) {
  Block b;
  b.text = std::move(text);
  doc->blocks.push_back(std::move(b));
}

void AddTable(Document* doc, Table t) {
  Block b;
  b.kind = BlockKind::kTable;
  b.table = static_cast<int>(doc->tables.size());
  doc->tables.push_back(std::move(t));
  doc->blocks.push_back(std::move(b));
}

TEST(ChartTablesTest, ChartCaptionsAreRecognizedAndTableCaptionsAreNot) {
  struct Case {
    std::string_view text;
    bool chart;
  } cases[] = {
      {"图1：收、支决算总计变动情况（柱状图）", true},
      {"（图2：支出决算结构）（饼状图）", true},
      {"(图3:收入结构)", true},
      {"图 4 一般公共预算支出结构", true},
      {"图一 收入构成", true},
      {"表1 收入支出决算总表", false},
      {"图书馆运行经费支出10万元", false},
      {"如图所示", false},
  };
  for (const Case& c : cases)
    EXPECT_EQ(IsChartCaption(c.text), c.chart) << c.text;
}

TEST(ChartTablesTest, TitleAndTypeComeFromTheCaption) {
  struct Case {
    std::string_view caption, title, type;
  } cases[] = {
      {"图1：收、支决算总计变动情况（柱状图）", "收、支决算总计变动情况",
       "bar"},
      {"（图2：支出决算结构）（饼状图）", "支出决算结构", "pie"},
      {"图3：支出结构（单位：万元）", "支出结构（单位：万元）", ""},
      {"图4 收入变动（折线图）", "收入变动", "line"},
  };
  for (const Case& c : cases) {
    Chart chart;
    ChartTitleFromCaption(c.caption, &chart);
    EXPECT_EQ(chart.title, c.title) << c.caption;
    EXPECT_EQ(chart.type, c.type) << c.caption;
  }
}

TEST(ChartTablesTest, AChartShapedTableNextToItsCaptionBecomesAChart) {
  Document doc;
  AddTable(&doc, Grid({{"项目", "金额"}, {"收入", "1.00"}}));  // stays
  AddParagraph(&doc, "图1：收、支决算总计变动情况（柱状图）");
  AddTable(&doc,
           Grid({{"", "2022年", "2023年"}, {"收支总计", "1924.37", "0"}}));
  AddTable(&doc, Grid({{"", "基本支出"}, {"支出", "5"}}));  // no caption
  ConvertChartTables(&doc);

  ASSERT_EQ(doc.charts.size(), 1u);
  const Chart& c = doc.charts[0];
  EXPECT_EQ(c.title, "收、支决算总计变动情况");
  EXPECT_EQ(c.type, "bar");
  EXPECT_EQ(c.caption_block, 1);
  EXPECT_EQ(c.categories, (std::vector<std::string>{"2022年", "2023年"}));
  ASSERT_EQ(c.series.size(), 1u);
  EXPECT_EQ(c.series[0].name, "收支总计");
  EXPECT_EQ(c.series[0].values, (std::vector<std::string>{"1924.37", "0"}));

  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kCaption);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kChart);
  EXPECT_EQ(doc.blocks[2].chart, 0);
  // The two other tables stay, renumbered.
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.blocks[0].table, 0);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kTable);
  EXPECT_EQ(doc.blocks[3].table, 1);
  EXPECT_EQ(doc.tables[1].rows[0][1].text, "基本支出");
}

TEST(ChartTablesTest, TablesThatAreNotChartDataStayTables) {
  struct Case {
    std::string_view why;
    std::vector<std::vector<std::string>> rows;
  } cases[] = {
      {"corner is not blank", {{"项目", "2022年"}, {"收入", "1"}}},
      {"a value is text", {{"", "2022年"}, {"收入", "一百"}}},
      {"a value is blank", {{"", "2022年", "2023年"}, {"收入", "1", ""}}},
      {"a category is a number", {{"", "2022"}, {"收入", "1"}}},
      {"only a header", {{"", "2022年"}}},
  };
  for (const Case& c : cases) {
    Document doc;
    AddParagraph(&doc, "（图1：收入变动）（柱状图）");
    AddTable(&doc, Grid(c.rows));
    ConvertChartTables(&doc);
    EXPECT_TRUE(doc.charts.empty()) << c.why;
    EXPECT_EQ(doc.tables.size(), 1u) << c.why;
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::kTable) << c.why;
  }
}

TEST(ChartTablesTest, OneCaptionLabelsOneChart) {
  Document doc;
  AddTable(&doc, Grid({{"", "基本支出"}, {"支出", "5"}}));
  AddParagraph(&doc, "图2：支出决算结构（饼状图）");
  AddTable(&doc, Grid({{"", "项目支出"}, {"支出", "6"}}));
  ConvertChartTables(&doc);
  // The caption follows the first table and precedes the second: the first
  // (caption after, as Word places it) takes it; the second stays a table.
  ASSERT_EQ(doc.charts.size(), 1u);
  EXPECT_EQ(doc.charts[0].categories[0], "基本支出");
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kTable);
}

}  // namespace
}  // namespace budgetdoc
