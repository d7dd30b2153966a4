// JSON views of each stage's result, deterministic (sorted keys, no
// timestamps) and carrying schema_version.
// Tested by tests/output/json_writer_test.cc.
#ifndef BUDGETDOC_OUTPUT_JSON_WRITER_H_
#define BUDGETDOC_OUTPUT_JSON_WRITER_H_

#include "base/json.h"
#include "base/json_stream.h"
#include "normalize/normalize.h"

namespace budgetdoc {

Json ProvenanceToJson(const Provenance& p);
Json FindingToJson(const Finding& f);

// The extracted and normalized document: blocks (raw and normalized text),
// tables with cell states, charts, pages, sections, mentions, findings.
// Written element by element (memory stays that of one element beyond the
// document); NormalizedDocumentToJson builds the same value as a tree.
void WriteNormalizedDocument(const NormalizedDocument& nd, JsonWriter* w);
Json NormalizedDocumentToJson(const NormalizedDocument& nd);

// The findings raised while extracting and normalizing, as an array.
void WriteDocumentFindings(const NormalizedDocument& nd, JsonWriter* w);

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_JSON_WRITER_H_
