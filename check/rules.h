// The rule table: every consistency rule with a stable id, its family, a
// one-line description in Chinese and English, the identity in symbols, the
// severity of a failure and what it applies to. docs/checks.md is generated
// from this table (budgetdoc rules --markdown) and a test keeps it current.
// Tested by tests/check/rules_test.cc.
#ifndef BUDGETDOC_CHECK_RULES_H_
#define BUDGETDOC_CHECK_RULES_H_

#include "base/finding.h"

#include <span>
#include <string>
#include <string_view>

namespace budgetdoc {

struct RuleSpec {
  std::string_view id;      // "sum.expenditure.basic_project"
  std::string_view family;  // sum | share | change | completion | agree |
                            // code | presentation | structure
  std::string_view zh;      // one line, Chinese
  std::string_view en;      // one line, English
  std::string_view identity;  // "本年支出合计 = 基本支出 + 项目支出 + …"
  Severity severity;            // of a failure (rounding is always a warning)
  std::string_view applies_to;  // final_accounts | budget | all
};

std::span<const RuleSpec> AllRules();
const RuleSpec* FindRule(std::string_view id);

// The table as Markdown (docs/checks.md).
std::string RulesMarkdown();

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_RULES_H_
