// GroupDefects: one finding per defect, and the order a reader wants.
//
// After every rule family has run, the failing results (material or minor;
// not those capped as not checked) are grouped:
//   - one wrong figure: results that share a printed figure (the same value
//     at the same place: block span or table cell) and whose sizes agree
//     (the same discrepancy in 万元, within 10 % + 0.02万元) are one finding
//     when one of them judges that figure (it is its printed value): two
//     shares of one total share the total but are two defects.
//     Its primary result is the one that judges the shared figure itself
//     (its printed value), else the material and larger one; the others are
//     listed under it (CheckResult::also), their evidence appended, and the
//     shared figure named (CheckResult::suspect). A figure shared by more
//     failing results is considered first. Results without a size (a
//     direction word, a missing table) are never grouped this way.
//   - a repeated slip: results of one rule with the same CheckResult::slip
//     in one section (the 一、-level section of a text block, or one table)
//     are one finding with all their places (CheckResult::places); in the
//     whole document when CheckResult::slip_anywhere.
// Then results are ordered: material first, largest first (size in 万元,
// then relative size), then minor, then the rest, each in run order.
// Nothing is dropped: every grouped result stays readable under its finding.
// Pure; deterministic. Tested by tests/check/defects_test.cc.
#ifndef BUDGETDOC_CHECK_DEFECTS_H_
#define BUDGETDOC_CHECK_DEFECTS_H_

#include "check/check.h"
#include "normalize/normalize.h"

namespace budgetdoc {

void GroupDefects(const NormalizedDocument& nd, CheckReport* report);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_DEFECTS_H_
