// AccountPrintedRates: what became of every percentage printed in the text
// (issue: every printed rate ends in a rule application or in a reason).
//
// A percentage mention of a text block is
//   - checked: a rule application names it in its evidence (any outcome,
//     including not checked and passes beyond the per-rule cap);
//   - not a claim: the claims reader left it unclaimed as a policy rate, a
//     target, a threshold, a score, a reason's or a purpose's component,
//     a non-fiscal figure or template residue;
//   - unchecked, with the reason: its subject or role could not be told
//     (subject_unknown, no_role), or it is a claim no rule judges (no_rule,
//     the detail naming its role).
// Pure; deterministic. Tested by tests/check/coverage_test.cc.
#ifndef BUDGETDOC_CHECK_COVERAGE_H_
#define BUDGETDOC_CHECK_COVERAGE_H_

#include "check/check.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <set>
#include <utility>

namespace budgetdoc {

// `judged`: (block, normalized begin) of the values rule applications
// named (CheckContext::State::judged).
MentionCoverage AccountPrintedRates(
    const NormalizedDocument& nd, const Extraction& ex,
    const std::set<std::pair<int, int>>& judged);

// AccountPrintedChanges: the same for every 增/减 amount of the text — an
// amount the claims read as a change, or one printed right after a
// direction word (增加, 减少, 增长, 下降…). A change claim that no rule
// judged and whose claim prints neither last year's figure nor a rate is
// unchecked with reason no_prior (nothing to recompute it from).
MentionCoverage AccountPrintedChanges(
    const NormalizedDocument& nd, const Extraction& ex,
    const std::set<std::pair<int, int>>& judged);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_COVERAGE_H_
