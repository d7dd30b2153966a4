// The batch database's layout as data: its tables with their columns, types
// and constraints, its indexes, the export views, and which worker-result
// keys fill which columns. Both databases (SQLite and PostgreSQL) create,
// migrate and fill their tables from these descriptions, so adding a table
// or a column is a change of the tables in store_layout.cc — with `since`
// set to the new kStoreVersion (output/store.h) — and of nothing else.
// Pure functions over constant data; thread-safe.
// Tested by tests/output/store_test.cc.
#ifndef BUDGETDOC_OUTPUT_STORE_LAYOUT_H_
#define BUDGETDOC_OUTPUT_STORE_LAYOUT_H_

#include "output/sql_connection.h"
#include "output/store.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace budgetdoc {

enum class SqlType {
  kKey,  // an integer key the database assigns (rowid / identity)
  kInteger,
  kReal,
  kText,  // compared byte by byte in both databases (COLLATE "C")
};

// How a worker-result value becomes a cell.
enum class CellConv {
  kNone,  // the column is not filled from the worker result
  kAuto,  // null → NULL, bool → 0/1, number → integer or text, string → text
  kReal,  // a decimal string or number → REAL (approximate, for queries)
  kBool,  // absent or null → 0
  kDump,  // the JSON value as compact text
};

struct ColumnSpec {
  const char* name;
  SqlType type;
  const char* constraint;  // "", "NOT NULL", "CHECK (...)", ...
  int since;               // the layout version that added it
  const char* key;         // worker-result key ("where.page"); nullptr = none
  CellConv conv;
};

struct TableSpec {
  const char* name;
  const ColumnSpec* columns;
  size_t column_count;
  const char* primary_key;  // "(a, b)", or nullptr (a kKey column, or none)
  bool without_rowid;       // SQLite storage hint; PostgreSQL ignores it
  int since;
  // For tables filled from a worker result: the key in StoreRowsFromResult's
  // output; their first two columns are doc_id and seq. nullptr otherwise.
  const char* rows_key;

  std::span<const ColumnSpec> Columns() const {
    return {columns, column_count};
  }
};

struct IndexSpec {
  const char* name;
  const char* table;
  const char* columns;  // "(a, b)"
  int since;
};

std::span<const TableSpec> LayoutTables();
std::span<const IndexSpec> LayoutIndexes();
const TableSpec& LayoutTable(std::string_view name);  // aborts if unknown

// SQL that creates the layout of `version` (≤ kStoreVersion) in an empty
// database: tables, indexes and views (the meta rows are the caller's).
std::string CreateLayoutSql(SqlDialect dialect, int version = kStoreVersion);
// SQL that brings a database of layout `from` (1 ≤ from < kStoreVersion) to
// kStoreVersion: new tables, new columns, new indexes, views rebuilt.
std::string MigrateLayoutSql(SqlDialect dialect, int from);

// The export of `table`: its view, and the column the rows of one document
// are selected by; rows come ordered by path, then position.
struct ExportViewSpec {
  const char* view;
  const char* order_by;
};
ExportViewSpec ExportView(ExportTable table);

// Columns of `documents` filled from StoreRowsFromResult's "document" row,
// in its order.
const std::vector<std::string>& DocumentResultColumns();

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_STORE_LAYOUT_H_
