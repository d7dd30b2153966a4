// Check results on real reports of ../shared/corpus/real that the
// hand-labelled set (tests/labels, ctest labelled_real_set) does not cover:
// template recognition and a deleted table. Every other finding on the real
// reports is scored against the labels. Skips when the corpus is absent.
#include "cli/pipeline.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

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
             r.message.find("FA03") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace budgetdoc
