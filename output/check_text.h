// The human-readable check report: what the report is (unit, region, year,
// kind), then findings grouped by severity — each with its explanation,
// printed vs expected, and the quoted evidence with its page or section —
// then what was not checked and why. Chinese by default.
// Tested by tests/output/check_text_test.cc.
#ifndef BUDGETDOC_OUTPUT_CHECK_TEXT_H_
#define BUDGETDOC_OUTPUT_CHECK_TEXT_H_

#include "check/check.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <string>

namespace budgetdoc {

std::string RenderCheckText(const NormalizedDocument& nd, const Extraction& ex,
                            const CheckReport& report, bool english);

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_CHECK_TEXT_H_
