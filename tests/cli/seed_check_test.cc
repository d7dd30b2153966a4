// The seed report's findings, reviewed by hand against the text (see the
// closing note of the checks issue): these are the genuine inconsistencies,
// errors and rounding-level warnings, and nothing else may be an error.
#include "cli/pipeline.h"
#include "tests/testing/corpus.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace budgetdoc {
namespace {

constexpr char kSeed[] = "seed/000_9dc78e9ed0af6947.txt";

std::vector<std::string> Rules(const CheckReport& report, Severity severity) {
  std::vector<std::string> out;
  for (const CheckResult& r : report.results) {
    if ((r.outcome == Outcome::kFail || r.outcome == Outcome::kRounding) &&
        r.severity == severity) {
      out.push_back(r.rule);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SeedCheckTest, FindsTheGenuineInconsistenciesAndNoFalseError) {
  BUDGETDOC_SKIP_IF_NO_CORPUS(kSeed);
  Result<Analysis> a =
      AnalyzeFile(testing::CorpusPath(kSeed), PipelineOptions{});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  // Errors: 项目支出 36.6% is truncated (36.61) and its complement sums to
  // 99.99; “三公” shares 0 + 81.38 + 18.61 = 99.99 (81.39 truncated);
  // 机关运行经费 +21.05% should be 21.06% (38.65 / 183.53); 住房公积金（项）
  // printed under 社会保障和就业（类）; "决算数为1889.05" without a unit.
  EXPECT_EQ(
      Rules(a->report, Severity::kError),
      (std::vector<std::string>{"change.rate", "code.name_mismatch",
                                "presentation.missing_unit", "share.sum_100",
                                "share.sum_100", "share.truncated"}));
  // Rounding-level and softer findings: class sums 1889.04 vs 1889.05,
  // 975.36 + 222.18 = 1197.54 vs 1197.55, 公用经费 items 222.20 vs 222.18,
  // 81.38% within rounding alone, 出国 "完成预算0%" with no budget, the
  // glossary's 款 names, "1-9月" in a year-end report, self-evaluation 90 vs
  // 95.1 points.
  std::vector<std::string> warnings = Rules(a->report, Severity::kWarning);
  for (std::string_view rule :
       {"sum.func.classes", "sum.basic.personnel_public", "sum.econ.items",
        "share.recompute", "completion.zero_budget", "code.name_variant",
        "presentation.partial_period", "agree.performance_score"}) {
    EXPECT_NE(std::find(warnings.begin(), warnings.end(), rule), warnings.end())
        << rule;
  }
}

}  // namespace
}  // namespace budgetdoc
