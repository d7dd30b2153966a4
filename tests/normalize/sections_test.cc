#include "normalize/sections.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

TEST(HeadingLabelTest, ParsesEveryNumberingStyle) {
  struct Case {
    std::string_view in, style;
    int ordinal;
    std::string_view title;
  } cases[] = {
      {"第二部分 2023年度部门决算情况说明", "part", 2,
       "2023年度部门决算情况说明"},
      {"四、财政拨款收入支出决算总体情况说明", "cn", 4,
       "财政拨款收入支出决算总体情况说明"},
      {"十一、名词解释", "cn", 11, "名词解释"},
      {"（三）一般公共预算财政拨款支出决算具体情况", "paren_cn", 3,
       "一般公共预算财政拨款支出决算具体情况"},
      {"(二)结构情况", "paren_cn", 2, "结构情况"},
      {"1.履职效能。", "num", 1, "履职效能"},
      {"9、国有资本经营预算支出决算情况说明", "num_dun", 9,
       "国有资本经营预算支出决算情况说明"},
      {"（2）机构职能。", "paren_num", 2, "机构职能"},
      {"③ 其他", "circled", 3, "其他"},
      {"附件1", "annex", 1, ""},
      {"名词解释", "title", 0, "名词解释"},
  };
  for (const Case& c : cases) {
    HeadingLabel h;
    ASSERT_TRUE(ParseHeadingLabel(c.in, &h)) << c.in;
    EXPECT_EQ(h.style, c.style) << c.in;
    EXPECT_EQ(h.ordinal, c.ordinal) << c.in;
    EXPECT_EQ(h.title, c.title) << c.in;
  }
}

TEST(HeadingLabelTest, NumbersThatAreNotLabelsAreIgnored) {
  for (std::string_view in :
       {"1.5万元的支出", "2023年度收入", "一般公共服务支出", "第3页"}) {
    HeadingLabel h;
    EXPECT_FALSE(ParseHeadingLabel(in, &h)) << in;
  }
}

std::vector<SectionInput> Inputs(
    std::initializer_list<std::string_view> lines) {
  std::vector<SectionInput> out;
  for (std::string_view l : lines) out.push_back({std::string(l), false, 0});
  return out;
}

TEST(SectionsTest, MixedNumberingFromLostWordListsStaysAtOneLevel) {
  FindingSink sink;
  SectionTree t = BuildSections(
      Inputs({"第二部分 决算情况说明", "1、收支总体情况", "说明。",
              "2、收入情况", "3、支出情况", "四、财政拨款情况",
              "（一）总体情况", "（2）结构情况", "（三）具体情况",
              "五、三公经费", "6、其他事项"}),
      &sink);
  EXPECT_EQ(SectionsDebugString(t),
            "第二部分决算情况说明 [part 2] b0..11\n"
            "  1、收支总体情况 [num_dun 1] b1..3\n"
            "  2、收入情况 [num_dun 2] b3..4\n"
            "  3、支出情况 [num_dun 3] b4..5\n"
            "  四、财政拨款情况 [cn 4] b5..9\n"
            "    （一）总体情况 [paren_cn 1] b6..7\n"
            "    （2）结构情况 [paren_num 2] b7..8\n"
            "    （三）具体情况 [paren_cn 3] b8..9\n"
            "  五、三公经费 [cn 5] b9..10\n"
            "  6、其他事项 [num_dun 6] b10..11\n");
  int mixed = 0;
  for (const Finding& f : sink.findings()) mixed += f.rule == "numbering.mixed";
  EXPECT_EQ(mixed, 2);
}

TEST(SectionsTest, ANumberedListInsideASectionIsNotHeadings) {
  SectionTree t = BuildSections(
      Inputs({"一、主要职能", "1.负责全县水资源的统一规划，并监督实施。",
              "2.协助区政府领导组织起草公文，报区政府审批。",
              "3.承办交办的其它事务。", "二、机构设置"}),
      nullptr);
  EXPECT_EQ(SectionsDebugString(t),
            "一、主要职能 [cn 1] b0..4\n"
            "二、机构设置 [cn 2] b4..5\n");
  EXPECT_EQ(t.block_section[2], 1);
}

TEST(SectionsTest, SkippedAndRepeatedNumbersAreRecorded) {
  FindingSink sink;
  BuildSections(Inputs({"一、甲", "三、乙", "三、丙"}), &sink);
  std::vector<std::string> rules;
  for (const Finding& f : sink.findings()) rules.push_back(f.rule);
  EXPECT_EQ(rules, (std::vector<std::string>{"numbering.skipped",
                                             "numbering.repeated"}));
}

TEST(SectionsTest, StyleHeadingsWithoutNumbersOpenSections) {
  std::vector<SectionInput> in = {{"部门概况", true, 1},
                                  {"正文。", false, 0},
                                  {"职能", true, 2},
                                  {"决算说明", true, 1}};
  SectionTree t = BuildSections(in, nullptr);
  EXPECT_EQ(SectionsDebugString(t),
            "部门概况 [h1 0] b0..3\n"
            "  职能 [h2 0] b2..3\n"
            "决算说明 [h1 0] b3..4\n");
}

}  // namespace
}  // namespace budgetdoc
