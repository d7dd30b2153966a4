// MapToSchema: a normalized document into the common schema — report
// metadata, facts from prose, charts and tables, recognized standard tables,
// and the printed precision judged for the document. Cannot fail.
// Pure; thread-safe. Tested by tests/schema/mapper_test.cc.
#ifndef BUDGETDOC_SCHEMA_MAPPER_H_
#define BUDGETDOC_SCHEMA_MAPPER_H_

#include "normalize/normalize.h"
#include "schema/extraction.h"

namespace budgetdoc {

Extraction MapToSchema(const NormalizedDocument& nd);

// The same with metadata already known (a report in several files,
// schema/bundle.h): `meta` is used as the report's instead of reading it.
Extraction MapToSchema(const NormalizedDocument& nd, ReportMeta meta);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_MAPPER_H_
