// Tests schema/metadata.{h,cc}: DetectMetadata on documents built in memory
// from hand-written lines, and on the seed report of the shared corpus.
#include "schema/metadata.h"

#include "base/file_io.h"
#include "extract/extract.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

// One paragraph block per line, as a PDF reader gives them (no joining of
// wrapped lines), then normalized.
NormalizedDocument FromLines(const std::vector<std::string>& lines) {
  Document doc;
  doc.source = "test.pdf";
  doc.format = Format::kPdf;
  for (const std::string& line : lines) {
    Block b;
    b.text = line;
    b.page = 1;
    doc.blocks.push_back(b);
  }
  return Normalize(std::move(doc), NormalizeOptions{});
}

struct MetaCase {
  const char* what;
  std::vector<std::string> lines;
  const char* entity;
  const char* region;
  int year;
  const char* kind;
  const char* scope;
  bool is_template;
  const char* unit;
};

void ExpectMeta(const MetaCase& c, const ReportMeta& m) {
  EXPECT_EQ(m.entity_name, c.entity);
  EXPECT_EQ(m.region_code, c.region);
  EXPECT_EQ(m.fiscal_year, c.year);
  EXPECT_EQ(m.kind, c.kind);
  EXPECT_EQ(m.scope, c.scope);
  EXPECT_EQ(m.is_template, c.is_template);
  EXPECT_EQ(m.text_unit, c.unit);
  // Every field is either set with a source or empty with a reason.
  auto check = [&](const char* field, bool set) {
    if (set) {
      EXPECT_EQ(m.sources.count(field), 1u) << field;
      EXPECT_EQ(m.unknown_reasons.count(field), 0u) << field;
    } else {
      EXPECT_EQ(m.unknown_reasons.count(field), 1u) << field;
    }
  };
  check("entity_name", !m.entity_name.empty());
  check("region_code", !m.region_code.empty());
  check("fiscal_year", m.fiscal_year != 0);
  check("kind", !m.kind.empty());
  check("scope", !m.scope.empty());
  check("text_unit", !m.text_unit.empty());
}

TEST(MetadataTest, ReadsTitlesOfFinalAccountsAndBudgets) {
  const MetaCase cases[] = {
      {"final accounts title over two lines",
       {"巴中市巴州区人民政府办公室", "2023年度部门决算", "目录",
        "第一部分 部门概况", "一、部门职责",
        "2023年度收、支总计均为1889.05万元。与2022年度相比，收、支总计"
        "各减少35.32万元。"},
       "巴中市巴州区人民政府办公室",
       "511902",
       2023,
       "final_accounts",
       "部门",
       false,
       "万元"},
      {"budget title on one line",
       {"上海市普陀区财政局2025年部门预算", "目 录", "一、部门主要职能",
        "2025年部门预算收入31,214,205.80元。"},
       "上海市普陀区财政局",
       "310107",
       2025,
       "budget",
       "部门",
       false,
       "元"},
      {"year before the body",
       {"2019年中共江苏省委办公厅部门预算", "第一部分 部门概况",
        "2019年度收支预算总计27,664.22万元。"},
       "中共江苏省委办公厅",
       "320000",
       2019,
       "budget",
       "部门",
       false,
       "万元"},
      {"region-only title with a labelled body",
       {"上海市普陀区2025年区级部门预算",
        "预算主管部门：上海市普陀区商务委员会", "目", "录", "一、部门主要职能",
        "收入预算37,151.47万元。"},
       "上海市普陀区商务委员会",
       "310107",
       2025,
       "budget",
       "部门",
       false,
       "万元"},
      {"unit budget",
       {"上海市2025年市级单位预算", "预算单位：上海市财政局", "目录",
        "一、单位主要职能", "收入预算17,192万元。"},
       "上海市财政局",
       "310000",
       2025,
       "budget",
       "单位",
       false,
       "万元"},
      {"title split inside the body name",
       {"中共上海市普陀区委", "社会工作部 2024 年度", "部门决算", "目", "录",
        "第一部分 概况", "本年收入合计307.82万元。"},
       "中共上海市普陀区委社会工作部",
       "310107",
       2024,
       "final_accounts",
       "部门",
       false,
       "万元"},
      {"province-level body",
       {"江苏省人民检察院", "2018年部门预算", "目", "录", "第一部分 部门概况",
        "收支预算总计21,955.35万元。"},
       "江苏省人民检察院",
       "320000",
       2018,
       "budget",
       "部门",
       false,
       "万元"},
      {"cover lines and a date before the title stay out of it",
       {"首页>政务公开>财政预决算", "发布日期：2024年8月30日",
        "巴中市巴州区教育局2023年度部门决算", "目录", "一、部门职责",
        "收入合计100万元。"},
       "巴中市巴州区教育局",
       "511902",
       2023,
       "final_accounts",
       "部门",
       false,
       "万元"},
      {"title with 关于 before the year",
       {"巴中市巴州区教育局关于2023年度部门决算的说明",
        "一、收入支出决算总体情况说明", "收入合计100万元。"},
       "巴中市巴州区教育局",
       "511902",
       2023,
       "final_accounts",
       "部门",
       false,
       "万元"},
      {"body wrapped over two lines above a year-first line",
       {"公开版", "巴中市巴州区", "教育局", "2023年度部门决算", "目录",
        "收入合计100万元。"},
       "巴中市巴州区教育局",
       "511902",
       2023,
       "final_accounts",
       "部门",
       false,
       "万元"},
      {"a cover line above a year-first title is not the body",
       {"公开版", "2019年中共江苏省委办公厅部门预算", "目录",
        "收支预算总计27,664.22万元。"},
       "中共江苏省委办公厅",
       "320000",
       2019,
       "budget",
       "部门",
       false,
       "万元"},
      {"stand-alone 三公 note",
       {"巴中市巴州区财政局2023年度“三公”经费决算情况说明",
        "2023年度“三公”经费财政拨款支出决算为5.91万元。"},
       "巴中市巴州区财政局",
       "511902",
       2023,
       "three_public_note",
       "",
       false,
       "万元"},
  };
  for (const MetaCase& c : cases) {
    SCOPED_TRACE(c.what);
    ReportMeta m = DetectMetadata(FromLines(c.lines));
    ExpectMeta(c, m);
    EXPECT_FALSE(m.title.empty());
  }
}

TEST(MetadataTest, FallsBackToTheTextWhenThereIsNoTitle) {
  const MetaCase cases[] = {
      {"body repeated in sentences and an annex title (like the seed)",
       {"第一部分 部门概况", "一、部门职责及主要工作",
        "第二部分 2023年度部门决算情况说明",
        "2023年度本年收入合计1889.05万元。",
        "2023年度，巴中市巴州区人民政府办公室机关运行经费支出222.18万元，"
        "比2022年度增加38.65万元。",
        "2023年度，巴中市巴州区人民政府办公室政府采购支出总额13.73万元。",
        "附件1", "巴中市巴州区人民政府办公室", "2023年部门整体绩效评价报告"},
       "巴中市巴州区人民政府办公室",
       "511902",
       2023,
       "final_accounts",
       "部门",
       false,
       "万元"},
      {"comparison years and dates do not become the fiscal year",
       {"一、收入支出决算总体情况说明",
        "2023年度收、支总计均为100万元。与2022年度相比，减少5万元。",
        "比2022年度增加2万元，较2022年度下降1%，同2022年度持平。",
        "截至2022年12月31日，车辆5辆。截至2022年12月31日，设备2台。",
        "与2022年度相比，支出决算减少。"},
       "",
       "",
       2023,
       "final_accounts",
       "",
       false,
       "万元"},
      {"labelled body in a table-only file",
       {"表一", "收支预算总表", "部门：江苏省政协办公厅 单位：万元",
        "一、财政拨款 9,066.79", "2017年政府采购预算表"},
       "江苏省政协办公厅",
       "320000",
       2017,
       "budget",
       "部门",
       false,
       ""},
  };
  for (const MetaCase& c : cases) {
    SCOPED_TRACE(c.what);
    ReportMeta m = DetectMetadata(FromLines(c.lines));
    ExpectMeta(c, m);
    EXPECT_EQ(m.title, "");
  }
}

TEST(MetadataTest, TitleYearWinsOverADisagreeingHeading) {
  ReportMeta m = DetectMetadata(
      FromLines({"上海市普陀区财政局", "2024年度部门决算", "目录",
                 "第三部分 上海市普陀区财政局2023年度部门决算情况说明",
                 "第二部分 上海市普陀区财政局2023年度部门决算表",
                 "2023年度收入支出总计2995.39万元。"}));
  EXPECT_EQ(m.fiscal_year, 2024);
  EXPECT_EQ(m.kind, "final_accounts");
  EXPECT_EQ(m.title, "上海市普陀区财政局2024年度部门决算");
}

TEST(MetadataTest, NoYearAnywhereGivesZeroWithAReason) {
  ReportMeta m = DetectMetadata(
      FromLines({"巴中市巴州区财政局部门决算", "一、收入支出决算总体情况说明",
                 "本年收入合计100万元，与上年相比增加5万元。",
                 "截至2023年12月31日，单位共有车辆2辆。"}));
  EXPECT_EQ(m.fiscal_year, 0);
  ASSERT_EQ(m.unknown_reasons.count("fiscal_year"), 1u);
  EXPECT_NE(m.unknown_reasons.at("fiscal_year").find("no fiscal year"),
            std::string::npos);
  EXPECT_EQ(m.sources.count("fiscal_year"), 0u);
}

TEST(MetadataTest, EquallySupportedYearsAreNotGuessed) {
  ReportMeta m = DetectMetadata(FromLines(
      {"一、情况说明", "2022年度收入100万元。", "2023年度收入120万元。"}));
  EXPECT_EQ(m.fiscal_year, 0);
  ASSERT_EQ(m.unknown_reasons.count("fiscal_year"), 1u);
  EXPECT_NE(m.unknown_reasons.at("fiscal_year").find("2022, 2023"),
            std::string::npos);
}

TEST(MetadataTest, RecognizesABlankTemplate) {
  ReportMeta m = DetectMetadata(FromLines(
      {"上海市 XX 局", "2024 年度部门决算", "目 录",
       "第一部分 上海市 XX 局概况",
       "上海市 XX 局 2024 年度收入支出总计 XXX 万元。与 2023 年度相比，"
       "收入支出总计增加（减少）XXX 万元，增长（下降）XX%。",
       "主要原因：XXXXXXXX。"}));
  EXPECT_TRUE(m.is_template);
  EXPECT_EQ(m.entity_name, "上海市XX局");
  EXPECT_EQ(m.region_code, "310000");
  EXPECT_EQ(m.fiscal_year, 2024);
  EXPECT_EQ(m.kind, "final_accounts");
  ASSERT_FALSE(m.template_markers.empty());
  EXPECT_EQ(m.template_markers[0], "市XX局");
  EXPECT_EQ(m.sources.count("is_template"), 1u);
  EXPECT_EQ(m.text_unit, "");  // no amount has a number
}

TEST(MetadataTest, PlaceholderYearInATemplateTitleIsNotAYear) {
  ReportMeta m = DetectMetadata(
      FromLines({"XX区XX局", "20XX年度部门预算", "目录", "一、部门主要职能"}));
  EXPECT_TRUE(m.is_template);
  EXPECT_EQ(m.fiscal_year, 0);
  EXPECT_EQ(m.kind, "budget");
  ASSERT_EQ(m.unknown_reasons.count("fiscal_year"), 1u);
  EXPECT_NE(m.unknown_reasons.at("fiscal_year").find("placeholder"),
            std::string::npos);
}

TEST(MetadataTest, AStrayPlaceholderDoesNotMakeATemplate) {
  ReportMeta m = DetectMetadata(
      FromLines({"上海市普陀区财政局", "2024年度部门决算", "目录",
                 "第二部分 上海市普陀区XX局2024年度部门决算表",
                 "2024年度收入支出总计2995.39万元。"}));
  EXPECT_FALSE(m.is_template);
  EXPECT_EQ(m.template_markers.size(), 1u);
  EXPECT_EQ(m.entity_name, "上海市普陀区财政局");
}

TEST(MetadataTest, AmbiguousRegionIsLeftEmptyWithCandidates) {
  ReportMeta m =
      DetectMetadata(FromLines({"普陀区财政局2024年度部门决算", "目录"}));
  EXPECT_EQ(m.entity_name, "普陀区财政局");
  EXPECT_EQ(m.region_code, "");
  ASSERT_EQ(m.unknown_reasons.count("region_code"), 1u);
  const std::string& why = m.unknown_reasons.at("region_code");
  EXPECT_NE(why.find("310107"), std::string::npos) << why;
  EXPECT_NE(why.find("330903"), std::string::npos) << why;
}

TEST(MetadataTest, SurvivesHostileText) {
  std::string long_line(20000, 'X');
  ReportMeta m = DetectMetadata(
      FromLines({"\xff\xfe"
                 "2023\xe5\xb9",
                 "年", "2023年", "决算", "2023年\xe5", long_line, "中共",
                 "中共中共", "：", "部门：", "部门：中共", "预算主管部门：\xff",
                 "2099年度部门决算", "1989年度部门决算"}));
  EXPECT_TRUE(m.fiscal_year == 0 ||
              (m.fiscal_year >= 1990 && m.fiscal_year <= 2099))
      << MetadataDebugString(m);
}

TEST(MetadataTest, EmptyDocumentHasReasonsForEverything) {
  ReportMeta m = DetectMetadata(FromLines({}));
  EXPECT_EQ(m.entity_name, "");
  EXPECT_EQ(m.fiscal_year, 0);
  EXPECT_FALSE(m.is_template);
  for (const char* f : {"entity_name", "region_code", "fiscal_year", "kind",
                        "scope", "text_unit"}) {
    EXPECT_EQ(m.unknown_reasons.count(f), 1u) << f;
  }
}

TEST(MetadataTest, SourcesPointAtThePrintedText) {
  NormalizedDocument nd = FromLines(
      {"巴中市巴州区人民政府办公室", "2023年度部门决算", "目录",
       "一、收入支出决算总体情况说明", "2023年度收、支总计均为1889.05万元。"});
  ReportMeta m = DetectMetadata(nd);
  auto text_at = [&](const Provenance& p) {
    return nd.blocks[static_cast<size_t>(p.block)].text.substr(
        static_cast<size_t>(p.norm_begin),
        static_cast<size_t>(p.norm_end - p.norm_begin));
  };
  EXPECT_EQ(text_at(m.sources.at("entity_name")), "巴中市巴州区人民政府办公室");
  EXPECT_EQ(text_at(m.sources.at("fiscal_year")), "2023年度");
  EXPECT_EQ(text_at(m.sources.at("kind")), "决算");
  EXPECT_EQ(text_at(m.sources.at("text_unit")), "1889.05万元");
  EXPECT_EQ(m.sources.at("entity_name").source, "test.pdf");
  EXPECT_EQ(m.sources.at("entity_name").page, 1);
  EXPECT_EQ(m.region_name, "四川省巴中市巴州区");
  EXPECT_EQ(m.region_level, "county");
}

// Mirrors cli/pipeline.h ExtractFile (the cli library is not linked into
// schema tests).
Result<NormalizedDocument> ReadAndNormalize(const std::string& path) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  ExtractOptions eo;
  eo.source_name = path;
  BUDGETDOC_ASSIGN_OR_RETURN(Document doc, Extract(bytes, eo));
  return Normalize(std::move(doc), NormalizeOptions{});
}

TEST(MetadataTest, SeedReportIsTheBazhouOffice2023FinalAccounts) {
  constexpr char kSeed[] = "seed/000_9dc78e9ed0af6947.txt";
  BUDGETDOC_SKIP_IF_NO_CORPUS(kSeed);
  Result<NormalizedDocument> nd = ReadAndNormalize(testing::CorpusPath(kSeed));
  ASSERT_TRUE(nd.ok()) << nd.status().ToString();
  ReportMeta m = DetectMetadata(*nd);
  EXPECT_EQ(m.entity_name, "巴中市巴州区人民政府办公室");
  EXPECT_EQ(m.region_code, "511902");
  EXPECT_EQ(m.region_name, "四川省巴中市巴州区");
  EXPECT_EQ(m.fiscal_year, 2023);
  EXPECT_EQ(m.kind, "final_accounts");
  EXPECT_EQ(m.scope, "部门");
  EXPECT_FALSE(m.is_template);
  EXPECT_EQ(m.text_unit, "万元");
  EXPECT_EQ(m.title, "");  // the seed has no title line
  EXPECT_TRUE(m.unknown_reasons.empty()) << MetadataDebugString(m);
}

}  // namespace
}  // namespace budgetdoc
