// Check results on real reports of ../shared/corpus/real that the
// hand-labelled set (tests/labels, ctest labelled_real_set) does not cover:
// template recognition and a deleted table. Every other finding on the real
// reports is scored against the labels. Skips when the corpus is absent.
#include "cli/pipeline.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace budgetdoc {
namespace {

TEST(CorpusCheckTest, TheBlankTemplateIsRecognizedAsATemplate) {
  BUDGETDOC_SKIP_IF_NO_CORPUS("real/gbc_template_dept_final_accounts.pdf");
  Result<Analysis> a = AnalyzeFile(
      testing::CorpusPath("real/gbc_template_dept_final_accounts.pdf"),
      PipelineOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->ex.meta.is_template);
}

TEST(CorpusCheckTest, TheDeletedTableOfTheModifiedCopyIsReported) {
  const char* rel =
      "real/gbc_putuo_finance_2024_final_MODIFIED_testversion.pdf";
  BUDGETDOC_SKIP_IF_NO_CORPUS(rel);
  Result<Analysis> a = AnalyzeFile(testing::CorpusPath(rel), PipelineOptions{});
  ASSERT_TRUE(a.ok());
  bool found = false;
  for (const CheckResult& r : a->report.results) {
    found |= r.rule == "structure.tables_missing" &&
             r.outcome == Outcome::kFail &&
             r.message.find("“支出决算表”") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

// Printed percentages and 增/减 amounts of one file: accounted for (checked
// + not claims + unchecked), none a claim that no rule judges. Returns how
// many percentages.
size_t ExpectRatesAccounted(const std::filesystem::path& path) {
  Result<Analysis> a = AnalyzeFile(path.string(), PipelineOptions{});
  if (!a.ok()) return 0;
  for (const MentionCoverage* c : {&a->report.rates, &a->report.changes}) {
    EXPECT_EQ(c->printed, c->checked + c->not_claims + c->unchecked.size());
    for (const MentionCoverage::Unchecked& u : c->unchecked) {
      EXPECT_NE(u.reason, "no_rule")
          << path.filename() << ": " << u.text << " (" << u.detail << ") in 「"
          << u.quote << "」 is a claim no rule judges";
    }
  }
  return a->report.rates.printed;
}

// The same on every report we wrote (samples/, always present).
TEST(CorpusCheckTest, EveryPrintedRateOfTheSamplesIsAccountedFor) {
  size_t printed = 0, files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           BUDGETDOC_SOURCE_DIR "/samples")) {
    std::string ext = entry.path().extension().string();
    if (ext != ".pdf" && ext != ".txt" && ext != ".docx" && ext != ".html")
      continue;
    if (entry.path().string().find("/expected/") != std::string::npos ||
        entry.path().filename() == "README.txt")
      continue;
    ++files;
    printed += ExpectRatesAccounted(entry.path());
  }
  EXPECT_GT(files, 50u);
  EXPECT_GT(printed, 1000u);
}

// Every percentage printed in the text of every real report is judged by
// a rule or classified with a reason: none is a claim that no rule judges.
TEST(CorpusCheckTest, EveryPrintedRateIsAccountedFor) {
  BUDGETDOC_SKIP_IF_NO_CORPUS("real/gbc_putuo_finance_2024_final.pdf");
  size_t printed = 0, files = 0;
  for (const char* dir : {"real", "real-text"}) {
    std::string root = testing::CorpusDir() + "/" + dir;
    if (!std::filesystem::is_directory(root)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(root)) {
      std::string ext = entry.path().extension().string();
      if (ext != ".pdf" && ext != ".txt") continue;
      ++files;
      printed += ExpectRatesAccounted(entry.path());
    }
  }
  EXPECT_GT(files, 10u);
  EXPECT_GT(printed, 200u);
}

}  // namespace
}  // namespace budgetdoc
