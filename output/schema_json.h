// JSON for the common schema (report metadata, facts, recognized tables) and
// for check results. Deterministic; see docs/output_schema.md and the JSON
// Schema printed by `budgetdoc schema`.
// Tested by tests/output/schema_json_test.cc.
#ifndef BUDGETDOC_OUTPUT_SCHEMA_JSON_H_
#define BUDGETDOC_OUTPUT_SCHEMA_JSON_H_

#include "base/json.h"
#include "check/check.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <string_view>

namespace budgetdoc {

Json ReportMetaToJson(const ReportMeta& meta);
Json FactToJson(const Fact& f, const NormalizedDocument& nd);
Json ExtractionToJson(const NormalizedDocument& nd, const Extraction& ex);
Json CheckReportToJson(const CheckReport& report);

// The whole result of `extract`: schema_version, source, format, report,
// facts, tables, findings, and the document (blocks, sections, mentions).
Json ExtractOutputToJson(const NormalizedDocument& nd, const Extraction& ex);

// The JSON Schema (draft 2020-12) of ExtractOutputToJson and of `check
// --format json`.
std::string_view OutputJsonSchema();

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_SCHEMA_JSON_H_
