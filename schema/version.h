// The version of every machine-readable output (JSON, CSV, SQLite).
// Bump rules: patch = fields added (readers keep working); minor = fields
// renamed/removed or meanings changed; major = a new document model.
// Documented in docs/output_schema.md.
#ifndef BUDGETDOC_SCHEMA_VERSION_H_
#define BUDGETDOC_SCHEMA_VERSION_H_

namespace budgetdoc {

inline constexpr char kSchemaVersion[] = "0.2.1";

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_VERSION_H_
