// Tests the report-in-several-files pipeline (AnalyzeBundleBytes,
// cli/pipeline.h; schema/bundle.h) on a generated report split into its
// narrative and its tables, with and without a planted cross-file error,
// and on the Jiangsu reports of ../shared/corpus published as two PDFs.
#include "base/file_io.h"
#include "cli/pipeline.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace budgetdoc {
namespace {

constexpr char kReport[] =
    BUDGETDOC_SOURCE_DIR "/samples/generated/c01_final_education.txt";
constexpr char kTablesStart[] = "第四部分 附表\n";

struct Halves {
  std::string narrative, tables;
};

// The generated report cut where its tables start; the tables file gets a
// title line of its own, as published tables files have.
Halves Split() {
  Result<std::string> text = ReadFile(kReport);
  EXPECT_TRUE(text.ok());
  if (!text.ok()) return {};
  size_t cut = text->find(kTablesStart);
  EXPECT_NE(cut, std::string::npos);
  return {text->substr(0, cut),
          "巴中市巴州区教育局2016年度部门决算公开报表\n\n" + text->substr(cut)};
}

Analysis Bundle(const Halves& h) {
  PipelineOptions options;
  Result<Analysis> a = AnalyzeBundleBytes(
      {{"narrative.txt", h.narrative}, {"tables.txt", h.tables}}, options);
  EXPECT_TRUE(a.ok()) << a.status().message();
  return a.ok() ? std::move(*a) : Analysis{};
}

Analysis Whole(std::string_view bytes, const std::string& name) {
  PipelineOptions options;
  options.extract.source_name = name;
  Result<Analysis> a = AnalyzeBytes(bytes, options);
  EXPECT_TRUE(a.ok()) << a.status().message();
  return a.ok() ? std::move(*a) : Analysis{};
}

std::multiset<std::pair<std::string, std::string>> Outcomes(
    const CheckReport& r) {
  std::multiset<std::pair<std::string, std::string>> out;
  for (const CheckResult& c : r.results) {
    out.insert({c.rule, std::string(OutcomeName(c.outcome))});
  }
  return out;
}

size_t Failures(const CheckReport& r) { return r.Count(Outcome::kFail); }

TEST(BundleTest, ASplitReportChecksAsTheWholeReportDoes) {
  Halves h = Split();
  Result<std::string> text = ReadFile(kReport);
  ASSERT_TRUE(text.ok());
  Analysis whole = Whole(*text, "whole.txt");
  Analysis bundle = Bundle(h);
  EXPECT_EQ(Failures(whole.report), 0u);
  EXPECT_EQ(Failures(bundle.report), 0u);
  // Narrative figures are compared with the tables of the other file, as in
  // the one-file report.
  EXPECT_EQ(Outcomes(bundle.report), Outcomes(whole.report));
  EXPECT_EQ(bundle.ex.meta.entity_name, "巴中市巴州区教育局");
  EXPECT_EQ(bundle.ex.meta.fiscal_year, 2016);
  EXPECT_EQ(bundle.ex.facts.size(), whole.ex.facts.size());
}

TEST(BundleTest, TheNarrativeAloneMissesItsTablesAndTheBundleDoesNot) {
  Halves h = Split();
  Analysis alone = Whole(h.narrative, "narrative.txt");
  Analysis bundle = Bundle(h);
  auto outcome = [](const Analysis& a) {
    for (const CheckResult& c : a.report.results) {
      if (c.rule == "structure.tables_missing") return c.outcome;
    }
    return Outcome::kNotApplicable;
  };
  EXPECT_EQ(outcome(alone), Outcome::kNotChecked);
  EXPECT_EQ(outcome(bundle), Outcome::kPass);
}

TEST(BundleTest, EveryFactNamesTheFileItWasPrintedIn) {
  Analysis bundle = Bundle(Split());
  std::map<std::string, int> by_origin_source;
  for (const Fact& f : bundle.ex.facts) {
    std::string key = std::string(OriginName(f.origin)) + " " + f.where.source;
    ++by_origin_source[key];
  }
  EXPECT_GT(by_origin_source["narrative narrative.txt"], 20);
  EXPECT_GT(by_origin_source["table tables.txt"], 20);
  EXPECT_EQ(by_origin_source["table narrative.txt"], 0);
  EXPECT_EQ(by_origin_source["narrative tables.txt"], 0);
}

TEST(BundleTest, FindsAFigureOfTheNarrativeThatItsTablesFilePrintsOtherwise) {
  Halves h = Split();
  // The narrative prints 1133.59万元; the tables file now prints 1133.95.
  const std::string from = "1133.59", to = "1133.95";
  size_t n = 0;
  for (size_t at; (at = h.tables.find(from)) != std::string::npos; ++n) {
    h.tables.replace(at, from.size(), to);
  }
  ASSERT_GT(n, 0u);
  ASSERT_NE(h.narrative.find(from), std::string::npos);
  Analysis bundle = Bundle(h);
  bool found = false;
  for (const CheckResult& c : bundle.report.results) {
    if (c.outcome != Outcome::kFail || c.rule.rfind("agree", 0) != 0) continue;
    std::set<std::string> sources;
    for (const Evidence& e : c.evidence) sources.insert(e.where.source);
    if (sources.count("narrative.txt") && sources.count("tables.txt")) {
      found = true;
      for (const Evidence& e : c.evidence) {
        EXPECT_EQ(e.location.rfind(e.where.source + ": ", 0), 0u) << e.location;
      }
    }
  }
  EXPECT_TRUE(found);
}

TEST(BundleTest, AJiangsuReportInTwoPdfsChecksAsOneReport) {
  for (const std::string report :
       {"real/ob_js_party_office_2019_dept_budget",
        "real/ob_js_cppcc_office_2017_dept_budget"}) {
    BUDGETDOC_SKIP_IF_NO_CORPUS(report + "_text.pdf");
    BUDGETDOC_SKIP_IF_NO_CORPUS(report + "_tables.pdf");
    const std::string text = testing::CorpusPath(report + "_text.pdf");
    const std::string tables = testing::CorpusPath(report + "_tables.pdf");
    Result<Analysis> a = AnalyzeFiles({text, tables}, PipelineOptions{});
    ASSERT_TRUE(a.ok()) << a.status().message();
    // No standard table missing (as the JSON's missing_tables counts).
    const Extraction& ex = a->ex;
    EXPECT_FALSE(ex.expected_tables.empty()) << report;
    for (const std::string& id : ex.expected_tables) {
      bool found = std::find(ex.titled_tables.begin(), ex.titled_tables.end(),
                             id) != ex.titled_tables.end();
      for (const RecognizedTable& t : ex.tables) found |= t.canonical_id == id;
      EXPECT_TRUE(found) << report << " " << id;
    }
    EXPECT_EQ(a->ex.meta.fiscal_year,
              report.find("2019") != std::string::npos ? 2019 : 2017);
    // Narrative figures of the text file compared with the tables file.
    size_t across = 0;
    for (const CheckResult& c : a->report.results) {
      std::set<std::string> sources;
      for (const Evidence& e : c.evidence) sources.insert(e.where.source);
      across += sources.count(text) > 0 && sources.count(tables) > 0;
    }
    EXPECT_GE(across, 5u) << report;
    // The only material finding is the labelled one (tests/labels/
    // ob_js_party_office_2019_dept_budget.labels D1: 住房保障 up 878.93 on
    // 3015.16 = 29.15 %, printed 30 %).
    for (const CheckResult& c : a->report.results) {
      if (c.verdict != Verdict::kMaterial) continue;
      EXPECT_EQ(c.rule + " " + c.printed, "change.rate 30%") << report;
    }
  }
}

TEST(BundleTest, AFileThatCannotBeReadFailsTheReportNamingIt) {
  PipelineOptions options;
  Result<Analysis> a =
      AnalyzeFiles({kReport, "/nonexistent/tables.pdf"}, options);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("/nonexistent/tables.pdf"),
            std::string::npos);
}

}  // namespace
}  // namespace budgetdoc
