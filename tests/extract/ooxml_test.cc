#include "extract/ooxml.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

XmlNode Parse(const std::string& xml) {
  Result<XmlNode> root = ParseXml(xml, "test.xml", {});
  EXPECT_TRUE(root.ok()) << root.status().ToString();
  return root.ok() ? *root : XmlNode{};
}

struct FormatCase {
  int n;
  const char* fmt;
  const char* expected;
};

TEST(OoxmlTest, FormatsListNumbersInEveryCommonFormat) {
  const FormatCase cases[] = {
      {1, "decimal", "1"},
      {12, "decimal", "12"},
      {3, "decimalZero", "03"},
      {1, "chineseCounting", "一"},
      {10, "chineseCounting", "十"},
      {11, "chineseCounting", "十一"},
      {20, "chineseCounting", "二十"},
      {21, "chineseCountingThousand", "二十一"},
      {101, "chineseCountingThousand", "一百零一"},
      {110, "chineseCountingThousand", "一百一十"},
      {1005, "chineseCountingThousand", "一千零五"},
      {10001, "chineseCountingThousand", "一万零一"},
      {0, "chineseCounting", "〇"},
      {10, "chineseLegalSimplified", "壹拾"},
      {3, "chineseLegalSimplified", "叁"},
      {1, "ideographTraditional", "甲"},
      {10, "ideographTraditional", "癸"},
      {11, "ideographTraditional", "11"},
      {2, "ideographZodiac", "丑"},
      {105, "ideographDigital", "一〇五"},
      {1, "decimalEnclosedCircle", "①"},
      {20, "decimalEnclosedCircle", "⑳"},
      {21, "decimalEnclosedCircle", "21"},
      {3, "decimalEnclosedCircleChinese", "③"},
      {2, "decimalEnclosedParen", "⑵"},
      {2, "decimalEnclosedFullstop", "⒉"},
      {1, "ideographEnclosedCircle", "㈠"},
      {12, "decimalFullWidth", "１２"},
      {1, "lowerLetter", "a"},
      {27, "lowerLetter", "aa"},
      {3, "upperLetter", "C"},
      {4, "lowerRoman", "iv"},
      {1994, "upperRoman", "MCMXCIV"},
      {2, "ordinal", "2nd"},
      {13, "ordinal", "13th"},
      {5, "bullet", ""},
      {5, "none", ""},
      {7, "someFutureFormat", "7"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FormatListNumber(c.n, c.fmt), c.expected)
        << c.n << " in " << c.fmt;
  }
}

const char kStyles[] = R"(<w:styles xmlns:w="urn:w">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="CnHeading2"><w:name w:val="标题 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="MySection"><w:name w:val="My Section"/><w:basedOn w:val="CnHeading2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="BodyLvl"><w:name w:val="heading 4"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/></w:style>
  <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/><w:basedOn w:val="LoopA"/></w:style>
  <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>
  <w:style w:type="paragraph" w:styleId="NumberedStyle"><w:name w:val="Numbered"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
</w:styles>)";

struct HeadingCase {
  const char* style;
  int level;
};

TEST(OoxmlTest, HeadingLevelsComeFromOutlineLevelsNamesAndBasedOn) {
  XmlNode root = Parse(kStyles);
  StyleSheet styles = StyleSheet::Parse(&root);
  const HeadingCase cases[] = {
      {"Normal", 0},    {"1", 1},        {"CnHeading2", 2},
      {"MySection", 2}, {"Outline3", 3}, {"BodyLvl", 0},
      {"LoopA", 0},     {"Unknown", 0},  {"", 0},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(styles.HeadingLevel(c.style), c.level) << c.style;
  }
  EXPECT_EQ(styles.default_paragraph_style(), "Normal");
  EXPECT_TRUE(styles.IsCaption("Caption"));
  EXPECT_FALSE(styles.IsCaption("Normal"));
  EXPECT_EQ(styles.DisplayName("1"), "heading 1");
  EXPECT_EQ(styles.Numbering("NumberedStyle").num_id, "7");
}

const char kNumbering[] = R"xml(<w:numbering xmlns:w="urn:w">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/><w:lvlRestart w:val="0"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1."/></w:lvl></w:lvlOverride></w:num>
</w:numbering>)xml";

struct Step {
  const char* num_id;
  int ilvl;
  const char* label;
};

TEST(OoxmlTest, NumberingCountsLikeWord) {
  XmlNode root = Parse(kNumbering);
  StyleSheet styles;
  Numbering numbering = Numbering::Parse(&root);
  const Step steps[] = {
      {"1", 0, "一、"},   {"1", 1, "（一）"},
      {"1", 1, "（二）"}, {"1", 2, "1. "},
      {"1", 2, "2. "},    {"1", 1, "（三）"},
      {"1", 2, "1. "},  // lower level restarted by the higher one
      {"1", 0, "二、"},   {"1", 1, "（一）"},
      {"5", 0, "三、"},  // another num on the same definition continues
      {"4", 0, "一、"},  // startOverride restarts
      {"4", 0, "二、"},   {"1", 0, "三、"},
      {"2", 0, "1. "},    {"2", 1, "1.1 "},
      {"2", 2, "a) "},    {"2", 1, "1.2 "},
      {"2", 2, "b) "},  // lvlRestart 0: never restarts
      {"2", 0, "2. "},    {"2", 1, "2.1 "},
      {"3", 0, "③"},      {"3", 0, "④"},
      {"3", 1, ""},       {"6", 0, "戊. "},
      {"6", 1, "（一）"}, {"0", 0, ""},
      {"99", 0, ""},
  };
  for (const auto& s : steps) {
    Numbering::Label label = numbering.Next({s.num_id, s.ilvl}, "", styles);
    EXPECT_EQ(label.text, s.label) << "num " << s.num_id << " lvl " << s.ilvl;
  }
}

TEST(OoxmlTest, StyleLinkedLevelIsFoundThroughPStyle) {
  XmlNode root = Parse(R"(<w:numbering xmlns:w="urn:w">
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="H1"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:pStyle w:val="H2"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)");
  StyleSheet styles;
  Numbering numbering = Numbering::Parse(&root);
  EXPECT_EQ(numbering.Next({"1", -1}, "H1", styles).text, "一、");
  EXPECT_EQ(numbering.Next({"1", -1}, "H2", styles).text, "（一）");
  EXPECT_EQ(numbering.Next({"1", -1}, "H2", styles).text, "（二）");
}

TEST(OoxmlTest, ParsesChartTitleTypeCategoriesAndSeries) {
  XmlNode root =
      Parse(R"(<c:chartSpace xmlns:c="urn:c" xmlns:a="urn:a"><c:chart>
    <c:title><c:tx><c:rich><a:p><a:r><a:t>收支</a:t></a:r><a:r><a:t>总计</a:t></a:r></a:p></c:rich></c:tx></c:title>
    <c:plotArea>
      <c:barChart><c:ser>
        <c:tx><c:strRef><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>收入</c:v></c:pt></c:strCache></c:strRef></c:tx>
        <c:cat><c:strRef><c:strCache><c:ptCount val="3"/>
          <c:pt idx="2"><c:v>2023年</c:v></c:pt><c:pt idx="0"><c:v>2021年</c:v></c:pt></c:strCache></c:strRef></c:cat>
        <c:val><c:numRef><c:numCache><c:ptCount val="3"/>
          <c:pt idx="0"><c:v>1500.5</c:v></c:pt><c:pt idx="2"><c:v>1889.05</c:v></c:pt><c:pt idx="1"><c:v>1763.75</c:v></c:pt></c:numCache></c:numRef></c:val>
      </c:ser></c:barChart>
      <c:lineChart><c:ser>
        <c:tx><c:v>支出</c:v></c:tx>
        <c:val><c:numLit><c:ptCount val="1"/><c:pt idx="0"><c:v>7</c:v></c:pt></c:numLit></c:val>
      </c:ser></c:lineChart>
    </c:plotArea></c:chart></c:chartSpace>)");
  Chart chart = ParseChart(root, "word/charts/chart1.xml");
  EXPECT_EQ(chart.title, "收支总计");
  EXPECT_EQ(chart.type, "bar+line");
  EXPECT_EQ(chart.part, "word/charts/chart1.xml");
  EXPECT_EQ(chart.categories,
            (std::vector<std::string>{"2021年", "", "2023年"}));
  ASSERT_EQ(chart.series.size(), 2u);
  EXPECT_EQ(chart.series[0].name, "收入");
  EXPECT_EQ(chart.series[0].values,
            (std::vector<std::string>{"1500.5", "1763.75", "1889.05"}));
  EXPECT_EQ(chart.series[1].name, "支出");
  EXPECT_EQ(chart.series[1].values, (std::vector<std::string>{"7"}));
}

TEST(OoxmlTest, NumericCategoriesAndScatterValuesAreRead) {
  XmlNode root = Parse(R"(<c:chartSpace xmlns:c="urn:c"><c:chart><c:plotArea>
    <c:scatterChart><c:ser>
      <c:xVal><c:numRef><c:numCache><c:ptCount val="2"/><c:pt idx="0"><c:v>2022</c:v></c:pt><c:pt idx="1"><c:v>2023</c:v></c:pt></c:numCache></c:numRef></c:xVal>
      <c:yVal><c:numRef><c:numCache><c:ptCount val="2"/><c:pt idx="0"><c:v>1763.75</c:v></c:pt><c:pt idx="1"><c:v>1889.05</c:v></c:pt></c:numCache></c:numRef></c:yVal>
    </c:ser></c:scatterChart></c:plotArea></c:chart></c:chartSpace>)");
  Chart chart = ParseChart(root, "c.xml");
  EXPECT_EQ(chart.type, "scatter");
  EXPECT_TRUE(chart.title.empty());
  EXPECT_EQ(chart.categories, (std::vector<std::string>{"2022", "2023"}));
  ASSERT_EQ(chart.series.size(), 1u);
  EXPECT_EQ(chart.series[0].values,
            (std::vector<std::string>{"1763.75", "1889.05"}));
}

TEST(OoxmlTest, HugePointIndexesDoNotAllocate) {
  XmlNode root = Parse(
      R"(<c:chartSpace xmlns:c="urn:c"><c:chart><c:plotArea><c:pieChart><c:ser>
    <c:val><c:numRef><c:numCache><c:ptCount val="999999999"/><c:pt idx="999999998"><c:v>1</c:v></c:pt></c:numCache></c:numRef></c:val>
    </c:ser></c:pieChart></c:plotArea></c:chart></c:chartSpace>)");
  Chart chart = ParseChart(root, "c.xml");
  EXPECT_EQ(chart.type, "pie");
  ASSERT_EQ(chart.series.size(), 1u);
  EXPECT_EQ(chart.series[0].values, (std::vector<std::string>{"1"}));
}

}  // namespace
}  // namespace budgetdoc
