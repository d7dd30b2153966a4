// The claim reader on sentences we wrote in the genre's shapes: every row of
// the cue table (schema/data/claim_cues.tsv) with its own example, then the
// patterns of issue 12 — subjects, roles, periods, breakdowns, 持平 — one
// table-driven case each.
#include "schema/claims.h"

#include "schema/metrics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

struct Read {
  NormalizedDocument nd;
  ClaimSet claims;
};

Read ReadLines(const std::vector<std::string>& lines,
               std::string_view kind = "final_accounts", int year = 2024) {
  Document doc;
  doc.format = Format::kDocx;  // one paragraph per line, no joining
  for (const std::string& l : lines) {
    Block b;
    b.text = l;
    doc.blocks.push_back(b);
  }
  Read r;
  r.nd = Normalize(std::move(doc), NormalizeOptions{});
  ReportMeta meta;
  meta.fiscal_year = year;
  meta.kind = std::string(kind);
  r.claims = ReadClaims(r.nd, meta, MetricCatalog::Default());
  return r;
}

// What became of the first printed value equal to `printed`: its role
// ("amount", "share", …) or "unclaimed:<reason>"; "missing" if not read.
std::string Fate(const Read& r, std::string_view printed) {
  for (size_t i = 0; i < r.nd.mentions.size(); ++i) {
    if (r.nd.mentions[i].value.ToString() != printed) continue;
    for (const Claim& c : r.claims.claims) {
      for (const ClaimValue& v : c.values) {
        if (v.mention == static_cast<int>(i))
          return std::string(ValueRoleName(v.role));
      }
    }
    for (const Unclaimed& u : r.claims.unclaimed) {
      if (u.mention == static_cast<int>(i)) return "unclaimed:" + u.reason;
    }
    return "unread";
  }
  return "missing";
}

// The claim holding the value printed as `printed`, or nullptr.
const Claim* ClaimOf(const Read& r, std::string_view printed) {
  for (const Claim& c : r.claims.claims) {
    for (const ClaimValue& v : c.values) {
      if (r.nd.mentions[static_cast<size_t>(v.mention)].value.ToString() ==
          printed)
        return &c;
    }
  }
  return nullptr;
}

const ClaimValue* ValueOf(const Read& r, std::string_view printed) {
  for (const Claim& c : r.claims.claims) {
    for (const ClaimValue& v : c.values) {
      if (r.nd.mentions[static_cast<size_t>(v.mention)].value.ToString() ==
          printed)
        return &v;
    }
  }
  return nullptr;
}

TEST(ClaimCuesTest, EveryRowsExampleGivesWhatTheRowExpects) {
  ASSERT_FALSE(ClaimCues().empty());
  for (const ClaimCue& cue : ClaimCues()) {
    SCOPED_TRACE(cue.kind + " " + cue.cue + ": " + cue.example);
    ASSERT_FALSE(cue.example.empty());
    size_t space = cue.expect.find(' ');
    ASSERT_NE(space, std::string::npos) << "expect: " << cue.expect;
    std::string printed = cue.expect.substr(0, space);
    std::string want = cue.expect.substr(space + 1);
    // A value the reader never binds is as good as unclaimed for a row
    // that expects "unclaimed:<reason>" only when the reason matches.
    EXPECT_EQ(Fate(ReadLines({cue.example}), printed), want);
  }
}

struct SubjectCase {
  const char* name;
  std::vector<std::string> lines;
  const char* kind;
  const char* printed;  // a value of the claim
  const char* metric;   // its subject's first metric ("" = class path)
  const char* label;    // its subject's label or class path
};

class SubjectTest : public testing::TestWithParam<SubjectCase> {};

TEST_P(SubjectTest, ValueIsBoundToTheSubjectTheSentenceNames) {
  const SubjectCase& c = GetParam();
  Read r = ReadLines(c.lines, c.kind);
  const Claim* claim = ClaimOf(r, c.printed);
  ASSERT_NE(claim, nullptr) << "not claimed: " << c.printed;
  if (std::string_view(c.metric).empty()) {
    EXPECT_EQ(claim->subject.class_path, c.label);
  } else {
    ASSERT_FALSE(claim->subject.metrics.empty());
    EXPECT_EQ(claim->subject.metrics.front(), c.metric);
    EXPECT_EQ(claim->subject.label, c.label);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Genre, SubjectTest,
    testing::Values(
        // A measure word before the figure is a basis, not a subject: the
        // subject is the item the line opens with.
        SubjectCase{"MeasureWordIsNoSubject",
                    {"五、一般公共预算支出预算情况说明",
                     "（3）教育支出（类）普通教育（款）小学教育（项）：2023年"
                     "当年预算执行数为88.40万元，2024年预算安排92.10万元，比"
                     "2023年预算执行数增长4.19%。"},
                    "budget",
                    "88.40",
                    "",
                    "教育支出/普通教育/小学教育"},
        SubjectCase{"PairNamedAsBudgetTotals",
                    {"2024年，某区某街道办事处收、支预算总额均为3120.55万元，比"
                     "2023年预算执行数增加120.55万元，增长4.02%。"},
                    "budget",
                    "3120.55",
                    "income.grand_total",
                    "收、支预算总额"},
        // 三公 figures are paid from the appropriation by definition: the
        // fund phrase before them qualifies nothing.
        SubjectCase{"FundPhraseBeforeThreePublicCostsQualifiesNothing",
                    {"2024年某市某局一般公共预算拨款安排的“三公”经费预算为"
                     "12.30万元，与上年预算持平。"},
                    "budget",
                    "12.30",
                    "three_public.total",
                    "“三公”经费"},
        SubjectCase{"CarryOverFromLastYearIsThisYearsIncome",
                    {"二、收入预算情况说明", "此外，上年结转36.20万元。"},
                    "budget",
                    "36.20",
                    "income.begin_carryover",
                    "上年结转"},
        SubjectCase{
            "ReserveFundIsItsOwnSubject",
            {"三、支出预算情况说明", "3．单位预留机动经费10.00万元，占1.2%。"},
            "budget",
            "10.00",
            "expenditure.reserve",
            "单位预留机动经费"},
        // A change right after a component of a 其中 list is the
        // component's, not the total's.
        SubjectCase{"ChangeAfterAComponentIsTheComponents",
                    {"三、支出决算情况说明",
                     "2023年度本年支出合计1889.05万元，比上年增加100.00万元，"
                     "其中：基本支出1197.55万元，比上年增加60.00万元；项目支出"
                     "691.50万元，比上年增加40.00万元。"},
                    "final_accounts",
                    "60.00",
                    "expenditure.basic",
                    "基本支出"},
        // A listed class name in quotes (even with the quote before the
        // list number's dot) is the item's subject, its share bound to it.
        SubjectCase{"QuotedClassNameInAStructureList",
                    {"（二）一般公共预算财政拨款支出决算结构情况",
                     "2025年度一般公共预算财政拨款支出1904.42万元，主要用于：",
                     "1.“一般公共服务”30.69万元，占1.61%；",
                     "11“.灾害防治及应急管理支出”9.82万元，占0.52%。"},
                    "final_accounts",
                    "0.52",
                    "gpb.expenditure.by_func",
                    "灾害防治及应急管理支出"},
        // In a 一般公共预算 section a clause opening with a comparison
        // (比2023年度决算…) is no class name: last year's figure and the
        // change are the sentence's subject's.
        SubjectCase{"ComparisonInAFundSectionIsNoClassName",
                    {"（一）一般公共预算财政拨款支出决算总体情况",
                     "本年一般公共预算财政拨款支出1388.77万元，比2023年度决算"
                     "1299.59万元增加89.18万元。"},
                    "final_accounts",
                    "89.18",
                    "gpb.expenditure.total",
                    "一般公共预算财政拨款支出"}),
    [](const testing::TestParamInfo<SubjectCase>& i) {
      return std::string(i.param.name);
    });

TEST(ClaimBreakdownTest, ListInsideAListItemBreaksDownThatItem) {
  Read r = ReadLines(
      {"六、一般公共预算财政拨款基本支出决算情况说明",
       "2024年度一般公共预算财政拨款基本支出500.00万元，其中：人员经费"
       "400.00万元，主要包括：基本工资150.00万元、津贴补贴90.00万元；公用经费"
       "100.00万元，主要包括：办公费30.00万元、差旅费20.00万元。"});
  const Claim* total = ClaimOf(r, "500.00");
  const Claim* personnel = ClaimOf(r, "400.00");
  const Claim* public_costs = ClaimOf(r, "100.00");
  ASSERT_NE(total, nullptr);
  ASSERT_NE(personnel, nullptr);
  ASSERT_NE(public_costs, nullptr);
  auto index = [&](const Claim* c) {
    return static_cast<int>(c - r.claims.claims.data());
  };
  EXPECT_EQ(personnel->owner, index(total));
  EXPECT_EQ(public_costs->owner, index(total));
  EXPECT_EQ(ClaimOf(r, "150.00")->owner, index(personnel));
  EXPECT_EQ(ClaimOf(r, "90.00")->owner, index(personnel));
  EXPECT_EQ(ClaimOf(r, "30.00")->owner, index(public_costs));
}

TEST(ClaimBreakdownTest, BracketedListEndsWithItsBracket) {
  Read r = ReadLines(
      {"七、“三公”经费预算情况说明",
       "公务用车购置及运行费预算30.00万元，占“三公”经费的75%（其中，公务用车"
       "购置费10.00万元，公务用车运行费20.00万元）；公务接待费预算10.00万元，"
       "占“三公”经费的25%。"});
  const Claim* vehicle = ClaimOf(r, "30.00");
  const Claim* reception = ClaimOf(r, "25");
  ASSERT_NE(vehicle, nullptr);
  ASSERT_NE(reception, nullptr);
  EXPECT_EQ(ClaimOf(r, "20.00")->owner,
            static_cast<int>(vehicle - r.claims.claims.data()));
  EXPECT_EQ(reception->owner, -1);
  ASSERT_FALSE(reception->subject.metrics.empty());
  EXPECT_EQ(reception->subject.metrics.front(), "three_public.reception");
}

TEST(ClaimBreakdownTest, SentenceOpeningWithABreakdownBreaksDownThePrevious) {
  Read r = ReadLines(
      {"七、“三公”经费预算情况说明",
       "2024年“三公”经费预算20.00万元，比上年减少2.00万元。其中：因公出国"
       "（境）费0万元，占0%；公务接待费20.00万元，占100%。"});
  const Claim* total = ClaimOf(r, "2.00");
  const Claim* reception = ClaimOf(r, "100");
  ASSERT_NE(total, nullptr);
  ASSERT_NE(reception, nullptr);
  EXPECT_EQ(reception->owner, static_cast<int>(total - r.claims.claims.data()));
}

TEST(ClaimFlatTest, UnchangedAgainstANamedYearAndBasisIsRecorded) {
  Read r = ReadLines(
      {"五、一般公共预算支出预算情况说明",
       "（2）卫生健康支出（类）公共卫生（款）基本公共卫生服务（项）：2023年"
       "预算执行数为45.00万元，2024年预算安排45.00万元，与2023年预算执行数"
       "持平。"},
      "budget");
  ASSERT_EQ(r.claims.claims.size(), 1u);
  const Claim& c = r.claims.claims[0];
  EXPECT_TRUE(c.flat);
  EXPECT_EQ(c.flat_year, 2023);
  EXPECT_EQ(c.flat_basis, "execution");
}

TEST(ClaimFlatTest, UnchangedAfterAnUnnamedSumIsNotAttached) {
  Read r = ReadLines(
      {"七、“三公”经费预算情况说明",
       "因公出国（境）费支出2.5万元，公务接待费支出7.5万元，合计10万元，与"
       "上年预算数持平。"},
      "budget");
  for (const Claim& c : r.claims.claims) EXPECT_FALSE(c.flat);
}

TEST(ClaimPeriodTest, PriorYearExecutionAndThisYearsBudgetHaveTheirYears) {
  Read r = ReadLines(
      {"五、一般公共预算支出预算情况说明",
       "（1）一般公共服务支出（类）人大事务（款）行政运行（项）：2023年预算"
       "执行数为200.00万元，2024年预算安排230.00万元，比2023年预算执行数增长"
       "15%，主要原因是新增会议经费30.00万元。"},
      "budget");
  const ClaimValue* prior = ValueOf(r, "200.00");
  const ClaimValue* current = ValueOf(r, "230.00");
  const ClaimValue* rate = ValueOf(r, "15");
  ASSERT_NE(prior, nullptr);
  ASSERT_NE(current, nullptr);
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(prior->year, 2023);
  EXPECT_EQ(prior->basis, "execution");
  EXPECT_EQ(current->year, 2024);
  EXPECT_EQ(current->basis, "budget");
  EXPECT_EQ(rate->comparison_year, 2023);
  EXPECT_EQ(rate->comparison_basis, "execution");
  EXPECT_EQ(Fate(r, "30.00"), "unclaimed:reason");
}

}  // namespace
}  // namespace budgetdoc
