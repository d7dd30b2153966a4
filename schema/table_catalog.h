// The catalog of standard tables (internal to schema/; the public API is
// schema/tables.h): schema/data/tables.tsv read once into TableSpec rows
// (canonical id, kind, since when mandatory, name, subject, fund, the table
// it stands in for, folded title variants), and title matching against it.
// The catalog is built on first use and never changed: thread-safe. A
// malformed tables.tsv aborts (it is compiled in). Tested through
// tests/schema/tables_test.cc.
#ifndef BUDGETDOC_SCHEMA_TABLE_CATALOG_H_
#define BUDGETDOC_SCHEMA_TABLE_CATALOG_H_

#include "schema/report_meta.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace tables_internal {

// ---- Catalog of standard tables (schema/data/tables.tsv) ----

struct TableSpec {
  std::string id;
  std::string kind;          // final | budget
  int mandatory_since = -1;  // -1 optional, 0 always, else fiscal year
  std::string name;
  std::string subject;
  std::string fund;
  std::string stands_for;
  std::vector<std::string> titles;  // folded
};

const std::vector<TableSpec>& Specs();

const TableSpec* SpecById(std::string_view id);

std::string SpecKind(const ReportMeta& meta);

// The best catalog entry for a folded title: the longest title variant it
// contains, preferring the report's kind. Returns nullptr when none.
const TableSpec* MatchTitle(std::string_view folded, std::string_view kind,
                            size_t* matched_len);

}  // namespace tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_TABLE_CATALOG_H_
