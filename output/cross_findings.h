// Cross-document results (check/cross_document.h) as JSON and as text: what
// `budgetdoc compare` prints and the batch database stores.
// JSON: one object per result — {"link", "documents", and the fields of a
// check result (output/schema_json.h: rule, outcome, severity, message,
// printed, expected, difference, tolerance, hint, reason, evidence)}.
// Pure; thread-safe. Tested by tests/output/cross_findings_test.cc.
#ifndef BUDGETDOC_OUTPUT_CROSS_FINDINGS_H_
#define BUDGETDOC_OUTPUT_CROSS_FINDINGS_H_

#include "base/json.h"
#include "check/cross_document.h"

#include <string>
#include <vector>

namespace budgetdoc {

Json CrossResultToJson(const CrossResult& r);

// {"documents": [{id, path, entity_name, region_code, fiscal_year, kind,
// scope}], "results": [...], "summary": {outcome: count, errors, warnings}}.
Json CrossReportToJson(const std::vector<CrossDocument>& docs,
                       const std::vector<CrossResult>& results);

// The documents, then the results grouped and ordered as `check` orders its
// own (check/verdict.h: material, largest first; minor; not checked; notes),
// then the number of passes (agreement at printed precision included).
std::string RenderCrossText(const std::vector<CrossDocument>& docs,
                            const std::vector<CrossResult>& results,
                            bool english);

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_CROSS_FINDINGS_H_
