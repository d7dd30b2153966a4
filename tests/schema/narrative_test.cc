#include "schema/narrative.h"

#include "cli/pipeline.h"
#include "schema/mapper.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

NormalizedDocument FromLines(std::initializer_list<std::string_view> lines) {
  Document doc;
  doc.format = Format::kDocx;  // one paragraph per line, no joining
  for (std::string_view l : lines) {
    Block b;
    b.text = std::string(l);
    doc.blocks.push_back(b);
  }
  return Normalize(std::move(doc), NormalizeOptions{});
}

std::string Dump(const std::vector<Fact>& facts) {
  std::string out;
  for (const Fact& f : facts) {
    out += f.metric + " " + std::string(MeasureName(f.measure)) + " " +
           f.value.ToString();
    if (!f.direction.empty()) out += " " + f.direction;
    if (!f.base_metric.empty()) out += " of " + f.base_metric;
    if (f.basis != "actual") out += " " + f.basis;
    if (f.comparison_year > 0)
      out += " vs " + std::to_string(f.comparison_year);
    if (f.code_scheme == "func" || f.code_scheme == "econ")
      out += " [" + f.label + "]";
    out += "\n";
  }
  return out;
}

std::string FactsOf(std::string_view kind,
                    std::initializer_list<std::string_view> lines) {
  ReportMeta meta;
  meta.fiscal_year = 2023;
  meta.kind = std::string(kind);
  NormalizedDocument nd = FromLines(lines);
  return Dump(ExtractNarrativeFacts(nd, meta, MetricCatalog::Default()));
}

std::string Facts(std::initializer_list<std::string_view> lines) {
  return FactsOf("final_accounts", lines);
}

TEST(NarrativeFactsTest, AmountAndShareShareTheSubject) {
  EXPECT_EQ(Facts({"2023年度本年支出合计1889.05万元，其中：基本支出1197."
                   "55万元，占63.39%；项目支出691.5万元，占36.6%。"}),
            "expenditure.total amount 1889.05\n"
            "expenditure.basic amount 1197.55\n"
            "expenditure.basic share 63.39 of expenditure.total\n"
            "expenditure.project amount 691.5\n"
            "expenditure.project share 36.6 of expenditure.total\n");
}

TEST(NarrativeFactsTest, PairSubjectsGiveIncomeAndExpenditureFacts) {
  EXPECT_EQ(
      Facts({"2023年度收、支总计均为1889."
             "05万元。与2022年度相比，收、支总计各减少35.32万元，下降1.84%。"}),
      "income.grand_total amount 1889.05\n"
      "expenditure.grand_total amount 1889.05\n"
      "income.grand_total change 35.32 减少 vs 2022\n"
      "expenditure.grand_total change 35.32 减少 vs 2022\n"
      "income.grand_total rate 1.84 下降 vs 2022\n"
      "expenditure.grand_total rate 1.84 下降 vs 2022\n");
}

TEST(NarrativeFactsTest, TwoValuesInOneClauseGoToTheirOwnSubjects) {
  EXPECT_EQ(Facts({"2023年度收、支总计各是4125.49,4143.91万元。"}),
            "income.grand_total amount 4125.49\n"
            "expenditure.grand_total amount 4143.91\n");
}

TEST(NarrativeFactsTest, CompletionAndChangesOfThreePublicCosts) {
  EXPECT_EQ(Facts({"2023年度“三公”经费财政拨款支出决算为5.91万元，完成预算94."
                   "19%，较上年度减少0.05万元，下降0.84%"
                   "。决算数小于预算数的主要原因是厉行节约。"}),
            "three_public.total amount 5.91\n"
            "three_public.total completion 94.19 小于 budget\n"
            "three_public.total change 0.05 减少 vs 2022\n"
            "three_public.total rate 0.84 下降 vs 2022\n");
}

TEST(NarrativeFactsTest, ABareAmountUnderANumberedItemBelongsToItsClassPath) {
  EXPECT_EQ(Facts({"五、一般公共预算财政拨款支出决算情况说明",
                   "（三）一般公共预算财政拨款支出决算具体情况",
                   "1."
                   "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政"
                   "运行（项）: 支出决算为960.77万元，完成预算100%。"}),
            "gpb.expenditure.by_func amount 960.77 "
            "[一般公共服务/政府办公厅（室）及相关机构事务/行政运行]\n"
            "gpb.expenditure.by_func completion 100 budget "
            "[一般公共服务/政府办公厅（室）及相关机构事务/行政运行]\n");
}

// Regression (issue 21): a PDF line break left the tail of a quoted path,
// "（项）”", at the start of the next block; the path has no name and used to
// crash the subject resolver.
TEST(NarrativeFactsTest, APathTailWithoutNamesBindsNoSubjectAndDoesNotCrash) {
  EXPECT_EQ(Facts({"五、一般公共预算财政拨款支出决算情况说明",
                   "（三）一般公共预算财政拨款支出决算具体情况",
                   "（项）”12.30万元，主要用于：社区活动。"}),
            "");
}

TEST(ClassPathTest, NamesBeforeTheirMarkersOrNothing) {
  struct Case {
    std::string_view text;
    bool ok;
    std::string_view lei, kuan, xiang;
  };
  const Case kCases[] = {
      {"一般公共服务（类）统计信息事务（款）统计管理（项）", true,
       "一般公共服务", "统计信息事务", "统计管理"},
      {"住房改革支出(款)", true, "", "住房改革支出", ""},
      {"3.教育支出（类）", true, "教育支出", "", ""},
      {"（项）”", false, "", "", ""},
      {"（类）（款）（项）", false, "", "", ""},
      {"没有标记", false, "", "", ""},
      // A 款 printed with （类）, names back to back before the 项.
      {"1.社会保障和就业支出（类）行政事业单位养老支出（类）机关事业单位基本养"
       "老保险缴费支出（项）",
       true, "社会保障和就业支出", "行政事业单位养老支出",
       "机关事业单位基本养老保险缴费支出"},
      // Two 类 of a list, not one path: the last is read alone.
      {"教育支出（类）1200万元，科学技术支出（类）基础研究（项）", true,
       "科学技术支出", "", "基础研究"},
  };
  for (const Case& c : kCases) {
    ClassPath p;
    EXPECT_EQ(ParseClassPath(c.text, &p), c.ok) << c.text;
    if (!c.ok) continue;
    EXPECT_EQ(p.lei, c.lei) << c.text;
    EXPECT_EQ(p.kuan, c.kuan) << c.text;
    EXPECT_EQ(p.xiang, c.xiang) << c.text;
    EXPECT_EQ(p.kuan_marked_lei, c.text.find("（类）行政事业") != c.text.npos)
        << c.text;
  }
}

TEST(NarrativeFactsTest, ClassNamesInAStructureListBecomeFunctionalFacts) {
  EXPECT_EQ(Facts({"五、一般公共预算财政拨款支出决算情况说明",
                   "（二）一般公共预算财政拨款支出决算结构情况",
                   "2023年度一般公共预算财政拨款支出1889."
                   "05万元，主要用于以下方面:一般公共服务支出1652.27万元，占87."
                   "47%；住房保障支出77.51万元，占4.1%。"}),
            "gpb.expenditure.total amount 1889.05\n"
            "gpb.expenditure.by_func amount 1652.27 [一般公共服务支出]\n"
            "gpb.expenditure.by_func share 87.47 of gpb.expenditure.total "
            "[一般公共服务支出]\n"
            "gpb.expenditure.by_func amount 77.51 [住房保障支出]\n"
            "gpb.expenditure.by_func share 4.1 of gpb.expenditure.total "
            "[住房保障支出]\n");
}

TEST(NarrativeFactsTest, EconomicItemsUnderBasicExpenditure) {
  EXPECT_EQ(Facts({"六、一般公共预算财政拨款基本支出决算情况说明",
                   "人员经费975.36万元，主要包括：基本工资236."
                   "95万元、津贴补贴164万元。"}),
            "gpb.basic.personnel amount 975.36\n"
            "gpb.basic.by_econ amount 236.95 [基本工资]\n"
            "gpb.basic.by_econ amount 164 [津贴补贴]\n");
}

TEST(NarrativeFactsTest, CountsWithTheirSubjects) {
  EXPECT_EQ(Facts({"七、财政拨款“三公”经费支出决算情况说明",
                   "截至2023年12月31日，单位共有公务用车1辆。国内公务接待6批次"
                   "，91人次。"}),
            "three_public.vehicle.fleet_count count 1\n"
            "three_public.reception.batches count 6\n"
            "three_public.reception.visitors count 91\n");
}

TEST(NarrativeFactsTest, VehiclesInTheAssetSectionAreTheFleetOnlyWhenNamedSo) {
  struct Case {
    std::string_view sentence, facts;
  } cases[] = {
      {"截至2023年底，本部门共有公务用车5辆。",
       "three_public.vehicle.fleet_count count 5\n"},
      {"截至2023年底，本部门共有车辆66辆，其中，一般公务用车13辆、执法执勤用车"
       "38辆、特种专业技术用车15辆。",
       "assets.vehicles count 66\n"},
      {"车辆7辆（一般公务用车3辆，执法执勤用车4辆，其他用车0辆）。",
       "assets.vehicles count 7\n"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Facts({"三、其他重要事项的情况说明", "（三）国有资产占有使用情况",
                     c.sentence}),
              c.facts)
        << c.sentence;
  }
}

TEST(NarrativeFactsTest, AChangeAfterACountSentenceKeepsTheMoneySubject) {
  // "团组" names a count; the change in money belongs to 因公出国（境）费.
  EXPECT_EQ(Facts({"七、财政拨款“三公”经费支出决算情况说明",
                   "1.因公出国（境）费支出0万元，年初未安排预算。全年未安排因公"
                   "出国（境）团组。与上年相比减少2.96万元，下降100%。"}),
            "three_public.outbound amount 0\n"
            "three_public.outbound change 2.96 减少 vs 2022\n"
            "three_public.outbound rate 100 下降 vs 2022\n");
}

TEST(NarrativeFactsTest, FundAppropriationsSpentAndProjectsWithTargets) {
  EXPECT_EQ(
      FactsOf("budget",
              {"2023年本部门政府性基金预算拨款支出预算0万元，国有资本经营预算"
               "拨款支出预算0万元。",
               "本部门2023年对4个项目编制了绩效目标，涉及项目支出预算684."
               "7万元。"}),
      "gov_fund.expenditure.total amount 0 budget\n"
      "soe.expenditure.total amount 0 budget\n"
      "perf.projects.with_targets count 4 budget\n"
      "perf.projects.amount amount 684.7 budget\n");
}

TEST(NarrativeFactsTest, RatesOfNonFiscalThingsAreNotFacts) {
  EXPECT_EQ(Facts({"接收依申请公开政府信息64件，答复率100%。"}), "");
}

TEST(NarrativeFactsTest, AmountsInYuanAreConvertedToWanYuanExactly) {
  std::vector<Fact> facts;
  ReportMeta meta;
  meta.fiscal_year = 2025;
  meta.kind = "budget";
  NormalizedDocument nd =
      FromLines({"2025年部门预算收入总计91,016,775.35元。"});
  facts = ExtractNarrativeFacts(nd, meta, MetricCatalog::Default());
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].value.ToString(), "9101.677535");
  EXPECT_EQ(facts[0].printed.ToString(), "91016775.35");
  EXPECT_EQ(facts[0].unit, "元");
  EXPECT_EQ(facts[0].basis, "budget");
}

}  // namespace
}  // namespace budgetdoc

namespace budgetdoc {
namespace {

// 「人大事务行政运行（项）」: a 项 printed right after its 款's name, without a
// level word between them, is the 项 of that 款 (code 2010101); a name that
// splits no way into a 款 and one of its 项 stays without a code.
TEST(ClassCodeTest, AXiangPrintedAfterItsKuansNameGetsItsCode) {
  struct Case {
    std::string_view sentence, code;
  };
  const Case cases[] = {
      {"1.人大事务行政运行（项）支出10528.33万元，与上年相比减少17.89万元。",
       "2010101"},
      {"2.政协事务一般行政管理事务（项）支出35.00万元。", "2010202"},
      {"3.行政运行事务（项）支出35.00万元。", ""},
  };
  for (const Case& c : cases) {
    ReportMeta meta;
    meta.fiscal_year = 2017;
    meta.kind = "budget";
    Extraction ex = MapToSchema(
        FromLines({"五、财政拨款支出预算情况说明", c.sentence}), meta);
    std::string code = "(no fact)";
    for (const Fact& f : ex.facts) {
      if (f.metric == "expenditure.by_func" && f.measure == Measure::kAmount)
        code = f.code;
    }
    EXPECT_EQ(code, c.code) << c.sentence;
  }
}

}  // namespace
}  // namespace budgetdoc
