// DetectMetadata on every PDF of the shared corpus (../shared/corpus/real),
// against the metadata its README lists (body, year, kind) and the titles
// read with pdftotext. Each PDF is its own test; it is skipped when the
// corpus is absent or while PDF reading is not built yet.
#include "base/file_io.h"
#include "extract/extract.h"
#include "schema/metadata.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

struct CorpusCase {
  const char* file;  // under corpus/real/
  const char* entity;
  const char* region;
  const char* region_level;
  int year;
  const char* kind;
  const char* scope;
  bool is_template;
  const char* unit;  // narrative unit
};

const CorpusCase kCases[] = {
    {"gbc_putuo_finance_2024_final.pdf", "上海市普陀区财政局", "310107",
     "county", 2024, "final_accounts", "部门", false, "万元"},
    // Errors planted by a third party (one "XX局", a heading with another
    // year) must not change what the report is.
    {"gbc_putuo_finance_2024_final_MODIFIED_testversion.pdf",
     "上海市普陀区财政局", "310107", "county", 2024, "final_accounts", "部门",
     false, "万元"},
    {"gbc_putuo_social_work_dept_2024_final.pdf",
     "中共上海市普陀区委社会工作部", "310107", "county", 2024, "final_accounts",
     "部门", false, "万元"},
    // The blank template prints one example amount (in 万元).
    {"gbc_template_dept_final_accounts.pdf", "上海市XX局", "310000", "province",
     2024, "final_accounts", "部门", true, "万元"},
    {"gbc_putuo_govoffice_2025_dept_budget.pdf", "上海市普陀区人民政府办公室",
     "310107", "county", 2025, "budget", "部门", false, "万元"},
    {"gbc_putuo_commerce_2025_dept_budget.pdf", "上海市普陀区商务委员会",
     "310107", "county", 2025, "budget", "部门", false, "万元"},
    {"tb_putuo_wanli_jiedao_2023_budget.pdf",
     "上海市普陀区人民政府万里街道办事处", "310107", "county", 2023, "budget",
     "部门", false, "万元"},
    {"tb_putuo_finance_2025_dept_budget.pdf", "上海市普陀区财政局", "310107",
     "county", 2025, "budget", "部门", false, "万元"},
    {"tb_shanghai_finance_bureau_2025_unit_budget.pdf", "上海市财政局",
     "310000", "province", 2025, "budget", "单位", false, "万元"},
    {"ob_js_npc_office_2017_dept_budget.pdf", "江苏省人大常委会办公厅",
     "320000", "province", 2017, "budget", "部门", false, "万元"},
    {"ob_js_procuratorate_2018_dept_budget.pdf", "江苏省人民检察院", "320000",
     "province", 2018, "budget", "部门", false, "万元"},
    // Two PDFs of one report each: the narrative names the body as its
    // title prints it; the tables carry "部门：…" on every page.
    {"ob_js_party_office_2019_dept_budget_text.pdf", "江苏省委办公厅", "320000",
     "province", 2019, "budget", "部门", false, "万元"},
    {"ob_js_party_office_2019_dept_budget_tables.pdf", "中共江苏省委办公厅",
     "320000", "province", 2019, "budget", "部门", false, ""},
    {"ob_js_cppcc_office_2017_dept_budget_text.pdf", "江苏省政协办公厅",
     "320000", "province", 2017, "budget", "部门", false, "万元"},
    {"ob_js_cppcc_office_2017_dept_budget_tables.pdf", "江苏省政协办公厅",
     "320000", "province", 2017, "budget", "部门", false, ""},
    {"ob_js_high_court_2019_dept_budget.pdf", "江苏省高级人民法院", "320000",
     "province", 2019, "budget", "部门", false, "万元"},
};

void PrintTo(const CorpusCase& c, std::ostream* os) { *os << c.file; }

// Mirrors cli/pipeline.h ExtractFile (the cli library is not linked into
// schema tests).
Result<NormalizedDocument> ReadAndNormalize(const std::string& path) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  ExtractOptions eo;
  eo.source_name = path;
  BUDGETDOC_ASSIGN_OR_RETURN(Document doc, Extract(bytes, eo));
  return Normalize(std::move(doc), NormalizeOptions{});
}

// Reads a corpus PDF, or skips the test: corpus absent, or PDF reading not
// built yet. Any other failure is a test failure.
#define READ_CORPUS_PDF_OR_SKIP(rel, nd)                            \
  BUDGETDOC_SKIP_IF_NO_CORPUS(rel);                                 \
  Result<NormalizedDocument> nd##_result =                          \
      ReadAndNormalize(testing::CorpusPath(rel));                   \
  if (!nd##_result.ok() &&                                          \
      nd##_result.status().code() == StatusCode::kUnsupported &&    \
      nd##_result.status().message().find("not built yet") !=       \
          std::string::npos) {                                      \
    GTEST_SKIP() << "PDF reading is not built yet: "                \
                 << nd##_result.status().ToString();                \
  }                                                                 \
  ASSERT_TRUE(nd##_result.ok()) << nd##_result.status().ToString(); \
  const NormalizedDocument& nd = *nd##_result

class MetadataCorpusTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(MetadataCorpusTest, DetectsBodyRegionYearKindScopeAndUnit) {
  const CorpusCase& c = GetParam();
  std::string rel = std::string("real/") + c.file;
  READ_CORPUS_PDF_OR_SKIP(rel, nd);
  ReportMeta m = DetectMetadata(nd);
  SCOPED_TRACE(MetadataDebugString(m));
  if (std::getenv("BUDGETDOC_PRINT_METADATA") != nullptr) {
    std::printf("%s\n%s\n", c.file, MetadataDebugString(m).c_str());
  }
  EXPECT_EQ(m.entity_name, c.entity);
  EXPECT_EQ(m.region_code, c.region);
  EXPECT_EQ(m.region_level, c.region_level);
  EXPECT_EQ(m.fiscal_year, c.year);
  EXPECT_EQ(m.kind, c.kind);
  EXPECT_EQ(m.scope, c.scope);
  EXPECT_EQ(m.is_template, c.is_template);
  EXPECT_EQ(m.text_unit, c.unit);
  EXPECT_EQ(m.sources.count("entity_name"), 1u);
  EXPECT_EQ(m.sources.count("fiscal_year"), 1u);
}

std::string CaseName(const ::testing::TestParamInfo<CorpusCase>& info) {
  std::string name = info.param.file;
  name = name.substr(0, name.find('.'));
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(RealReports, MetadataCorpusTest,
                         ::testing::ValuesIn(kCases), CaseName);

// The two halves of a Jiangsu report agree on what the report is.
TEST(MetadataCorpusPairTest, NarrativeAndTablesPdfsDescribeTheSameReport) {
  const char* pairs[][2] = {
      {"real/ob_js_party_office_2019_dept_budget_text.pdf",
       "real/ob_js_party_office_2019_dept_budget_tables.pdf"},
      {"real/ob_js_cppcc_office_2017_dept_budget_text.pdf",
       "real/ob_js_cppcc_office_2017_dept_budget_tables.pdf"},
  };
  for (const auto& pair : pairs) {
    SCOPED_TRACE(pair[0]);
    READ_CORPUS_PDF_OR_SKIP(pair[0], text);
    READ_CORPUS_PDF_OR_SKIP(pair[1], tables);
    ReportMeta a = DetectMetadata(text), b = DetectMetadata(tables);
    EXPECT_EQ(a.region_code, b.region_code);
    EXPECT_EQ(a.fiscal_year, b.fiscal_year);
    EXPECT_EQ(a.kind, b.kind);
    // The tables name the body in full ("中共…"); the narrative may not.
    EXPECT_TRUE(
        b.entity_name.size() >= a.entity_name.size() &&
        b.entity_name.compare(b.entity_name.size() - a.entity_name.size(),
                              std::string::npos, a.entity_name) == 0)
        << a.entity_name << " vs " << b.entity_name;
  }
}

}  // namespace
}  // namespace budgetdoc
