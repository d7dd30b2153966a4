// JSON for the common schema (report metadata, facts, recognized tables) and
// for check results. Deterministic; see docs/output_schema.md and the JSON
// Schema printed by `budgetdoc schema`.
// Tested by tests/output/schema_json_test.cc.
#ifndef BUDGETDOC_OUTPUT_SCHEMA_JSON_H_
#define BUDGETDOC_OUTPUT_SCHEMA_JSON_H_

#include "base/json.h"
#include "base/json_stream.h"
#include "check/check.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <string_view>

namespace budgetdoc {

Json ReportMetaToJson(const ReportMeta& meta);
Json FactToJson(const Fact& f, const NormalizedDocument& nd);
Json ExtractionToJson(const NormalizedDocument& nd, const Extraction& ex);
void WriteCheckReport(const CheckReport& report, JsonWriter* w);
Json CheckReportToJson(const CheckReport& report);

// The whole result of `extract`: schema_version, source, format, report,
// facts, tables, findings, and the document (blocks, sections, mentions).
// Write* emit it element by element (a JsonStream prints it without
// building the tree; the CLI does so); *ToJson build the same value.
void WriteExtractOutput(const NormalizedDocument& nd, const Extraction& ex,
                        JsonWriter* w);
Json ExtractOutputToJson(const NormalizedDocument& nd, const Extraction& ex);

// The result of `check --format json`: ExtractionToJson's members plus
// schema_version, source, format, findings and checks.
void WriteCheckOutput(const NormalizedDocument& nd, const Extraction& ex,
                      const CheckReport& report, JsonWriter* w);

// The JSON Schema (draft 2020-12) of ExtractOutputToJson and of `check
// --format json`.
std::string_view OutputJsonSchema();

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_SCHEMA_JSON_H_
