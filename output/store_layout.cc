#include "output/store_layout.h"

#include <cstdlib>
#include <map>
#include <string_view>

namespace budgetdoc {
namespace {

constexpr SqlType kKey = SqlType::kKey;
constexpr SqlType kInt = SqlType::kInteger;
constexpr SqlType kReal = SqlType::kReal;
constexpr SqlType kText = SqlType::kText;
constexpr CellConv kNo = CellConv::kNone;
constexpr CellConv kAuto = CellConv::kAuto;
constexpr CellConv kBool = CellConv::kBool;
constexpr CellConv kDump = CellConv::kDump;

// ---- Tables (layout kStoreVersion) ----
//
// Tables hold what the workers produced; the *_rows views are the
// long-format exports (facts and findings joined with their document's
// metadata), so `budgetdoc export`, pandas and R read the same columns.
// A column or table added later carries the version that added it; the
// migration adds it to older databases.

constexpr ColumnSpec kMeta[] = {
    {"key", kText, "PRIMARY KEY", 1, nullptr, kNo},
    {"value", kText, "NOT NULL", 1, nullptr, kNo},
};

constexpr ColumnSpec kRuns[] = {
    {"run_id", kKey, "", 1, nullptr, kNo},
    {"tool_version", kText, "NOT NULL", 1, nullptr, kNo},
    {"schema_version", kText, "NOT NULL", 1, nullptr, kNo},
    {"started_at", kText, "NOT NULL", 1, nullptr, kNo},
    {"finished_at", kText, "", 1, nullptr, kNo},
    {"inputs", kInt, "", 1, nullptr, kNo},
    {"ok", kInt, "", 1, nullptr, kNo},
    {"failed", kInt, "", 1, nullptr, kNo},
    {"skipped", kInt, "", 1, nullptr, kNo},
    {"options", kText, "NOT NULL", 1, nullptr, kNo},
    {"others", kInt, "", 2, nullptr, kNo},
    {"worker", kText, "", 2, nullptr, kNo},
};

constexpr ColumnSpec kDocuments[] = {
    {"doc_id", kKey, "", 1, nullptr, kNo},
    {"path", kText, "NOT NULL UNIQUE", 1, nullptr, kNo},
    {"sha256", kText, "", 1, nullptr, kNo},
    {"size", kInt, "", 1, nullptr, kNo},
    {"format", kText, "", 1, nullptr, kNo},
    {"status", kText, "NOT NULL CHECK (status IN ('pending', 'ok', 'failed'))",
     1, nullptr, kNo},
    {"error", kText, "", 1, nullptr, kNo},
    {"error_kind", kText, "", 1, nullptr, kNo},
    {"run_id", kInt, "NOT NULL", 1, nullptr, kNo},
    {"tool_version", kText, "NOT NULL", 1, nullptr, kNo},
    {"schema_version", kText, "NOT NULL", 1, nullptr, kNo},
    {"processed_at", kText, "NOT NULL", 1, nullptr, kNo},
    {"read_ms", kReal, "", 1, nullptr, kNo},
    {"analyze_ms", kReal, "", 1, nullptr, kNo},
    {"wall_ms", kReal, "", 1, nullptr, kNo},
    {"peak_rss_kb", kInt, "", 1, nullptr, kNo},
    // Filled from the worker result (StoreRowsFromResult's "document" row).
    {"entity_name", kText, "", 1, nullptr, kNo},
    {"title", kText, "", 1, nullptr, kNo},
    {"region_name", kText, "", 1, nullptr, kNo},
    {"region_code", kText, "", 1, nullptr, kNo},
    {"region_level", kText, "", 1, nullptr, kNo},
    {"fiscal_year", kInt, "", 1, nullptr, kNo},
    {"kind", kText, "", 1, nullptr, kNo},
    {"scope", kText, "", 1, nullptr, kNo},
    {"is_template", kInt, "", 1, nullptr, kNo},
    {"text_unit", kText, "", 1, nullptr, kNo},
    {"report_meta", kText, "", 1, nullptr, kNo},
    {"missing_tables", kText, "", 1, nullptr, kNo},
    {"fact_count", kInt, "", 1, nullptr, kNo},
    {"finding_count", kInt, "", 1, nullptr, kNo},
    {"check_errors", kInt, "", 1, nullptr, kNo},
    {"check_warnings", kInt, "", 1, nullptr, kNo},
    // The manifest's metadata.
    {"report_id", kText, "", 1, nullptr, kNo},
    {"source_url", kText, "", 1, nullptr, kNo},
    {"manifest_region", kText, "", 1, nullptr, kNo},
    {"manifest_year", kInt, "", 1, nullptr, kNo},
    {"crawled_at", kText, "", 1, nullptr, kNo},
    {"manifest", kText, "", 1, nullptr, kNo},
    {"attempts", kInt, "", 2, nullptr, kNo},
};

constexpr ColumnSpec kRunInputs[] = {
    {"run_id", kInt, "NOT NULL", 1, nullptr, kNo},
    {"path", kText, "NOT NULL", 1, nullptr, kNo},
    {"outcome", kText,
     "NOT NULL CHECK (outcome IN ('ok', 'failed', 'skipped'))", 1, nullptr,
     kNo},
    {"reason", kText, "", 1, nullptr, kNo},
};

constexpr ColumnSpec kFacts[] = {
    {"doc_id", kInt, "NOT NULL", 1, nullptr, kNo},
    {"seq", kInt, "NOT NULL", 1, nullptr, kNo},
    {"metric", kText, "NOT NULL", 1, "metric", kAuto},
    {"measure", kText, "NOT NULL", 1, "measure", kAuto},
    {"value", kText, "NOT NULL", 1, "value", kAuto},
    {"value_num", kReal, "", 1, "value", CellConv::kReal},
    {"value_unit", kText, "", 1, "value_unit", kAuto},
    {"printed", kText, "", 1, "printed", kAuto},
    {"printed_unit", kText, "", 1, "printed_unit", kAuto},
    {"printed_scale", kInt, "", 1, "printed_scale", kAuto},
    {"year", kInt, "", 1, "year", kAuto},
    {"comparison_year", kInt, "", 1, "comparison_year", kAuto},
    {"basis", kText, "", 1, "basis", kAuto},
    {"fund", kText, "", 1, "fund", kAuto},
    {"code", kText, "", 1, "code", kAuto},
    {"code_scheme", kText, "", 1, "code_scheme", kAuto},
    {"direction", kText, "", 1, "direction", kAuto},
    {"base_metric", kText, "", 1, "base_metric", kAuto},
    {"origin", kText, "NOT NULL", 1, "origin", kAuto},
    {"label", kText, "", 1, "label", kAuto},
    {"quote", kText, "", 1, "quote", kAuto},
    {"section", kText, "", 1, "section", kAuto},
    {"table_index", kInt, "", 1, "table", kAuto},
    {"column_role", kText, "", 1, "column", kAuto},
    {"page", kInt, "", 1, "where.page", kAuto},
    {"on_unreadable_page", kInt, "NOT NULL", 1, "on_unreadable_page", kBool},
    {"location", kText, "", 1, "where", kDump},
};

constexpr ColumnSpec kFindings[] = {
    {"doc_id", kInt, "NOT NULL", 1, nullptr, kNo},
    {"seq", kInt, "NOT NULL", 1, nullptr, kNo},
    {"rule", kText, "NOT NULL", 1, "rule", kAuto},
    {"outcome", kText, "NOT NULL", 1, "outcome", kAuto},
    {"severity", kText, "NOT NULL", 1, "severity", kAuto},
    {"message", kText, "", 1, "message", kAuto},
    {"printed", kText, "", 1, "printed", kAuto},
    {"expected", kText, "", 1, "expected", kAuto},
    {"difference", kText, "", 1, "difference", kAuto},
    {"tolerance", kText, "", 1, "tolerance", kAuto},
    {"hint", kText, "", 1, "hint", kAuto},
    {"reason", kText, "", 1, "reason", kAuto},
    {"capped", kInt, "NOT NULL", 1, "capped", kBool},
    {"evidence", kText, "", 1, "evidence", kDump},
};

constexpr ColumnSpec kNotes[] = {
    {"doc_id", kInt, "NOT NULL", 1, nullptr, kNo},
    {"seq", kInt, "NOT NULL", 1, nullptr, kNo},
    {"severity", kText, "NOT NULL", 1, "severity", kAuto},
    {"rule", kText, "NOT NULL", 1, "rule", kAuto},
    {"message", kText, "", 1, "message", kAuto},
    {"location", kText, "", 1, "where", kDump},
};

constexpr ColumnSpec kReportTables[] = {
    {"doc_id", kInt, "NOT NULL", 1, nullptr, kNo},
    {"seq", kInt, "NOT NULL", 1, nullptr, kNo},
    {"table_index", kInt, "", 1, "table", kAuto},
    {"canonical_id", kText, "", 1, "canonical_id", kAuto},
    {"name", kText, "", 1, "name", kAuto},
    {"title", kText, "", 1, "title", kAuto},
    {"unit", kText, "", 1, "unit", kAuto},
    {"amount_scale", kInt, "", 1, "amount_scale", kAuto},
    {"empty", kInt, "NOT NULL", 1, "empty", kBool},
    {"empty_statement", kInt, "NOT NULL", 1, "empty_statement", kBool},
    {"columns", kText, "", 1, "columns", kDump},
};

// The work queue: one row per path any run registered. state: pending
// (nobody holds it), claimed (owner holds it until lease_until), done
// (written at done_at). Times are the database clock in ms since the epoch.
constexpr ColumnSpec kQueue[] = {
    {"path", kText, "PRIMARY KEY", 2, nullptr, kNo},
    {"size", kInt, "", 2, nullptr, kNo},
    {"sha256", kText, "", 2, nullptr, kNo},
    {"state", kText, "NOT NULL CHECK (state IN ('pending', 'claimed', 'done'))",
     2, nullptr, kNo},
    {"owner", kText, "", 2, nullptr, kNo},
    {"lease_until", kInt, "", 2, nullptr, kNo},
    {"claims", kInt, "NOT NULL DEFAULT 0", 2, nullptr, kNo},
    {"registered_at", kInt, "", 2, nullptr, kNo},
    {"done_at", kInt, "", 2, nullptr, kNo},
};

// Every worker attempt: the one that ended the document and any before it
// (a killed or timed-out worker is tried once more).
constexpr ColumnSpec kAttempts[] = {
    {"path", kText, "NOT NULL", 2, nullptr, kNo},
    {"run_id", kInt, "NOT NULL", 2, nullptr, kNo},
    {"attempt", kInt, "NOT NULL", 2, nullptr, kNo},
    {"worker", kText, "", 2, nullptr, kNo},
    {"outcome", kText, "NOT NULL CHECK (outcome IN ('ok', 'failed'))", 2,
     nullptr, kNo},
    {"error_kind", kText, "", 2, nullptr, kNo},
    {"error", kText, "", 2, nullptr, kNo},
    {"sha256", kText, "", 2, nullptr, kNo},
    {"wall_ms", kReal, "", 2, nullptr, kNo},
    {"peak_rss_kb", kInt, "", 2, nullptr, kNo},
    {"finished_at", kText, "", 2, nullptr, kNo},
};

// Results of the checks across documents (check/cross_document.h), written
// by output/cross_store.cc after a run: one row per result, numbered within
// its scope (the region code the linked documents share, "" unknown), with
// both documents' ids and paths and the evidence as JSON.
constexpr ColumnSpec kCrossFindings[] = {
    {"scope", kText, "NOT NULL", 3, nullptr, kNo},
    {"seq", kInt, "NOT NULL", 3, nullptr, kNo},
    {"link", kText, "NOT NULL", 3, nullptr, kNo},
    {"doc_id", kInt, "NOT NULL", 3, nullptr, kNo},
    {"path", kText, "NOT NULL", 3, nullptr, kNo},
    {"other_doc_id", kInt, "", 3, nullptr, kNo},
    {"other_path", kText, "", 3, nullptr, kNo},
    {"documents", kText, "NOT NULL", 3, nullptr, kNo},
    {"subject", kText, "", 3, nullptr, kNo},
    {"rule", kText, "NOT NULL", 3, nullptr, kNo},
    {"outcome", kText, "NOT NULL", 3, nullptr, kNo},
    {"severity", kText, "NOT NULL", 3, nullptr, kNo},
    {"message", kText, "", 3, nullptr, kNo},
    {"printed", kText, "", 3, nullptr, kNo},
    {"expected", kText, "", 3, nullptr, kNo},
    {"difference", kText, "", 3, nullptr, kNo},
    {"tolerance", kText, "", 3, nullptr, kNo},
    {"reason", kText, "", 3, nullptr, kNo},
    {"evidence", kText, "", 3, nullptr, kNo},
};

template <size_t N>
constexpr TableSpec Table(const char* name, const ColumnSpec (&cols)[N],
                          const char* primary_key, bool without_rowid,
                          int since, const char* rows_key = nullptr) {
  return {name, cols, N, primary_key, without_rowid, since, rows_key};
}

constexpr TableSpec kTables[] = {
    Table("meta", kMeta, nullptr, true, 1),
    Table("runs", kRuns, nullptr, false, 1),
    Table("documents", kDocuments, nullptr, false, 1),
    Table("run_inputs", kRunInputs, "(run_id, path)", true, 1),
    Table("facts", kFacts, "(doc_id, seq)", true, 1, "facts"),
    Table("findings", kFindings, "(doc_id, seq)", true, 1, "findings"),
    Table("notes", kNotes, "(doc_id, seq)", true, 1, "notes"),
    Table("report_tables", kReportTables, "(doc_id, seq)", true, 1,
          "report_tables"),
    Table("queue", kQueue, nullptr, true, 2),
    Table("attempts", kAttempts, "(path, run_id, attempt)", true, 2),
    Table("cross_findings", kCrossFindings, "(scope, seq)", true, 3),
};

constexpr IndexSpec kIndexes[] = {
    {"documents_region_year", "documents", "(region_code, fiscal_year)", 1},
    {"documents_year", "documents", "(fiscal_year)", 1},
    {"documents_sha256", "documents", "(sha256)", 1},
    {"documents_report_id", "documents", "(report_id)", 1},
    {"documents_status", "documents", "(status, error_kind)", 1},
    {"facts_metric", "facts", "(metric, year)", 1},
    {"findings_rule", "findings", "(rule, outcome)", 1},
    {"findings_outcome", "findings", "(outcome, severity)", 1},
    {"notes_rule", "notes", "(rule)", 1},
    {"report_tables_canonical", "report_tables", "(canonical_id)", 1},
    {"queue_state", "queue", "(state, owner)", 2},
    {"cross_findings_doc", "cross_findings", "(doc_id)", 3},
    {"cross_findings_other", "cross_findings", "(other_doc_id)", 3},
    {"cross_findings_rule", "cross_findings", "(rule, outcome)", 3},
};

// ---- Export views ----

struct ViewColumn {
  const char* name;
  const char* expr;  // SQL over the view's FROM clause; nullptr = a key
  ColumnKind kind;
};

// Export columns, in order. The first seven are the document's keys
// (DocumentKeyExprs).
constexpr ViewColumn kFactView[] = {
    {"path", nullptr, ColumnKind::kText},
    {"report_id", nullptr, ColumnKind::kCode},
    {"entity", nullptr, ColumnKind::kText},
    {"region_code", nullptr, ColumnKind::kCode},
    {"region_name", nullptr, ColumnKind::kText},
    {"fiscal_year", nullptr, ColumnKind::kInteger},
    {"kind", nullptr, ColumnKind::kText},
    {"fact_seq", "f.seq", ColumnKind::kInteger},
    {"metric", "f.metric", ColumnKind::kText},
    {"measure", "f.measure", ColumnKind::kText},
    {"value", "f.value", ColumnKind::kDecimal},
    {"value_unit", "f.value_unit", ColumnKind::kText},
    {"year", "f.year", ColumnKind::kInteger},
    {"comparison_year", "f.comparison_year", ColumnKind::kInteger},
    {"basis", "f.basis", ColumnKind::kText},
    {"fund", "f.fund", ColumnKind::kText},
    {"code", "f.code", ColumnKind::kCode},
    {"code_scheme", "f.code_scheme", ColumnKind::kText},
    {"direction", "f.direction", ColumnKind::kText},
    {"origin", "f.origin", ColumnKind::kText},
    {"label", "f.label", ColumnKind::kText},
    {"printed", "f.printed", ColumnKind::kDecimal},
    {"printed_unit", "f.printed_unit", ColumnKind::kText},
    {"page", "f.page", ColumnKind::kInteger},
    {"section", "f.section", ColumnKind::kText},
    {"quote", "f.quote", ColumnKind::kText},
};

constexpr ViewColumn kFindingView[] = {
    {"path", nullptr, ColumnKind::kText},
    {"report_id", nullptr, ColumnKind::kCode},
    {"entity", nullptr, ColumnKind::kText},
    {"region_code", nullptr, ColumnKind::kCode},
    {"region_name", nullptr, ColumnKind::kText},
    {"fiscal_year", nullptr, ColumnKind::kInteger},
    {"kind", nullptr, ColumnKind::kText},
    {"finding_seq", "x.seq", ColumnKind::kInteger},
    {"rule", "x.rule", ColumnKind::kText},
    {"outcome", "x.outcome", ColumnKind::kText},
    {"severity", "x.severity", ColumnKind::kText},
    {"message", "x.message", ColumnKind::kText},
    {"printed", "x.printed", ColumnKind::kText},
    {"expected", "x.expected", ColumnKind::kText},
    {"difference", "x.difference", ColumnKind::kText},
    {"tolerance", "x.tolerance", ColumnKind::kText},
    {"hint", "x.hint", ColumnKind::kText},
    {"reason", "x.reason", ColumnKind::kText},
    {"evidence", "x.evidence", ColumnKind::kJson},
};

constexpr ViewColumn kDocumentView[] = {
    {"path", "d.path", ColumnKind::kText},
    {"status", "d.status", ColumnKind::kText},
    {"error_kind", "d.error_kind", ColumnKind::kText},
    {"error", "d.error", ColumnKind::kText},
    {"sha256", "d.sha256", ColumnKind::kText},
    {"size", "d.size", ColumnKind::kInteger},
    {"format", "d.format", ColumnKind::kText},
    {"entity", "d.entity_name", ColumnKind::kText},
    {"title", "d.title", ColumnKind::kText},
    {"region_code", "d.region_code", ColumnKind::kCode},
    {"region_name", "d.region_name", ColumnKind::kText},
    {"region_level", "d.region_level", ColumnKind::kText},
    {"fiscal_year", "d.fiscal_year", ColumnKind::kInteger},
    {"kind", "d.kind", ColumnKind::kText},
    {"scope", "d.scope", ColumnKind::kText},
    {"is_template", "d.is_template", ColumnKind::kInteger},
    {"report_id", "d.report_id", ColumnKind::kCode},
    {"source_url", "d.source_url", ColumnKind::kText},
    {"manifest_region", "d.manifest_region", ColumnKind::kCode},
    {"manifest_year", "d.manifest_year", ColumnKind::kInteger},
    {"crawled_at", "d.crawled_at", ColumnKind::kText},
    {"fact_count", "d.fact_count", ColumnKind::kInteger},
    {"finding_count", "d.finding_count", ColumnKind::kInteger},
    {"check_errors", "d.check_errors", ColumnKind::kInteger},
    {"check_warnings", "d.check_warnings", ColumnKind::kInteger},
    {"tool_version", "d.tool_version", ColumnKind::kText},
    {"schema_version", "d.schema_version", ColumnKind::kText},
    {"processed_at", "d.processed_at", ColumnKind::kText},
    {"read_ms", "d.read_ms", ColumnKind::kReal},
    {"analyze_ms", "d.analyze_ms", ColumnKind::kReal},
    {"wall_ms", "d.wall_ms", ColumnKind::kReal},
    {"peak_rss_kb", "d.peak_rss_kb", ColumnKind::kInteger},
};

struct ExportSpec {
  ExportTable table;
  const char* view;
  const ViewColumn* columns;
  size_t column_count;
  const char* from;  // FROM ... WHERE ... of the view
  const char* order_by;
};

constexpr ExportSpec kExports[] = {
    {ExportTable::kFacts, "fact_rows", kFactView, std::size(kFactView),
     "facts f JOIN documents d ON d.doc_id = f.doc_id WHERE d.status = 'ok'",
     "path, fact_seq"},
    {ExportTable::kFindings, "finding_rows", kFindingView,
     std::size(kFindingView),
     "findings x JOIN documents d ON d.doc_id = x.doc_id "
     "WHERE d.status = 'ok'",
     "path, finding_seq"},
    {ExportTable::kDocuments, "document_rows", kDocumentView,
     std::size(kDocumentView), "documents d WHERE d.status <> 'pending'",
     "path"},
};

const ExportSpec& SpecFor(ExportTable t) {
  for (const ExportSpec& s : kExports) {
    if (s.table == t) return s;
  }
  std::abort();  // every ExportTable has a spec
}

// The columns the facts and findings views share: the document they belong
// to. The year and region fall back to the manifest when the report's text
// does not state them (a manifest region counts when it is a 6-digit code).
std::string DocumentKeyExprs(SqlDialect dialect) {
  std::string six_digits =
      dialect == SqlDialect::kSqlite
          ? "d.manifest_region GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'"
          : "d.manifest_region ~ '^[0-9]{6}$'";
  return "d.path AS path, d.report_id AS report_id, d.entity_name AS entity, "
         "COALESCE(d.region_code, CASE WHEN " +
         six_digits +
         " THEN d.manifest_region END) AS region_code, "
         "d.region_name AS region_name, "
         "COALESCE(d.fiscal_year, d.manifest_year) AS fiscal_year, "
         "d.kind AS kind, ";
}

std::string ViewSql(const ExportSpec& s, SqlDialect dialect) {
  std::string sql = "CREATE VIEW " + std::string(s.view) + " AS SELECT ";
  if (s.columns[0].expr == nullptr) sql += DocumentKeyExprs(dialect);
  bool first = true;
  for (size_t i = 0; i < s.column_count; ++i) {
    if (s.columns[i].expr == nullptr) continue;
    if (!first) sql += ", ";
    first = false;
    sql += std::string(s.columns[i].expr) + " AS " + s.columns[i].name;
  }
  return sql + " FROM " + s.from + ";\n";
}

// ---- DDL ----

std::string ColumnSql(const ColumnSpec& c, SqlDialect dialect) {
  bool pg = dialect == SqlDialect::kPostgres;
  std::string sql = c.name;
  switch (c.type) {
    case SqlType::kKey:
      return sql + (pg ? " bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                       : " INTEGER PRIMARY KEY");
    case SqlType::kInteger:
      sql += pg ? " bigint" : " INTEGER";
      break;
    case SqlType::kReal:
      sql += pg ? " double precision" : " REAL";
      break;
    case SqlType::kText:
      // PostgreSQL compares text by the database's locale unless told
      // otherwise; byte order keeps exports identical to SQLite's.
      sql += pg ? " text COLLATE \"C\"" : " TEXT";
      break;
  }
  if (*c.constraint != '\0') sql += std::string(" ") + c.constraint;
  return sql;
}

std::string TableSql(const TableSpec& t, SqlDialect dialect, int version) {
  std::string sql = std::string("CREATE TABLE ") + t.name + "(\n";
  bool first = true;
  for (const ColumnSpec& c : t.Columns()) {
    if (c.since > version) continue;
    sql += (first ? "  " : ",\n  ") + ColumnSql(c, dialect);
    first = false;
  }
  if (t.primary_key != nullptr) {
    sql += std::string(",\n  PRIMARY KEY ") + t.primary_key;
  }
  sql += "\n)";
  if (t.without_rowid && dialect == SqlDialect::kSqlite) {
    sql += " WITHOUT ROWID";
  }
  return sql + ";\n";
}

std::string IndexSql(const IndexSpec& i) {
  return std::string("CREATE INDEX ") + i.name + " ON " + i.table + i.columns +
         ";\n";
}

std::string ViewsSql(SqlDialect dialect) {
  std::string sql;
  for (const ExportSpec& s : kExports) sql += ViewSql(s, dialect);
  return sql;
}

}  // namespace

std::span<const TableSpec> LayoutTables() { return kTables; }
std::span<const IndexSpec> LayoutIndexes() { return kIndexes; }

const TableSpec& LayoutTable(std::string_view name) {
  for (const TableSpec& t : kTables) {
    if (name == t.name) return t;
  }
  std::abort();  // callers name tables of this file
}

std::string CreateLayoutSql(SqlDialect dialect, int version) {
  std::string sql;
  for (const TableSpec& t : kTables) {
    if (t.since <= version) sql += TableSql(t, dialect, version);
  }
  for (const IndexSpec& i : kIndexes) {
    if (i.since <= version) sql += IndexSql(i);
  }
  return sql + ViewsSql(dialect);
}

std::string MigrateLayoutSql(SqlDialect dialect, int from) {
  std::string sql;
  for (const ExportSpec& s : kExports) {
    sql += std::string("DROP VIEW IF EXISTS ") + s.view + ";\n";
  }
  for (const TableSpec& t : kTables) {
    if (t.since > from) {
      sql += TableSql(t, dialect, kStoreVersion);
      continue;
    }
    for (const ColumnSpec& c : t.Columns()) {
      if (c.since > from) {
        sql += std::string("ALTER TABLE ") + t.name + " ADD COLUMN " +
               ColumnSql(c, dialect) + ";\n";
      }
    }
  }
  for (const IndexSpec& i : kIndexes) {
    if (i.since > from) sql += IndexSql(i);
  }
  return sql + ViewsSql(dialect);
}

ExportViewSpec ExportView(ExportTable table) {
  const ExportSpec& s = SpecFor(table);
  return {s.view, s.order_by};
}

const std::vector<ExportColumn>& ExportColumns(ExportTable table) {
  static const auto* const kColumns = [] {
    auto* m = new std::map<ExportTable, std::vector<ExportColumn>>;
    for (const ExportSpec& s : kExports) {
      std::vector<ExportColumn>& cols = (*m)[s.table];
      for (size_t i = 0; i < s.column_count; ++i) {
        cols.push_back({s.columns[i].name, s.columns[i].kind});
      }
    }
    return m;
  }();
  return kColumns->at(table);
}

std::string_view ExportTableName(ExportTable t) {
  switch (t) {
    case ExportTable::kFacts:
      return "facts";
    case ExportTable::kFindings:
      return "findings";
    case ExportTable::kDocuments:
      return "documents";
  }
  return "facts";
}

bool ParseExportTable(std::string_view name, ExportTable* out) {
  for (ExportTable t :
       {ExportTable::kFacts, ExportTable::kFindings, ExportTable::kDocuments}) {
    if (name == ExportTableName(t)) {
      *out = t;
      return true;
    }
  }
  return false;
}

// ---- Worker results → rows ----

namespace {

// ReportMeta fields (extraction.report) → documents columns.
struct ReportField {
  const char* column;
  const char* key;
  CellConv conv;
};
constexpr ReportField kReportFields[] = {
    {"entity_name", "entity_name", kAuto},
    {"region_name", "region_name", kAuto},
    {"region_code", "region_code", kAuto},
    {"region_level", "region_level", kAuto},
    {"fiscal_year", "fiscal_year", kAuto},
    {"kind", "kind", kAuto},
    {"scope", "scope", kAuto},
    {"is_template", "is_template", kBool},
    {"text_unit", "text_unit", kAuto},
};

// The other documents columns StoreRowsFromResult fills, in its order before
// kReportFields.
constexpr const char* kResultSummaryColumns[] = {
    "title",         "report_meta",  "missing_tables", "fact_count",
    "finding_count", "check_errors", "check_warnings"};

const Json* Lookup(const Json& obj, std::string_view key) {
  const Json* cur = &obj;
  while (cur != nullptr) {
    if (cur->type() != Json::Type::kObject) return nullptr;
    size_t dot = key.find('.');
    cur = cur->Find(key.substr(0, dot));
    if (dot == std::string_view::npos) return cur;
    key = key.substr(dot + 1);
  }
  return nullptr;
}

int64_t ArraySize(const Json* j) {
  return j != nullptr && j->type() == Json::Type::kArray
             ? static_cast<int64_t>(j->array().size())
             : 0;
}

int64_t IntAt(const Json& obj, std::string_view key) {
  const Json* j = Lookup(obj, key);
  if (j == nullptr || j->type() != Json::Type::kNumber) return 0;
  return std::strtoll(j->text().c_str(), nullptr, 10);
}

// One cell value for a row: a JSON scalar the writer binds as it is.
Json CellFor(const Json* j, CellConv conv) {
  if (conv == CellConv::kBool) {
    return Json::Int(
        j != nullptr && j->type() == Json::Type::kBool && j->as_bool() ? 1 : 0);
  }
  if (j == nullptr || j->is_null()) return Json::Null();
  switch (conv) {
    case CellConv::kReal:
      // A decimal string ("102.50") is a valid JSON number literal.
      if (j->type() == Json::Type::kString ||
          j->type() == Json::Type::kNumber) {
        Result<Json> n = Json::Parse(j->text());
        if (n.ok() && n->type() == Json::Type::kNumber) return *n;
      }
      return Json::Null();
    case CellConv::kDump:
      return Json::Str(j->Dump());
    default:
      break;
  }
  switch (j->type()) {
    case Json::Type::kBool:
      return Json::Int(j->as_bool() ? 1 : 0);
    case Json::Type::kNumber:
      // Integers stay numbers; anything else is kept as its exact text.
      return IsSqlInteger(j->text()) ? *j : Json::Str(j->text());
    case Json::Type::kString:
      return *j;
    default:
      return Json::Str(j->Dump());
  }
}

// The rows of a worker-filled table: for every object, its mapped columns
// (doc_id and seq are the writer's).
Json RowsFor(const TableSpec& t, const Json* objects) {
  Json rows = Json::MakeArray();
  if (objects == nullptr || objects->type() != Json::Type::kArray) {
    return rows;
  }
  for (const Json& o : objects->array()) {
    Json row = Json::MakeArray();
    for (const ColumnSpec& c : t.Columns()) {
      if (c.key != nullptr) row.Push(CellFor(Lookup(o, c.key), c.conv));
    }
    rows.Push(std::move(row));
  }
  return rows;
}

}  // namespace

const std::vector<std::string>& DocumentResultColumns() {
  static const auto* const kColumns = [] {
    auto* v = new std::vector<std::string>(std::begin(kResultSummaryColumns),
                                           std::end(kResultSummaryColumns));
    for (const ReportField& f : kReportFields) v->push_back(f.column);
    return v;
  }();
  return *kColumns;
}

Json StoreRowsFromResult(const Json& result) {
  const Json* ex = Lookup(result, "extraction");
  const Json* report = ex != nullptr ? Lookup(*ex, "report") : nullptr;
  const Json* checks = Lookup(result, "checks");
  const Json* results =
      checks != nullptr ? Lookup(*checks, "results") : nullptr;
  const Json* facts = ex != nullptr ? Lookup(*ex, "facts") : nullptr;
  Json document = Json::MakeArray();
  document.Push(CellFor(Lookup(result, "title"), kAuto));
  document.Push(CellFor(report, kDump));
  document.Push(
      CellFor(ex != nullptr ? Lookup(*ex, "missing_tables") : nullptr, kDump));
  document.Push(Json::Int(ArraySize(facts)));
  document.Push(Json::Int(ArraySize(results)));
  document.Push(
      Json::Int(checks != nullptr ? IntAt(*checks, "summary.errors") : 0));
  document.Push(
      Json::Int(checks != nullptr ? IntAt(*checks, "summary.warnings") : 0));
  for (const ReportField& f : kReportFields) {
    document.Push(CellFor(report != nullptr ? Lookup(*report, f.key) : nullptr,
                          report != nullptr ? f.conv : kAuto));
  }
  // Where each worker-filled table's objects are in the result.
  const std::map<std::string_view, const Json*> sources = {
      {"facts", facts},
      {"findings", results},
      {"notes", Lookup(result, "notes")},
      {"report_tables", ex != nullptr ? Lookup(*ex, "tables") : nullptr},
  };
  Json rows = Json::MakeObject();
  rows.Set("document", std::move(document));
  for (const TableSpec& t : kTables) {
    if (t.rows_key == nullptr) continue;
    auto it = sources.find(t.rows_key);
    rows.Set(t.rows_key,
             RowsFor(t, it != sources.end() ? it->second : nullptr));
  }
  return rows;
}

}  // namespace budgetdoc
