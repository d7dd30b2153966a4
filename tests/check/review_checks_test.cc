// The reviewer's checklist (check/review_checks.cc), rule by rule: each with
// report fragments that must be flagged and look-alikes that must not. The
// fragments are written for these tests in the genre's shapes.
#include "check/check.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

// A line starting with "#" is a heading block; the rest are paragraphs.
Document Doc(const std::vector<std::string>& lines) {
  Document doc;
  doc.format = Format::kDocx;
  doc.source = "t.docx";
  for (const std::string& l : lines) {
    Block b;
    if (!l.empty() && l[0] == '#') {
      b.kind = BlockKind::kHeading;
      b.text = l.substr(1);
    } else {
      b.text = l;
    }
    doc.blocks.push_back(b);
  }
  return doc;
}

ReportMeta Meta(std::string kind, int year, std::string scope = "部门",
                std::string title = "") {
  ReportMeta m;
  m.kind = std::move(kind);
  m.fiscal_year = year;
  m.scope = std::move(scope);
  m.title = std::move(title);
  return m;
}

struct ReviewRun {
  NormalizedDocument nd;
  Extraction ex;
  CheckReport report;
};

ReviewRun Check(Document doc, ReportMeta meta,
                std::vector<RecognizedTable> tables = {},
                bool english = false) {
  ReviewRun r;
  r.nd = Normalize(std::move(doc), NormalizeOptions{});
  r.ex.meta = std::move(meta);
  r.ex.tables = std::move(tables);
  CheckOptions o;
  o.english = english;
  r.report = RunChecks(r.nd, r.ex, o);
  return r;
}

// The outcomes of `rule`, in order ("fail", "pass", ...).
std::vector<std::string> Outcomes(const ReviewRun& r, std::string_view rule) {
  std::vector<std::string> out;
  for (const CheckResult& c : r.report.results) {
    if (c.rule == rule) out.push_back(std::string(OutcomeName(c.outcome)));
  }
  return out;
}

const CheckResult* First(const ReviewRun& r, std::string_view rule) {
  for (const CheckResult& c : r.report.results) {
    if (c.rule == rule) return &c;
  }
  return nullptr;
}

using V = std::vector<std::string>;

struct TextCase {
  std::string kind;  // budget | final_accounts
  int year;
  std::vector<std::string> lines;
  V expected;
};

void ExpectCases(const std::vector<TextCase>& cases, std::string_view rule) {
  for (const TextCase& c : cases) {
    ReviewRun r = Check(Doc(c.lines), Meta(c.kind, c.year));
    EXPECT_EQ(Outcomes(r, rule), c.expected) << c.lines.back();
  }
}

TEST(ReviewChecksTest,
     ABudgetComparesWithLastYearAndAFinalAccountAlsoWithItsBudget) {
  std::vector<TextCase> cases = {
      // A budget for 2025 compares with 2024.
      {"budget",
       2025,
       {"2025年一般公共预算拨款支出120.00万元，比2025年预算数增加10.00万元。"},
       {"fail"}},
      {"budget",
       2025,
       {"2025年一般公共预算拨款支出120.00万元，比2024年预算数增加10.00万元。"},
       {"pass"}},
      {"budget", 2025, {"公务接待费与2026年预算持平。"}, {"fail"}},
      // The last year named before the comparison is the report's own.
      {"budget",
       2025,
       {"2024年预算执行数为88.10万元，2025年预算安排80.00万元，较2025年预算执"
        "行数下降9.20%。"},
       {"fail"}},
      // About another period: left alone.
      {"budget",
       2025,
       {"2023年决算数为50.00万元，比2022年决算数增加5.00万元。"},
       {}},
      {"budget", 2025, {"上年执行数比2023年增加3.00万元。"}, {}},
      // Several years back: a several-year comparison, not bindable.
      {"budget", 2025, {"办公经费比2023年预算减少2.00万元。"}, {}},
      // Dates, points in the year and ranges are not compared years.
      {"final_accounts",
       2024,
       {"截至2024年12月31日，本部门共有车辆5辆，比2023年增加1辆。"},
       {"pass"}},
      {"final_accounts", 2024, {"年末资产总额比2024年初增加5.00万元。"}, {}},
      {"final_accounts",
       2024,
       {"与2021-2025年规划相比，“十四五”规划任务进度符合预期。"},
       {}},
      // A final account compares with last year's actuals or its own
      // budget, never with its own actuals.
      {"final_accounts",
       2024,
       {"2024年度支出决算200.00万元，比2024年年初预算增加8.00万元。"},
       {"pass"}},
      {"final_accounts",
       2024,
       {"支出决算比2024年决算数增加8.00万元。"},
       {"fail"}},
      {"final_accounts",
       2024,
       {"与2024年度相比，支出减少8.00万元。"},
       {"fail"}},
      {"final_accounts", 2024, {"支出决算比2025年增加8.00万元。"}, {"fail"}},
      // Without a comparison word the year is only named.
      {"final_accounts", 2024, {"与2024年预算安排一致的项目共3个。"}, {}},
  };
  ExpectCases(cases, "review.comparison_year");
}

TEST(ReviewChecksTest, AWrongComparisonYearIsMaterialAndQuotesTheSentence) {
  ReviewRun r =
      Check(Doc({"#一、收支预算总体情况说明",
                 "收支预算总计300.00万元。比2025年预算增加12.00万元。"}),
            Meta("budget", 2025));
  const CheckResult* c = First(r, "review.comparison_year");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->verdict, Verdict::kMaterial);
  EXPECT_EQ(c->severity, Severity::kError);
  EXPECT_NE(c->message.find("比2025年预算增加"), std::string::npos)
      << c->message;
  ASSERT_EQ(c->evidence.size(), 1u);
  EXPECT_EQ(c->evidence[0].quote, "比2025年预算增加12.00万元。");
  EXPECT_EQ(c->evidence[0].location, "一、");
  ReviewRun en = Check(Doc({"比2025年预算增加12.00万元。"}),
                       Meta("budget", 2025), {}, true);
  EXPECT_NE(
      First(en, "review.comparison_year")->message.find("wrong comparison"),
      std::string::npos);
}

TEST(ReviewChecksTest, AFormerClassNameIsFlaggedOnlyOutsideTheYearsItWasInUse) {
  std::vector<TextCase> cases = {
      {"final_accounts",
       2024,
       {"医疗卫生与计划生育支出（类）120.00万元，占10.00%。"},
       {"fail"}},
      {"budget",
       2017,
       {"医疗卫生与计划生育支出（类）120.00万元，占10.00%。"},
       {"pass"}},
      {"final_accounts",
       2024,
       {"卫生健康支出（类）120.00万元，占10.00%。"},
       {}},
      // A short former name counts only when marked as a class.
      {"final_accounts", 2023, {"巩固脱贫攻坚成果，扶贫工作稳步推进。"}, {}},
      {"final_accounts",
       2023,
       {"农林水支出（类）扶贫（款）30.00万元。"},
       {"fail"}},
      // A former name inside a longer phrase is not a class name.
      {"final_accounts",
       2023,
       {"主要用于行政事业单位离退休人员的生活补贴。"},
       {}},
  };
  ExpectCases(cases, "review.former_class_name");
}

TEST(ReviewChecksTest, AFormerClassNameInATableCellCountsItsPlaces) {
  Document doc = Doc({"支出决算表"});
  Table t;
  t.AddRow({Cell{"科目编码"}, Cell{"科目名称"}, Cell{"决算数"}});
  t.AddRow({Cell{"210"}, Cell{"医疗卫生与计划生育支出"}, Cell{"30.00"}});
  t.AddRow({Cell{"21001"}, Cell{"医疗卫生与计划生育管理事务"}, Cell{"30.00"}});
  t.AddRow({Cell{"207"}, Cell{"文化旅游体育与传媒支出"}, Cell{"5.00"}});
  doc.tables.push_back(t);
  Block b;
  b.kind = BlockKind::kTable;
  b.table = 0;
  doc.blocks.push_back(b);
  ReviewRun r = Check(doc, Meta("final_accounts", 2024));
  EXPECT_EQ(Outcomes(r, "review.former_class_name"), (V{"fail", "fail"}));
  const CheckResult* c = First(r, "review.former_class_name");
  EXPECT_EQ(c->verdict, Verdict::kMinor);
  EXPECT_EQ(c->evidence[0].origin, "table");
  EXPECT_NE(c->message.find("卫生健康"), std::string::npos) << c->message;
}

// A recognized 政府性基金 table with one value row and a note below it.
ReviewRun CheckNote(const std::string& value, const std::string& note,
                    bool heading_between = false) {
  Document doc = Doc({"#八、政府性基金预算财政拨款收入支出决算表"});
  Table t;
  t.title = "政府性基金预算财政拨款收入支出决算表";
  t.header_rows = 1;
  t.AddRow({Cell{"项目"}, Cell{"本年支出"}});
  t.AddRow({Cell{"合计"}, Cell{value}});
  doc.tables.push_back(t);
  Block b;
  b.kind = BlockKind::kTable;
  b.table = 0;
  doc.blocks.push_back(b);
  if (heading_between) doc.blocks.push_back(Doc({"#九、说明"}).blocks[0]);
  doc.blocks.push_back(Doc({note}).blocks[0]);
  RecognizedTable rt;
  rt.table = 0;
  rt.canonical_id = "FA10";
  rt.title = t.title;
  rt.columns = {{0, "label", "", "项目"}, {1, "total", "actual", "本年支出"}};
  rt.empty = ClassifyCellText(value) != CellState::kNumber;
  return Check(doc, Meta("final_accounts", 2024), {rt});
}

TEST(ReviewChecksTest, AnEmptyTableNoteUnderATableWithFiguresIsFlagged) {
  struct Case {
    std::string value, note;
    bool heading_between;
    V expected;
  } cases[] = {
      {"56.20", "注：本表为空。", false, {"fail"}},
      {"56.20",
       "本部门2024年度无政府性基金预算财政拨款收入支出，故本表为空表。",
       false,
       {"fail"}},
      {"0.00",
       "本部门2024年度无政府性基金预算财政拨款收入支出，故本表为空表。",
       false,
       {"pass"}},
      {"", "注：本表为空。", false, {"pass"}},
      // A note about another fund belongs to another table.
      {"56.20", "本部门无国有资本经营预算财政拨款支出。", false, {}},
      // A note under the next heading is not this table's.
      {"56.20", "注：本表为空。", true, {}},
      // Prose that merely mentions the fund.
      {"56.20", "政府性基金预算财政拨款支出主要用于城市建设。", false, {}},
  };
  for (const Case& c : cases) {
    ReviewRun r = CheckNote(c.value, c.note, c.heading_between);
    EXPECT_EQ(Outcomes(r, "review.empty_note_with_figures"), c.expected)
        << c.value << " " << c.note;
  }
  ReviewRun r = CheckNote("56.20", "注：本表为空。");
  const CheckResult* c = First(r, "review.empty_note_with_figures");
  EXPECT_EQ(c->verdict, Verdict::kMaterial);
  ASSERT_EQ(c->evidence.size(), 2u);
  EXPECT_EQ(c->evidence[1].value, "56.20");
}

TEST(ReviewChecksTest, DoubledPunctuationIsFlaggedButAnEllipsisIsNot) {
  std::vector<TextCase> cases = {
      {"final_accounts",
       2024,
       {"本年收入合计100.00万元。。其中财政拨款收入90.00万元。"},
       {"fail"}},
      {"final_accounts", 2024, {"主要用于办公，，印刷等支出。"}, {"fail"}},
      {"final_accounts",
       2024,
       {"基本支出80.00万元；；项目支出20.00万元。"},
       {"fail"}},
      {"final_accounts", 2024, {"包括办公费、印刷费……等支出。"}, {}},
      {"final_accounts", 2024, {"具体情况如下。。。"}, {}},
  };
  ExpectCases(cases, "review.punctuation");
}

TEST(ReviewChecksTest, ASentenceParagraphWithoutItsEndBeforeAHeadingIsFlagged) {
  std::vector<TextCase> cases = {
      {"final_accounts",
       2024,
       {"本年支出合计100.00万元，其中基本支出80.00万元，项目支出20.00万元",
        "#二、收入决算情况说明"},
       {"fail"}},
      // Before another paragraph it may be split by a page or a table.
      {"final_accounts",
       2024,
       {"本年支出合计100.00万元，其中基本支出80.00万元，项目支出20.00万元",
        "主要用于日常运转。"},
       {}},
      {"final_accounts",
       2024,
       {"本年支出合计100.00万元，其中基本支出80.00万元。",
        "#二、收入决算情况说明"},
       {}},
      // Not a sentence: a title line.
      {"final_accounts",
       2024,
       {"部门决算情况说明", "#二、收入决算情况说明"},
       {}},
  };
  ExpectCases(cases, "review.punctuation");
}

TEST(ReviewChecksTest, QuotationMarksMustBalanceWithinAParagraph) {
  std::vector<TextCase> cases = {
      {"final_accounts",
       2024,
       {"“三公”经费支出10.00万元，依据《预算法》编制。"},
       {}},
      {"final_accounts", 2024, {"“三公经费支出10.00万元。"}, {"fail"}},
      {"final_accounts", 2024, {"三公”经费支出10.00万元。"}, {"fail"}},
      {"final_accounts", 2024, {"依据《预算法规定编制。"}, {"fail"}},
      {"final_accounts", 2024, {"即「本年支出合计。"}, {"fail"}},
      // A paragraph continued from the line before may hold half a quote.
      {"final_accounts",
       2024,
       {"重点保障“城市管理", "精细化”等项目支出。"},
       {}},
  };
  ExpectCases(cases, "review.unbalanced_quotes");
  // The same missing close quote in two items of one list: one finding
  // with both places.
  ReviewRun r =
      Check(Doc({"#（八）项目支出情况",
                 "14.“城乡社区支出（类）城市建设支出（项）12.00万元。",
                 "15.“教育支出（类）小学教育（项）8.00万元。"}),
            Meta("budget", 2026));
  EXPECT_EQ(Outcomes(r, "review.unbalanced_quotes"), V{"fail"});
  EXPECT_EQ(First(r, "review.unbalanced_quotes")->places, 2);
}

TEST(ReviewChecksTest, ABlankPageIsFlaggedButAnUnreadableOneIsNot) {
  Document doc = Doc({"本年支出合计100.00万元。"});
  doc.format = Format::kPdf;
  doc.blocks[0].page = 1;
  for (int n = 1; n <= 3; ++n) {
    Page p;
    p.number = n;
    doc.pages.push_back(p);
  }
  doc.pages[1].blank = true;
  doc.pages[2].blank = true;
  doc.pages[2].unreadable = true;
  ReviewRun r = Check(doc, Meta("final_accounts", 2024));
  EXPECT_EQ(Outcomes(r, "review.blank_page"), V{"fail"});
  EXPECT_NE(First(r, "review.blank_page")->message.find("第2页"),
            std::string::npos);
}

TEST(ReviewChecksTest, TextThatDoesNotRenderIsFlagged) {
  std::vector<TextCase> cases = {
      {"final_accounts",
       2024,
       {"本年支出合计\xEF\xBF\xBD\xEF\xBF\xBD万元。"},
       {"fail"}},
      {"final_accounts", 2024, {"本年支出合计\xEE\x80\x81万元。"}, {"fail"}},
      {"final_accounts", 2024, {"本年(cid:12)(cid:40)支出合计。"}, {"fail"}},
      // A Wingdings bullet maps to U+F06C and prints fine.
      {"final_accounts", 2024, {"\xEF\x81\xAC 本年支出合计100.00万元。"}, {}},
  };
  ExpectCases(cases, "review.unrenderable_text");
  Document doc = Doc({"表"});
  Table t;
  t.AddRow({Cell{"项目"}, Cell{"金\xEE\x80\x82额"}});
  doc.tables.push_back(t);
  ReviewRun r = Check(doc, Meta("final_accounts", 2024));
  EXPECT_EQ(Outcomes(r, "review.unrenderable_text"), V{"fail"});
}

TEST(ReviewChecksTest, SectionsOutOfTheMandatedOrderAreFlagged) {
  std::vector<TextCase> cases = {
      {"final_accounts",
       2024,
       {"#一、收入决算情况说明", "收入100.00万元。",
        "#二、收入支出决算总体情况说明", "收支总计100.00万元。"},
       {"fail"}},
      {"final_accounts",
       2024,
       {"#一、收入支出决算总体情况说明", "收支总计100.00万元。",
        "#二、收入决算情况说明", "收入100.00万元。", "#三、支出决算情况说明",
        "支出100.00万元。"},
       {"pass", "pass"}},
      {"budget",
       2025,
       {"#七、“三公”经费预算情况说明", "无。",
        "#八、政府性基金预算支出情况说明", "无。",
        "#九、一般公共预算基本支出情况说明", "无。"},
       // Failing results are listed first (check/defects.h).
       {"fail", "pass"}},
      // Table lists and other matters have no mandated place.
      {"final_accounts", 2024, {"#一、支出决算表", "#二、收入决算表"}, {}},
      {"final_accounts",
       2024,
       {"#十、政府采购情况说明", "无。", "#十一、收入决算情况说明", "无。"},
       {}},
  };
  ExpectCases(cases, "review.section_order");
}

TEST(ReviewChecksTest, AUnitReportCallingItselfDepartmentIsFlagged) {
  std::string title = "上海市某某中心2025年单位预算";
  ReviewRun unit = Check(Doc({"本部门2025年收入预算100.00万元。"}),
                         Meta("budget", 2025, "单位", title));
  EXPECT_EQ(Outcomes(unit, "review.scope_self_reference"), V{"fail"});
  ReviewRun both = Check(Doc({"本部门（单位）2025年收入预算100.00万元。"}),
                         Meta("budget", 2025, "单位", title));
  EXPECT_EQ(Outcomes(both, "review.scope_self_reference"), V{});
  // A 部门 of one unit rightly says 本单位: not checked that way round.
  ReviewRun dept = Check(Doc({"本单位2025年收入预算100.00万元。"}),
                         Meta("budget", 2025, "部门", "某某局2025年部门预算"));
  EXPECT_EQ(Outcomes(dept, "review.scope_self_reference"), V{});
}

}  // namespace
}  // namespace budgetdoc
