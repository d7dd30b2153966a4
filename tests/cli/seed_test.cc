// The seed report (../shared/corpus/seed): section tree and amounts checked
// by hand against the text. Skips when the shared corpus is absent.
#include "cli/pipeline.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

constexpr char kSeed[] = "seed/000_9dc78e9ed0af6947.txt";

class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    BUDGETDOC_SKIP_IF_NO_CORPUS(kSeed);
    Result<NormalizedDocument> nd =
        ExtractFile(testing::CorpusPath(kSeed), PipelineOptions{});
    ASSERT_TRUE(nd.ok()) << nd.status().ToString();
    nd_ = std::move(nd).value();
  }

  // Mentions in blocks whose normalized text contains `context`.
  std::vector<std::string> MentionsNear(std::string_view context) const {
    std::vector<std::string> out;
    for (const Mention& m : nd_.mentions) {
      if (nd_.blocks[static_cast<size_t>(m.block)].text.find(context) !=
          std::string::npos) {
        out.push_back(m.value.ToString() + m.unit);
      }
    }
    return out;
  }

  NormalizedDocument nd_;
};

TEST_F(SeedTest, HasFivePartsInOrder) {
  std::vector<std::string> parts;
  for (int id : nd_.sections.sections[0].children) {
    const Section& s = nd_.sections.sections[static_cast<size_t>(id)];
    EXPECT_EQ(s.style, "part");
    parts.push_back(s.label + s.title);
  }
  EXPECT_EQ(parts, (std::vector<std::string>{
                       "第一部分部门概况", "第二部分2023年度部门决算情况说明",
                       "第三部分名词解释", "第四部分附件", "第五部分附表"}));
}

TEST_F(SeedTest, PartTwoHasTenNumberedSectionsDespiteMixedNumbering) {
  const Section& part2 =
      nd_.sections
          .sections[static_cast<size_t>(nd_.sections.sections[0].children[1])];
  std::vector<std::string> titles;
  std::vector<int> ordinals, child_counts;
  for (int id : part2.children) {
    const Section& s = nd_.sections.sections[static_cast<size_t>(id)];
    titles.push_back(s.title);
    ordinals.push_back(s.ordinal);
    child_counts.push_back(static_cast<int>(s.children.size()));
  }
  EXPECT_EQ(ordinals, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(titles,
            (std::vector<std::string>{
                "收入支出决算总体情况说明", "收入决算情况说明",
                "支出决算情况说明", "财政拨款收入支出决算总体情况说明",
                "一般公共预算财政拨款支出决算情况说明",
                "一般公共预算财政拨款基本支出决算情况说明",
                "财政拨款“三公”经费支出决算情况说明",
                "政府性基金预算支出决算情况说明",
                "国有资本经营预算支出决算情况说明", "其他重要事项的情况说明"}));
  // 五 has （一）（二）（三）; 七 has （一）（二）; 十 has （一）…（四）.
  EXPECT_EQ(child_counts, (std::vector<int>{0, 0, 0, 0, 3, 0, 2, 0, 0, 4}));
}

TEST_F(SeedTest, NumberedListsAreNotHeadings) {
  // "1.负责区政府会议的会务工作…" … "13.承办…" stay list items of
  // （一）主要职能.
  for (const Section& s : nd_.sections.sections) {
    EXPECT_EQ(s.title.find("负责区政府会议"), std::string::npos);
    EXPECT_EQ(s.title.find("一般公共服务（类）"), std::string::npos);
  }
}

TEST_F(SeedTest, AmountsAndPercentagesMatchTheText) {
  EXPECT_EQ(MentionsNear("2023年度收、支总计均为"),
            (std::vector<std::string>{"1889.05万元", "35.32万元", "1.84%"}));
  EXPECT_EQ(MentionsNear("2023年度本年支出合计"),
            (std::vector<std::string>{"1889.05万元", "1197.55万元", "63.39%",
                                      "691.5万元", "36.6%", "0万元", "0%",
                                      "0万元", "0%", "0万元", "0%"}));
  EXPECT_EQ(
      MentionsNear("“三公”经费财政拨款支出决算为"),
      (std::vector<std::string>{"5.91万元", "94.19%", "0.05万元", "0.84%"}));
  EXPECT_EQ(
      MentionsNear("国内公务接待6批次"),
      (std::vector<std::string>{"1.1万元", "6批次", "91人次", "1.1万元"}));
}

TEST_F(SeedTest, KeepsPrintedScaleOfTrailingZeroDroppedAmounts) {
  for (const Mention& m : nd_.mentions) {
    if (m.text == "691.5万元") {
      EXPECT_EQ(m.value.scale(), 1);
      return;
    }
  }
  ADD_FAILURE() << "691.5万元 not found";
}

TEST_F(SeedTest, FindsTheAmountPrintedWithoutItsUnit) {
  // "2023年度一般公共预算支出决算数为1889.05，完成预算100%。"
  int bare = 0;
  for (const Mention& m : nd_.mentions) {
    if (m.kind == MentionKind::kBareNumber) {
      ++bare;
      EXPECT_EQ(m.value.ToString(), "1889.05");
    }
  }
  EXPECT_EQ(bare, 1);
}

TEST_F(SeedTest, CountsWithMeasureWords) {
  std::vector<std::string> counts;
  for (const Mention& m : nd_.mentions) {
    if (m.kind == MentionKind::kCount &&
        nd_.doc.blocks[static_cast<size_t>(m.block)].text.find("公务用车1辆") !=
            std::string::npos) {
      counts.push_back(m.text);
    }
  }
  EXPECT_EQ(counts, (std::vector<std::string>{"1辆"}));
}

TEST_F(SeedTest, ChartDataAtTheEndBecomesSevenCharts) {
  ASSERT_EQ(nd_.doc.charts.size(), 7u);
  const Chart& structure = nd_.doc.charts[1];
  EXPECT_EQ(structure.title, "一般公共预算财政拨款支出决算结构");
  EXPECT_EQ(structure.categories,
            (std::vector<std::string>{"一般公共服务支出", "社会保障和就业支出",
                                      "卫生健康支出", "住房保障支出"}));
  EXPECT_EQ(structure.series[0].values,
            (std::vector<std::string>{"1652.27", "108.57", "50.69", "77.51"}));
  const Chart& totals = nd_.doc.charts[3];
  EXPECT_EQ(totals.title, "收、支决算总计变动情况图");
  ASSERT_EQ(totals.series.size(), 2u);
  EXPECT_EQ(totals.series[0].values,
            (std::vector<std::string>{"1924.37", "1889.05"}));
}

TEST_F(SeedTest, ConversionArtifactsAreGone) {
  for (const Block& b : nd_.doc.blocks) {
    EXPECT_EQ(b.text.find("[bookmark"), std::string::npos) << b.text;
  }
  int captions = 0;
  for (const Block& b : nd_.doc.blocks)
    captions += b.kind == BlockKind::kCaption;
  EXPECT_EQ(captions, 7);
}

}  // namespace
}  // namespace budgetdoc

namespace budgetdoc {
namespace {

// Facts of the seed report in the common schema, each checked by hand
// against the text: metric, measure, value (万元 or %), origin, year.
TEST(SeedFactsTest, KeyFactsComeOutInTheCommonSchema) {
  BUDGETDOC_SKIP_IF_NO_CORPUS(kSeed);
  Result<Analysis> a =
      AnalyzeFile(testing::CorpusPath(kSeed), PipelineOptions{});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->ex.meta.entity_name, "巴中市巴州区人民政府办公室");
  EXPECT_EQ(a->ex.meta.region_code, "511902");
  EXPECT_EQ(a->ex.meta.fiscal_year, 2023);
  EXPECT_EQ(a->ex.meta.kind, "final_accounts");
  struct Want {
    std::string_view metric, measure, value, origin;
    int year;
  } wants[] = {
      {"income.grand_total", "amount", "1889.05", "narrative", 2023},
      {"expenditure.grand_total", "amount", "1889.05", "narrative", 2023},
      {"income.grand_total", "change", "35.32", "narrative", 2023},
      {"income.grand_total", "rate", "1.84", "narrative", 2023},
      {"income.total", "amount", "1889.05", "narrative", 2023},
      {"income.fiscal.gpb", "share", "100", "narrative", 2023},
      {"expenditure.basic", "amount", "1197.55", "narrative", 2023},
      {"expenditure.basic", "share", "63.39", "narrative", 2023},
      {"expenditure.project", "amount", "691.5", "narrative", 2023},
      {"expenditure.project", "share", "36.6", "narrative", 2023},
      {"fiscal.income.grand_total", "amount", "1889.05", "narrative", 2023},
      {"gpb.expenditure.total", "share", "100", "narrative", 2023},
      {"gpb.expenditure.by_func", "amount", "1652.27", "narrative", 2023},
      {"gpb.expenditure.by_func", "share", "87.47", "narrative", 2023},
      {"gpb.expenditure.by_func", "amount", "960.77", "narrative", 2023},
      {"gpb.basic.personnel", "amount", "975.36", "narrative", 2023},
      {"gpb.basic.public", "amount", "222.18", "narrative", 2023},
      {"gpb.basic.by_econ", "amount", "236.95", "narrative", 2023},
      {"three_public.total", "amount", "5.91", "narrative", 2023},
      {"three_public.total", "completion", "94.19", "narrative", 2023},
      {"three_public.vehicle", "share", "81.38", "narrative", 2023},
      {"three_public.reception", "amount", "1.1", "narrative", 2023},
      {"three_public.vehicle.fleet_count", "count", "1", "narrative", 2023},
      {"three_public.reception.batches", "count", "6", "narrative", 2023},
      {"three_public.reception.visitors", "count", "91", "narrative", 2023},
      {"admin_operating_cost", "rate", "21.05", "narrative", 2023},
      {"procurement.goods", "amount", "13.73", "narrative", 2023},
      // The chart data at the end of the text.
      {"gpb.expenditure.total", "amount", "1924.37", "chart", 2022},
      {"gpb.expenditure.total", "amount", "1889.05", "chart", 2023},
      {"income.grand_total", "amount", "1924.37", "chart", 2022},
      {"expenditure.basic", "amount", "1197.55", "chart", 2023},
      {"three_public.vehicle", "amount", "4.81", "chart", 2023},
  };
  for (const Want& w : wants) {
    bool found = false;
    for (const Fact& f : a->ex.facts) {
      found |= f.metric == w.metric && MeasureName(f.measure) == w.measure &&
               f.value.ToString() == w.value &&
               OriginName(f.origin) == w.origin && f.year == w.year;
    }
    EXPECT_TRUE(found) << w.metric << " " << w.measure << " " << w.value << " "
                       << w.origin << " " << w.year;
  }
  // 960.77 is the 项 行政运行 under 政府办公厅（室）及相关机构事务: code
  // 2010301.
  for (const Fact& f : a->ex.facts) {
    if (f.metric == "gpb.expenditure.by_func" && f.value.ToString() == "960.77")
      EXPECT_EQ(f.code, "2010301");
  }
}

}  // namespace
}  // namespace budgetdoc
