// Verdicts: what a rule application means to a reader, decided one way for
// every rule — those of one report (check/context.h) and those across
// reports (check/cross_document.h) — so that their findings classify and
// rank alike.
//  - SizeFailure: a numeric failure is minor when it is off by at most one
//    unit of the printed figure's last digit beyond the rounding tolerance
//    (a rate other than a share: a fifth of a unit, or the truncation),
//    else material; its size in 万元 and relative to the expected figure.
//  - SettleVerdict: the verdict of every outcome (agreement at printed
//    precision is a pass, within_rounding when the figures differ by
//    rounding), a failure's class from its rule (by size, always material,
//    always minor), nothing material or minor on a value recognized by OCR
//    or read from an unreliable page (not_checked with the reason), and
//    the severity (error for material, warning for minor, else info).
//  - RanksBefore: the order a reader wants: material first, largest first
//    (万元, then relative size), then minor, then the rest.
// Pure functions; thread-safe. Tested by tests/check/verdict_test.cc.
#ifndef BUDGETDOC_CHECK_VERDICT_H_
#define BUDGETDOC_CHECK_VERDICT_H_

#include "base/decimal.h"
#include "check/check.h"
#include "check/judge.h"
#include "check/rules.h"

#include <string_view>

namespace budgetdoc {

// Sets r->verdict (material or minor), r->size_wan and r->size_rel of a
// failing judgment of `rule` printed in `unit` ("万元", "%", or another).
// `percent_base`: for a percentage, the amount it is a percentage of (its
// points applied to it give the size in 万元); ignored otherwise.
// REQUIRES: j.outcome == Outcome::kFail.
void SizeFailure(const Judgment& j, std::string_view rule,
                 std::string_view unit, const Decimal& percent_base,
                 CheckResult* r);

// How far the values a result rests on can be trusted.
struct Reliability {
  bool misread = false;     // a value recognized (OCR) with low confidence
  bool recognized = false;  // a value recognized (OCR) from a page image
  bool unreadable = false;  // a value on a page that could not be read
};

// The reliability its evidence records (Evidence::low_confidence,
// Evidence::ocr_confidence); pages are the caller's to judge.
Reliability ReliabilityOfEvidence(const CheckResult& r);

// Sets r->verdict from r->outcome (keeping a failure's size verdict for a
// rule classed by size), caps material and minor on unreliable values
// (r->capped, the reason appended to the message) and sets r->severity.
void SettleVerdict(FailureClass failure, const Reliability& reliability,
                   bool english, CheckResult* r);

// Whether a is read before b: material first, largest first, then minor,
// then every other verdict (equal among themselves: use a stable sort).
bool RanksBefore(const CheckResult& a, const CheckResult& b);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_VERDICT_H_
