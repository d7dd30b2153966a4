// The same report as text, DOCX, HTML and PDF gives the same facts.
#include "cli/pipeline.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

namespace budgetdoc {
namespace {

using FactKey = std::tuple<std::string, std::string,
                           std::string>;  // metric, measure, value

// Facts of the given origins, keyed by metric, measure and value (table
// facts also by origin and code: "table income.by_func 2010301").
std::map<FactKey, int> FactsOf(const std::string& rel,
                               std::initializer_list<Origin> origins) {
  Result<Analysis> a = AnalyzeFile(testing::SourcePath(rel), PipelineOptions{});
  EXPECT_TRUE(a.ok()) << rel << ": " << a.status().ToString();
  std::map<FactKey, int> out;
  if (!a.ok()) return out;
  for (const Fact& f : a->ex.facts) {
    bool wanted = false;
    for (Origin o : origins) wanted |= f.origin == o;
    if (!wanted) continue;
    std::string metric = f.metric;
    if (f.origin != Origin::kNarrative) {
      metric = std::string(OriginName(f.origin)) + " " + metric;
      if (!f.code.empty()) metric += " " + f.code;
    }
    out[{metric, std::string(MeasureName(f.measure)), f.value.ToString()}]++;
  }
  return out;
}

std::map<FactKey, int> NarrativeFacts(const std::string& rel) {
  return FactsOf(rel, {Origin::kNarrative});
}

std::string Diff(const std::map<FactKey, int>& a,
                 const std::map<FactKey, int>& b) {
  std::string out;
  for (const auto& [k, n] : a) {
    auto it = b.find(k);
    int m = it == b.end() ? 0 : it->second;
    if (m != n) {
      out += std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k) +
             ": " + std::to_string(n) + " vs " + std::to_string(m) + "\n";
    }
  }
  for (const auto& [k, m] : b) {
    if (a.find(k) == a.end()) {
      out += std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k) +
             ": 0 vs " + std::to_string(m) + "\n";
    }
  }
  return out;
}

TEST(CrossFormatTest, TextAndDocxOfOurSampleGiveTheSameFacts) {
  std::map<FactKey, int> text =
      NarrativeFacts("samples/text_docx_report/input.txt");
  std::map<FactKey, int> docx =
      NarrativeFacts("samples/docx_report/input.docx");
  EXPECT_FALSE(text.empty());
  EXPECT_EQ(Diff(text, docx), "");
}

TEST(CrossFormatTest, GeneratedReportGivesTheSameNarrativeFactsInEveryFormat) {
  for (std::string name : {"c01_final_education", "c03_budget_govoffice"}) {
    std::map<FactKey, int> txt =
        NarrativeFacts("samples/generated/" + name + ".txt");
    ASSERT_GT(txt.size(), 20u) << name;
    for (std::string ext : {"docx", "html", "pdf"}) {
      EXPECT_EQ(
          Diff(txt, NarrativeFacts("samples/generated/" + name + "." + ext)),
          "")
          << name << "." << ext;
    }
  }
}

// Every fact, narrative, table and chart, of the four clean generated
// reports is the same in DOCX, HTML and PDF as in the text. (PDF charts are
// drawings: their data is not read, so PDF is compared without charts.)
TEST(CrossFormatTest,
     GeneratedReportsGiveTheSameFactsOfEveryOriginInEveryFormat) {
  for (std::string name : {"c01_final_education", "c02_final_finance",
                           "c03_budget_govoffice", "c04_budget_audit"}) {
    std::string base = "samples/generated/" + name;
    std::initializer_list<Origin> all = {Origin::kNarrative, Origin::kTable,
                                         Origin::kChart};
    std::initializer_list<Origin> no_charts = {Origin::kNarrative,
                                               Origin::kTable};
    std::map<FactKey, int> txt = FactsOf(base + ".txt", all);
    ASSERT_GT(txt.size(), 100u) << name;
    EXPECT_EQ(Diff(txt, FactsOf(base + ".docx", all)), "") << name << ".docx";
    EXPECT_EQ(Diff(txt, FactsOf(base + ".html", all)), "") << name << ".html";
    EXPECT_EQ(Diff(FactsOf(base + ".txt", no_charts),
                   FactsOf(base + ".pdf", no_charts)),
              "")
        << name << ".pdf";
  }
}

}  // namespace
}  // namespace budgetdoc
