// The sum identities of schema/data/sum_rules.tsv: total = Σ parts over
// metrics of the common schema, applied by check/sums_checks.cc to every
// group of facts and listed with the other rules (check/rules.h). Adding a
// row there is adding a rule: no code.
// Immutable after first use; thread-safe. Tested by tests/check/rules_test.cc.
#ifndef BUDGETDOC_CHECK_SUM_RULES_H_
#define BUDGETDOC_CHECK_SUM_RULES_H_

#include <string>
#include <vector>

namespace budgetdoc {

struct SumRuleSpec {
  std::string id;                  // "sum.three_public.total"
  std::string total;               // metric id
  std::vector<std::string> parts;  // metric ids
  bool complete_only = false;      // judged only when every part is printed
  std::string zh, en, identity, applies_to;
};

// The rows of the table, in file order. A malformed table (a programming
// error a test catches first) aborts with the file and line.
const std::vector<SumRuleSpec>& SumRules();

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_SUM_RULES_H_
