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

std::map<FactKey, int> NarrativeFacts(const std::string& rel) {
  Result<Analysis> a = AnalyzeFile(testing::SourcePath(rel), PipelineOptions{});
  EXPECT_TRUE(a.ok()) << rel << ": " << a.status().ToString();
  std::map<FactKey, int> out;
  if (!a.ok()) return out;
  for (const Fact& f : a->ex.facts) {
    if (f.origin != Origin::kNarrative) continue;
    out[{f.metric, std::string(MeasureName(f.measure)), f.value.ToString()}]++;
  }
  return out;
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

}  // namespace
}  // namespace budgetdoc
