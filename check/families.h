// The rule families of the checker, one file each (check/<family>.cc), run
// in this order by RunChecks over one shared CheckContext. Each family
// applies the rules of check/rules.h whose family it is.
// Internal to check/. Tested through tests/check/*_test.cc.
#ifndef BUDGETDOC_CHECK_FAMILIES_H_
#define BUDGETDOC_CHECK_FAMILIES_H_

#include "check/context.h"

namespace budgetdoc {

// Sum identities of prose and tables: totals against their parts (sum.*).
// check/sums_checks.cc
void RunSumChecks(const CheckContext& cx);
// Table rows and columns add up; values shifted into the wrong column.
// check/tables_checks.cc
void RunTableChecks(const CheckContext& cx);
// Shares against their amounts and bases; shares of one breakdown sum to 100.
// check/shares_checks.cc
void RunShareChecks(const CheckContext& cx);
// Changes against last year: amount, rate, direction, zero base.
// check/changes_checks.cc
void RunChangeChecks(const CheckContext& cx);
// Completion rates against actual and budget; 决算数大于/小于预算数.
// check/completion_checks.cc
void RunCompletionChecks(const CheckContext& cx);
// One figure printed in several places agrees; counts, administrative cost,
// performance scores. check/agreement_checks.cc
void RunAgreementChecks(const CheckContext& cx);
// 类/款/项 names against the classification catalog. check/codes_checks.cc
void RunCodeChecks(const CheckContext& cx);
// Presentation: units, % signs, template residue, years, partial periods.
// check/presentation_checks.cc
void RunPresentationChecks(const CheckContext& cx);
// Performance forms: their funds add up; a self-evaluation's execution
// rates and scores; the text's total for the projects with targets against
// their forms. check/performance_checks.cc
void RunPerformanceChecks(const CheckContext& cx);
// Structure: mandatory tables, empty-table statements, 部门/单位 wording.
// check/structure_checks.cc
void RunStructureChecks(const CheckContext& cx);
// The reviewer's checklist: comparison years, former class names, empty
// notes under tables with figures, punctuation, quotation marks, blank
// pages, text that does not render, section order, 本部门 in a 单位 report.
// check/review_checks.cc
void RunReviewChecks(const CheckContext& cx);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_FAMILIES_H_
