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

// What a failure of a rule means to a reader (issue 13). kBySize: minor
// when the printed figure is off by at most one unit of its last printed
// digit beyond the rounding tolerance (a truncation, a rounding slip),
// material beyond that. kMaterial: a wrong direction word, a wrong year, a
// missing table, a figure in the wrong column. kMinor: a label slip,
// template residue, a missing unit or % sign.
enum class FailureClass { kBySize, kMaterial, kMinor };
std::string_view FailureClassName(FailureClass c);  // "by size", ...

struct RuleSpec {
  std::string_view id;      // "sum.expenditure.basic_project"
  std::string_view family;  // sum | share | change | completion | agree |
                            // code | presentation | structure | review
  std::string_view zh;      // one line, Chinese
  std::string_view en;      // one line, English
  std::string_view identity;  // "本年支出合计 = 基本支出 + 项目支出 + …"
  FailureClass failure;         // what a failure is: material or minor
  std::string_view applies_to;  // final_accounts | budget | all
};

std::span<const RuleSpec> AllRules();
const RuleSpec* FindRule(std::string_view id);

// The table as Markdown (docs/checks.md).
std::string RulesMarkdown();

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_RULES_H_
