#include "output/sqlite_store.h"

#include "schema/version.h"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace budgetdoc {
namespace {

// ---- The layout (kStoreVersion) ----
//
// Tables hold what the worker produced; the *_rows views are the long-format
// exports (facts and findings joined with their document's metadata), so
// `budgetdoc export`, pandas and R read the same columns.
constexpr char kTablesDdl[] = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE runs(
  run_id INTEGER PRIMARY KEY,
  tool_version TEXT NOT NULL,
  schema_version TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  inputs INTEGER,
  ok INTEGER,
  failed INTEGER,
  skipped INTEGER,
  options TEXT NOT NULL
);

CREATE TABLE documents(
  doc_id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT,
  size INTEGER,
  format TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'ok', 'failed')),
  error TEXT,
  error_kind TEXT,
  run_id INTEGER NOT NULL,
  tool_version TEXT NOT NULL,
  schema_version TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  read_ms REAL,
  analyze_ms REAL,
  wall_ms REAL,
  peak_rss_kb INTEGER,
  entity_name TEXT,
  title TEXT,
  region_name TEXT,
  region_code TEXT,
  region_level TEXT,
  fiscal_year INTEGER,
  kind TEXT,
  scope TEXT,
  is_template INTEGER,
  text_unit TEXT,
  report_meta TEXT,
  missing_tables TEXT,
  fact_count INTEGER,
  finding_count INTEGER,
  check_errors INTEGER,
  check_warnings INTEGER,
  report_id TEXT,
  source_url TEXT,
  manifest_region TEXT,
  manifest_year INTEGER,
  crawled_at TEXT,
  manifest TEXT
);
CREATE INDEX documents_region_year ON documents(region_code, fiscal_year);
CREATE INDEX documents_year ON documents(fiscal_year);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_report_id ON documents(report_id);
CREATE INDEX documents_status ON documents(status, error_kind);

CREATE TABLE run_inputs(
  run_id INTEGER NOT NULL,
  path TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'skipped')),
  reason TEXT,
  PRIMARY KEY (run_id, path)
) WITHOUT ROWID;

CREATE TABLE facts(
  doc_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  metric TEXT NOT NULL,
  measure TEXT NOT NULL,
  value TEXT NOT NULL,
  value_num REAL,
  value_unit TEXT,
  printed TEXT,
  printed_unit TEXT,
  printed_scale INTEGER,
  year INTEGER,
  comparison_year INTEGER,
  basis TEXT,
  fund TEXT,
  code TEXT,
  code_scheme TEXT,
  direction TEXT,
  base_metric TEXT,
  origin TEXT NOT NULL,
  label TEXT,
  quote TEXT,
  section TEXT,
  table_index INTEGER,
  column_role TEXT,
  page INTEGER,
  on_unreadable_page INTEGER NOT NULL,
  location TEXT,
  PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX facts_metric ON facts(metric, year);

CREATE TABLE findings(
  doc_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  rule TEXT NOT NULL,
  outcome TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT,
  printed TEXT,
  expected TEXT,
  difference TEXT,
  tolerance TEXT,
  hint TEXT,
  reason TEXT,
  capped INTEGER NOT NULL,
  evidence TEXT,
  PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX findings_rule ON findings(rule, outcome);
CREATE INDEX findings_outcome ON findings(outcome, severity);

CREATE TABLE notes(
  doc_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  severity TEXT NOT NULL,
  rule TEXT NOT NULL,
  message TEXT,
  location TEXT,
  PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX notes_rule ON notes(rule);

CREATE TABLE report_tables(
  doc_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  table_index INTEGER,
  canonical_id TEXT,
  name TEXT,
  title TEXT,
  unit TEXT,
  amount_scale INTEGER,
  empty INTEGER NOT NULL,
  empty_statement INTEGER NOT NULL,
  columns TEXT,
  PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX report_tables_canonical ON report_tables(canonical_id);
)sql";

// The columns the facts and findings views share: the document they belong
// to. The year and region fall back to the manifest when the report's text
// does not state them.
constexpr char kDocumentKeyExprs[] =
    "d.path AS path, d.report_id AS report_id, d.entity_name AS entity, "
    "COALESCE(d.region_code, CASE WHEN d.manifest_region GLOB "
    "'[0-9][0-9][0-9][0-9][0-9][0-9]' THEN d.manifest_region END) "
    "AS region_code, "
    "d.region_name AS region_name, "
    "COALESCE(d.fiscal_year, d.manifest_year) AS fiscal_year, "
    "d.kind AS kind, ";

struct ViewColumn {
  const char* name;
  const char* expr;  // SQL over the view's FROM clause
  ColumnKind kind;
};

// Export columns, in order. The first seven come from kDocumentKeyExprs.
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

std::string ViewDdl(const ExportSpec& s) {
  std::string sql = "CREATE VIEW " + std::string(s.view) + " AS SELECT ";
  bool document_keys = s.columns[0].expr == nullptr;
  if (document_keys) sql += kDocumentKeyExprs;
  bool first = true;
  for (size_t i = 0; i < s.column_count; ++i) {
    if (s.columns[i].expr == nullptr) continue;
    if (!first) sql += ", ";
    first = false;
    sql += std::string(s.columns[i].expr) + " AS " + s.columns[i].name;
  }
  return sql + " FROM " + s.from + ";\n";
}

// ---- JSON (worker results) → columns, as tables ----

enum class Conv {
  kAuto,  // null → NULL, bool → 0/1, number → integer or text, string → text
  kReal,  // a decimal string or number → REAL (approximate, for queries)
  kBool,  // absent or null → 0
  kDump,  // the JSON value as compact text
};

struct JsonColumn {
  const char* column;
  const char* key;  // "where.page" descends into objects
  Conv conv;
};

constexpr JsonColumn kFactJson[] = {
    {"metric", "metric", Conv::kAuto},
    {"measure", "measure", Conv::kAuto},
    {"value", "value", Conv::kAuto},
    {"value_num", "value", Conv::kReal},
    {"value_unit", "value_unit", Conv::kAuto},
    {"printed", "printed", Conv::kAuto},
    {"printed_unit", "printed_unit", Conv::kAuto},
    {"printed_scale", "printed_scale", Conv::kAuto},
    {"year", "year", Conv::kAuto},
    {"comparison_year", "comparison_year", Conv::kAuto},
    {"basis", "basis", Conv::kAuto},
    {"fund", "fund", Conv::kAuto},
    {"code", "code", Conv::kAuto},
    {"code_scheme", "code_scheme", Conv::kAuto},
    {"direction", "direction", Conv::kAuto},
    {"base_metric", "base_metric", Conv::kAuto},
    {"origin", "origin", Conv::kAuto},
    {"label", "label", Conv::kAuto},
    {"quote", "quote", Conv::kAuto},
    {"section", "section", Conv::kAuto},
    {"table_index", "table", Conv::kAuto},
    {"column_role", "column", Conv::kAuto},
    {"page", "where.page", Conv::kAuto},
    {"on_unreadable_page", "on_unreadable_page", Conv::kBool},
    {"location", "where", Conv::kDump},
};

constexpr JsonColumn kFindingJson[] = {
    {"rule", "rule", Conv::kAuto},
    {"outcome", "outcome", Conv::kAuto},
    {"severity", "severity", Conv::kAuto},
    {"message", "message", Conv::kAuto},
    {"printed", "printed", Conv::kAuto},
    {"expected", "expected", Conv::kAuto},
    {"difference", "difference", Conv::kAuto},
    {"tolerance", "tolerance", Conv::kAuto},
    {"hint", "hint", Conv::kAuto},
    {"reason", "reason", Conv::kAuto},
    {"capped", "capped", Conv::kBool},
    {"evidence", "evidence", Conv::kDump},
};

constexpr JsonColumn kNoteJson[] = {
    {"severity", "severity", Conv::kAuto},
    {"rule", "rule", Conv::kAuto},
    {"message", "message", Conv::kAuto},
    {"location", "where", Conv::kDump},
};

constexpr JsonColumn kTableJson[] = {
    {"table_index", "table", Conv::kAuto},
    {"canonical_id", "canonical_id", Conv::kAuto},
    {"name", "name", Conv::kAuto},
    {"title", "title", Conv::kAuto},
    {"unit", "unit", Conv::kAuto},
    {"amount_scale", "amount_scale", Conv::kAuto},
    {"empty", "empty", Conv::kBool},
    {"empty_statement", "empty_statement", Conv::kBool},
    {"columns", "columns", Conv::kDump},
};

// ReportMeta fields (extraction.report) → documents columns.
constexpr JsonColumn kReportJson[] = {
    {"entity_name", "entity_name", Conv::kAuto},
    {"region_name", "region_name", Conv::kAuto},
    {"region_code", "region_code", Conv::kAuto},
    {"region_level", "region_level", Conv::kAuto},
    {"fiscal_year", "fiscal_year", Conv::kAuto},
    {"kind", "kind", Conv::kAuto},
    {"scope", "scope", Conv::kAuto},
    {"is_template", "is_template", Conv::kBool},
    {"text_unit", "text_unit", Conv::kAuto},
};

template <size_t N>
std::string InsertSql(const char* table, const JsonColumn (&cols)[N]) {
  std::string names = "doc_id, seq", marks = "?, ?";
  for (const JsonColumn& c : cols) {
    names += std::string(", ") + c.column;
    marks += ", ?";
  }
  return std::string("INSERT INTO ") + table + "(" + names + ") VALUES (" +
         marks + ")";
}

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

bool IsIntegerLiteral(const std::string& s) {
  if (s.empty() || s.size() > 18) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
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
Json CellFor(const Json* j, Conv conv) {
  if (conv == Conv::kBool) {
    return Json::Int(
        j != nullptr && j->type() == Json::Type::kBool && j->as_bool() ? 1 : 0);
  }
  if (j == nullptr || j->is_null()) return Json::Null();
  switch (conv) {
    case Conv::kReal:
      // A decimal string ("102.50") is a valid JSON number literal.
      if (j->type() == Json::Type::kString ||
          j->type() == Json::Type::kNumber) {
        Result<Json> n = Json::Parse(j->text());
        if (n.ok() && n->type() == Json::Type::kNumber) return *n;
      }
      return Json::Null();
    case Conv::kDump:
      return Json::Str(j->Dump());
    default:
      break;
  }
  switch (j->type()) {
    case Json::Type::kBool:
      return Json::Int(j->as_bool() ? 1 : 0);
    case Json::Type::kNumber:
      // Integers stay numbers; anything else is kept as its exact text.
      return IsIntegerLiteral(j->text()) ? *j : Json::Str(j->text());
    case Json::Type::kString:
      return *j;
    default:
      return Json::Str(j->Dump());
  }
}

template <size_t N>
Json RowsFor(const JsonColumn (&cols)[N], const Json* objects) {
  Json rows = Json::MakeArray();
  if (objects == nullptr || objects->type() != Json::Type::kArray) {
    return rows;
  }
  for (const Json& o : objects->array()) {
    Json row = Json::MakeArray();
    for (const JsonColumn& c : cols)
      row.Push(CellFor(Lookup(o, c.key), c.conv));
    rows.Push(std::move(row));
  }
  return rows;
}

// Columns of `documents` filled from a worker result, in the order of
// StoreRowsFromResult's "document" row: these, then kReportJson.
constexpr const char* kDocumentResultColumns[] = {
    "title",         "report_meta",  "missing_tables", "fact_count",
    "finding_count", "check_errors", "check_warnings"};

// ---- Thin RAII over sqlite3 ----

class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(Stmt&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  Stmt& operator=(Stmt&& o) noexcept {
    if (this != &o) {
      sqlite3_finalize(s_);
      s_ = std::exchange(o.s_, nullptr);
    }
    return *this;
  }
  sqlite3_stmt* get() const { return s_; }

  void Null(int i) { sqlite3_bind_null(s_, i); }
  void Int(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void Real(int i, double v) { sqlite3_bind_double(s_, i, v); }
  void Text(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
  }
  // "" → NULL.
  void TextOrNull(int i, const std::string& v) {
    if (v.empty()) {
      Null(i);
    } else {
      Text(i, v);
    }
  }
  void OptText(int i, const std::optional<std::string>& v) {
    if (v) {
      Text(i, *v);
    } else {
      Null(i);
    }
  }
  // Binds one cell of StoreRowsFromResult: null, bool (0/1), integer,
  // other number (REAL), string (TEXT).
  void Cell(int i, const budgetdoc::Json& cell) {
    switch (cell.type()) {
      case budgetdoc::Json::Type::kNull:
        Null(i);
        return;
      case budgetdoc::Json::Type::kBool:
        Int(i, cell.as_bool() ? 1 : 0);
        return;
      case budgetdoc::Json::Type::kNumber:
        if (IsIntegerLiteral(cell.text())) {
          Int(i, std::strtoll(cell.text().c_str(), nullptr, 10));
        } else {
          Real(i, std::strtod(cell.text().c_str(), nullptr));
        }
        return;
      case budgetdoc::Json::Type::kString:
        Text(i, cell.text());
        return;
      default:
        Text(i, cell.Dump());
        return;
    }
  }

  std::optional<std::string> Column(int i) const {
    if (sqlite3_column_type(s_, i) == SQLITE_NULL) return std::nullopt;
    const unsigned char* t = sqlite3_column_text(s_, i);
    int n = sqlite3_column_bytes(s_, i);
    return std::string(reinterpret_cast<const char*>(t),
                       static_cast<size_t>(n));
  }

 private:
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace

// ---- Public helpers ----

Json SourceMeta::ToJson() const {
  Json j = Json::MakeObject();
  if (!report_id.empty()) j.Set("report_id", Json::Str(report_id));
  if (!source_url.empty()) j.Set("source_url", Json::Str(source_url));
  if (!region.empty()) j.Set("region", Json::Str(region));
  if (year > 0) j.Set("year", Json::Int(year));
  if (!crawled_at.empty()) j.Set("crawled_at", Json::Str(crawled_at));
  for (const auto& [k, v] : extra) j.Set(k, Json::Str(v));
  return j;
}

std::string SqlLiteral(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
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

Json StoreRowsFromResult(const Json& result) {
  const Json* ex = Lookup(result, "extraction");
  const Json* report = ex != nullptr ? Lookup(*ex, "report") : nullptr;
  const Json* checks = Lookup(result, "checks");
  const Json* results =
      checks != nullptr ? Lookup(*checks, "results") : nullptr;
  const Json* facts = ex != nullptr ? Lookup(*ex, "facts") : nullptr;
  Json document = Json::MakeArray();
  document.Push(CellFor(Lookup(result, "title"), Conv::kAuto));
  document.Push(CellFor(report, Conv::kDump));
  document.Push(CellFor(ex != nullptr ? Lookup(*ex, "missing_tables") : nullptr,
                        Conv::kDump));
  document.Push(Json::Int(ArraySize(facts)));
  document.Push(Json::Int(ArraySize(results)));
  document.Push(
      Json::Int(checks != nullptr ? IntAt(*checks, "summary.errors") : 0));
  document.Push(
      Json::Int(checks != nullptr ? IntAt(*checks, "summary.warnings") : 0));
  for (const JsonColumn& c : kReportJson) {
    document.Push(CellFor(report != nullptr ? Lookup(*report, c.key) : nullptr,
                          report != nullptr ? c.conv : Conv::kAuto));
  }
  Json rows = Json::MakeObject();
  rows.Set("document", std::move(document));
  rows.Set("facts", RowsFor(kFactJson, facts));
  rows.Set("findings", RowsFor(kFindingJson, results));
  rows.Set("notes", RowsFor(kNoteJson, Lookup(result, "notes")));
  rows.Set(
      "report_tables",
      RowsFor(kTableJson, ex != nullptr ? Lookup(*ex, "tables") : nullptr));
  return rows;
}

// ---- SqliteStore ----

namespace {

// The connection and its cached statements.
struct Db {
  sqlite3* db = nullptr;
  std::string path;

  Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db() {
    statements.clear();  // finalize before closing
    if (db != nullptr) sqlite3_close_v2(db);
  }

  Status Error(std::string_view what) const {
    return Status::IoError(path + ": sqlite: " + std::string(what) + ": " +
                           sqlite3_errmsg(db));
  }

  Status Exec(const char* sql) {
    char* msg = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
      std::string m = msg != nullptr ? msg : sqlite3_errstr(rc);
      sqlite3_free(msg);
      std::string first_line(sql);
      first_line = first_line.substr(0, first_line.find('\n'));
      return Status::IoError(path + ": sqlite: " + first_line + ": " + m);
    }
    return Status::Ok();
  }

  // A cached statement, reset and with its bindings cleared.
  Result<Stmt*> Prepare(const std::string& sql) {
    auto it = statements.find(sql);
    if (it == statements.end()) {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &s,
                             nullptr) != SQLITE_OK) {
        return Error("prepare '" + sql.substr(0, 60) + "'");
      }
      it = statements.emplace(sql, Stmt(s)).first;
    }
    sqlite3_reset(it->second.get());
    sqlite3_clear_bindings(it->second.get());
    return &it->second;
  }

  // Steps a statement that returns no rows.
  Status Done(Stmt* s, std::string_view what) {
    int rc = sqlite3_step(s->get());
    sqlite3_reset(s->get());
    if (rc != SQLITE_DONE) return Error(what);
    return Status::Ok();
  }

  Status Run(const std::string& sql, std::string_view what) {
    BUDGETDOC_ASSIGN_OR_RETURN(Stmt * s, Prepare(sql));
    return Done(s, what);
  }

  std::map<std::string, Stmt> statements;
};

// Rolls back unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Db* impl) : impl_(impl) {}
  ~Transaction() {
    if (open_) (void)impl_->Exec("ROLLBACK");
  }
  // write: take the write lock now (BEGIN IMMEDIATE), so a busy database
  // fails or waits here rather than halfway through.
  Status Begin(bool write = true) {
    BUDGETDOC_RETURN_IF_ERROR(
        impl_->Exec(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"));
    open_ = true;
    return Status::Ok();
  }
  Status Commit() {
    BUDGETDOC_RETURN_IF_ERROR(impl_->Exec("COMMIT"));
    open_ = false;
    return Status::Ok();
  }

 private:
  Db* impl_;
  bool open_ = false;
};

template <size_t N>
Status InsertRows(Db* impl, const char* table, const JsonColumn (&cols)[N],
                  int64_t doc_id, const Json* rows) {
  if (rows == nullptr || rows->type() != Json::Type::kArray) {
    return Status::Ok();
  }
  BUDGETDOC_ASSIGN_OR_RETURN(Stmt * s, impl->Prepare(InsertSql(table, cols)));
  int64_t seq = 0;
  for (const Json& row : rows->array()) {
    if (row.type() != Json::Type::kArray || row.array().size() != N) {
      return Status::InvalidArgument(impl->path + ": " + table + " row " +
                                     std::to_string(seq) + " has " +
                                     "the wrong shape");
    }
    sqlite3_reset(s->get());
    sqlite3_clear_bindings(s->get());
    s->Int(1, doc_id);
    s->Int(2, seq++);
    for (size_t i = 0; i < N; ++i) {
      s->Cell(static_cast<int>(i) + 3, row.array()[i]);
    }
    BUDGETDOC_RETURN_IF_ERROR(
        impl->Done(s, std::string("insert into ") + table));
  }
  return Status::Ok();
}

bool SourceIsEmpty(const SourceMeta& s) {
  return s.report_id.empty() && s.source_url.empty() && s.region.empty() &&
         s.year <= 0 && s.crawled_at.empty() && s.extra.empty();
}

}  // namespace

struct SqliteStore::Impl : Db {};

SqliteStore::SqliteStore(std::string path, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), impl_(std::move(impl)) {}

SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, const StoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg =
        impl->db != nullptr ? sqlite3_errmsg(impl->db) : sqlite3_errstr(rc);
    return Status::IoError(path + ": cannot open database: " + msg);
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
  if (!options.read_only && sqlite3_db_readonly(impl->db, "main") == 1) {
    return Status::IoError(path + ": database is read-only");
  }
  // The first statement reads the header: a file that is not SQLite fails
  // here with "file is not a database".
  char* msg = nullptr;
  rc = sqlite3_exec(impl->db,
                    options.read_only ? "SELECT count(*) FROM sqlite_master"
                                      : "PRAGMA journal_mode=WAL",
                    nullptr, nullptr, &msg);
  if (rc != SQLITE_OK) {
    std::string m = msg != nullptr ? msg : sqlite3_errstr(rc);
    sqlite3_free(msg);
    return Status::IoError(path + ": cannot use as a database: " + m);
  }
  if (!options.read_only) {
    BUDGETDOC_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous=NORMAL"));
  }

  Transaction tx(impl.get());
  if (!tx.Begin(/*write=*/!options.read_only).ok()) {
    return Status::IoError(
        path + ": cannot write to the database: " + sqlite3_errmsg(impl->db));
  }
  BUDGETDOC_ASSIGN_OR_RETURN(
      Stmt * objects,
      impl->Prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE "
                    "'sqlite_%' ORDER BY name"));
  bool has_meta = false, has_other = false;
  std::string other;
  while ((rc = sqlite3_step(objects->get())) == SQLITE_ROW) {
    std::string name = objects->Column(0).value_or("");
    if (name == "meta") {
      has_meta = true;
    } else if (!has_other) {
      has_other = true;
      other = name;
    }
  }
  sqlite3_reset(objects->get());
  if (rc != SQLITE_DONE) return impl->Error("read schema");

  if (has_meta) {
    BUDGETDOC_ASSIGN_OR_RETURN(
        Stmt * s,
        impl->Prepare("SELECT value FROM meta WHERE key = 'store_version'"));
    std::string version;
    if (sqlite3_step(s->get()) == SQLITE_ROW) {
      version = s->Column(0).value_or("");
    }
    sqlite3_reset(s->get());
    if (version != std::to_string(kStoreVersion)) {
      int v = std::atoi(version.c_str());
      std::string hint =
          v > kStoreVersion
              ? "it was written by a newer budgetdoc; use that version"
              : "no migration from it exists; start a new database with "
                "--db (reprocessing is needed anyway) or export it with the "
                "budgetdoc that wrote it";
      return Status::Unsupported(
          path + ": database layout version " +
          (version.empty() ? std::string("(none)") : version) +
          ", this budgetdoc reads and writes version " +
          std::to_string(kStoreVersion) + ": " + hint);
    }
  } else if (has_other) {
    return Status::InvalidArgument(
        path + ": not a budgetdoc database (it has '" + other +
        "' but no meta table); choose another --db file");
  } else if (options.read_only) {
    return Status::InvalidArgument(path +
                                   ": not a budgetdoc database (it is empty)");
  } else {
    BUDGETDOC_RETURN_IF_ERROR(impl->Exec(kTablesDdl));
    std::string views;
    for (const ExportSpec& s : kExports) views += ViewDdl(s);
    BUDGETDOC_RETURN_IF_ERROR(impl->Exec(views.c_str()));
    BUDGETDOC_ASSIGN_OR_RETURN(
        Stmt * s, impl->Prepare("INSERT INTO meta(key, value) VALUES (?, ?)"));
    const std::pair<std::string, std::string> rows[] = {
        {"store_version", std::to_string(kStoreVersion)},
        {"schema_version", kSchemaVersion},
    };
    for (const auto& [k, v] : rows) {
      s->Text(1, k);
      s->Text(2, v);
      BUDGETDOC_RETURN_IF_ERROR(impl->Done(s, "insert meta"));
    }
  }
  BUDGETDOC_RETURN_IF_ERROR(tx.Commit());
  return std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(impl)));
}

Result<int64_t> SqliteStore::BeginRun(const RunRecord& run) {
  Transaction tx(impl_.get());
  BUDGETDOC_RETURN_IF_ERROR(tx.Begin());
  BUDGETDOC_ASSIGN_OR_RETURN(
      Stmt * s, impl_->Prepare("INSERT INTO runs(tool_version, schema_version, "
                               "started_at, options) VALUES (?, ?, ?, ?)"));
  s->Text(1, run.tool_version);
  s->Text(2, run.schema_version);
  s->Text(3, run.started_at);
  s->Text(4, run.options.Dump());
  BUDGETDOC_RETURN_IF_ERROR(impl_->Done(s, "insert run"));
  int64_t id = sqlite3_last_insert_rowid(impl_->db);
  BUDGETDOC_ASSIGN_OR_RETURN(
      Stmt * m, impl_->Prepare("UPDATE meta SET value = ? WHERE key = "
                               "'schema_version'"));
  m->Text(1, run.schema_version);
  BUDGETDOC_RETURN_IF_ERROR(impl_->Done(m, "update meta"));
  BUDGETDOC_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqliteStore::FinishRun(int64_t run_id, const RunCounts& counts,
                              const std::string& finished_at) {
  BUDGETDOC_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->Prepare("UPDATE runs SET finished_at = ?, inputs = ?, ok = ?, "
                     "failed = ?, skipped = ? WHERE run_id = ?"));
  s->Text(1, finished_at);
  s->Int(2, counts.inputs);
  s->Int(3, counts.ok);
  s->Int(4, counts.failed);
  s->Int(5, counts.skipped);
  s->Int(6, run_id);
  return impl_->Done(s, "finish run");
}

Result<std::optional<StoredDocument>> SqliteStore::Find(
    const std::string& path) {
  BUDGETDOC_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->Prepare("SELECT sha256, tool_version, schema_version, status "
                     "FROM documents WHERE path = ?"));
  s->Text(1, path);
  int rc = sqlite3_step(s->get());
  std::optional<StoredDocument> found;
  if (rc == SQLITE_ROW) {
    StoredDocument d;
    d.sha256 = s->Column(0).value_or("");
    d.tool_version = s->Column(1).value_or("");
    d.schema_version = s->Column(2).value_or("");
    d.ok = s->Column(3).value_or("") == "ok";
    found = std::move(d);
  }
  sqlite3_reset(s->get());
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_->Error("find");
  return found;
}

Status SqliteStore::WriteDocument(int64_t run_id, const DocumentRecord& doc) {
  Transaction tx(impl_.get());
  BUDGETDOC_RETURN_IF_ERROR(tx.Begin());

  // The previous rows of this path, and its manifest metadata (kept when
  // this run has none, e.g. a plain directory run after a manifest run).
  constexpr int kSourceColumns = 6;
  std::optional<std::string> old_source[kSourceColumns];
  {
    BUDGETDOC_ASSIGN_OR_RETURN(
        Stmt * s,
        impl_->Prepare("SELECT doc_id, report_id, source_url, "
                       "manifest_region, manifest_year, crawled_at, manifest "
                       "FROM documents WHERE path = ?"));
    s->Text(1, doc.path);
    int rc = sqlite3_step(s->get());
    std::optional<int64_t> old_id;
    if (rc == SQLITE_ROW) {
      old_id = sqlite3_column_int64(s->get(), 0);
      for (int i = 0; i < kSourceColumns; ++i) old_source[i] = s->Column(i + 1);
    }
    sqlite3_reset(s->get());
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_->Error("find");
    if (old_id) {
      for (const char* table :
           {"facts", "findings", "notes", "report_tables", "documents"}) {
        BUDGETDOC_ASSIGN_OR_RETURN(
            Stmt * d, impl_->Prepare(std::string("DELETE FROM ") + table +
                                     " WHERE doc_id = ?"));
        d->Int(1, *old_id);
        BUDGETDOC_RETURN_IF_ERROR(
            impl_->Done(d, std::string("delete from ") + table));
      }
    }
  }

  const Json* document = doc.ok ? Lookup(doc.rows, "document") : nullptr;
  constexpr size_t kResultColumns =
      std::size(kDocumentResultColumns) + std::size(kReportJson);
  if (doc.ok &&
      (document == nullptr || document->type() != Json::Type::kArray ||
       document->array().size() != kResultColumns)) {
    return Status::InvalidArgument(path_ + ": " + doc.path +
                                   ": rows without a valid document row");
  }

  std::string sql = "INSERT INTO documents(", marks;
  int columns = 0;
  auto add = [&](std::string_view name) {
    sql += (columns == 0 ? "" : ", ") + std::string(name);
    marks += columns == 0 ? "?" : ", ?";
    ++columns;
  };
  for (const char* name :
       {"path",         "sha256",          "size",          "format",
        "status",       "error",           "error_kind",    "run_id",
        "tool_version", "schema_version",  "processed_at",  "read_ms",
        "analyze_ms",   "wall_ms",         "peak_rss_kb",   "report_id",
        "source_url",   "manifest_region", "manifest_year", "crawled_at",
        "manifest"}) {
    add(name);
  }
  for (const char* c : kDocumentResultColumns) add(c);
  for (const JsonColumn& c : kReportJson) add(c.column);
  sql += ") VALUES (" + marks + ")";
  BUDGETDOC_ASSIGN_OR_RETURN(Stmt * s, impl_->Prepare(sql));
  int i = 1;
  s->Text(i++, doc.path);
  s->TextOrNull(i++, doc.sha256);
  if (doc.size >= 0) {
    s->Int(i++, doc.size);
  } else {
    s->Null(i++);
  }
  s->TextOrNull(i++, doc.format);
  s->Text(i++, "pending");  // the status is set last
  s->TextOrNull(i++, doc.error);
  s->TextOrNull(i++, doc.error_kind);
  s->Int(i++, run_id);
  s->Text(i++, doc.tool_version);
  s->Text(i++, doc.schema_version);
  s->Text(i++, doc.processed_at);
  s->Real(i++, doc.read_ms);
  s->Real(i++, doc.analyze_ms);
  s->Real(i++, doc.wall_ms);
  if (doc.peak_rss_kb > 0) {
    s->Int(i++, doc.peak_rss_kb);
  } else {
    s->Null(i++);
  }
  if (SourceIsEmpty(doc.source)) {
    for (int k = 0; k < kSourceColumns; ++k) s->OptText(i++, old_source[k]);
  } else {
    s->TextOrNull(i++, doc.source.report_id);
    s->TextOrNull(i++, doc.source.source_url);
    s->TextOrNull(i++, doc.source.region);
    if (doc.source.year > 0) {
      s->Int(i++, doc.source.year);
    } else {
      s->Null(i++);
    }
    s->TextOrNull(i++, doc.source.crawled_at);
    s->Text(i++, doc.source.ToJson().Dump());
  }
  for (size_t k = 0; k < kResultColumns; ++k) {
    if (document != nullptr) {
      s->Cell(i++, document->array()[k]);
    } else {
      s->Null(i++);
    }
  }
  BUDGETDOC_RETURN_IF_ERROR(impl_->Done(s, "insert document"));
  int64_t doc_id = sqlite3_last_insert_rowid(impl_->db);

  if (doc.ok) {
    BUDGETDOC_RETURN_IF_ERROR(InsertRows(impl_.get(), "facts", kFactJson,
                                         doc_id, Lookup(doc.rows, "facts")));
    BUDGETDOC_RETURN_IF_ERROR(InsertRows(impl_.get(), "findings", kFindingJson,
                                         doc_id, Lookup(doc.rows, "findings")));
    BUDGETDOC_RETURN_IF_ERROR(InsertRows(impl_.get(), "notes", kNoteJson,
                                         doc_id, Lookup(doc.rows, "notes")));
    BUDGETDOC_RETURN_IF_ERROR(InsertRows(impl_.get(), "report_tables",
                                         kTableJson, doc_id,
                                         Lookup(doc.rows, "report_tables")));
  }

  {
    BUDGETDOC_ASSIGN_OR_RETURN(
        Stmt * u,
        impl_->Prepare("UPDATE documents SET status = ? WHERE doc_id = ?"));
    u->Text(1, doc.ok ? "ok" : "failed");
    u->Int(2, doc_id);
    BUDGETDOC_RETURN_IF_ERROR(impl_->Done(u, "set status"));
  }
  {
    BUDGETDOC_ASSIGN_OR_RETURN(
        Stmt * r, impl_->Prepare("INSERT OR REPLACE INTO run_inputs(run_id, "
                                 "path, outcome, reason) VALUES (?, ?, ?, ?)"));
    r->Int(1, run_id);
    r->Text(2, doc.path);
    r->Text(3, doc.ok ? "ok" : "failed");
    r->TextOrNull(4, doc.error);
    BUDGETDOC_RETURN_IF_ERROR(impl_->Done(r, "insert run input"));
  }
  return tx.Commit();
}

Status SqliteStore::RecordSkipped(int64_t run_id, const std::string& path,
                                  const SourceMeta& source) {
  Transaction tx(impl_.get());
  BUDGETDOC_RETURN_IF_ERROR(tx.Begin());
  if (!SourceIsEmpty(source)) {
    BUDGETDOC_ASSIGN_OR_RETURN(
        Stmt * s,
        impl_->Prepare("UPDATE documents SET report_id = ?, source_url = ?, "
                       "manifest_region = ?, manifest_year = ?, "
                       "crawled_at = ?, manifest = ? WHERE path = ?"));
    s->TextOrNull(1, source.report_id);
    s->TextOrNull(2, source.source_url);
    s->TextOrNull(3, source.region);
    if (source.year > 0) {
      s->Int(4, source.year);
    } else {
      s->Null(4);
    }
    s->TextOrNull(5, source.crawled_at);
    s->Text(6, source.ToJson().Dump());
    s->Text(7, path);
    BUDGETDOC_RETURN_IF_ERROR(impl_->Done(s, "update manifest metadata"));
  }
  BUDGETDOC_ASSIGN_OR_RETURN(
      Stmt * r, impl_->Prepare("INSERT OR REPLACE INTO run_inputs(run_id, "
                               "path, outcome, reason) VALUES (?, ?, "
                               "'skipped', 'unchanged')"));
  r->Int(1, run_id);
  r->Text(2, path);
  BUDGETDOC_RETURN_IF_ERROR(impl_->Done(r, "insert run input"));
  return tx.Commit();
}

Status SqliteStore::RecordExcluded(int64_t run_id, const std::string& path,
                                   const std::string& reason) {
  BUDGETDOC_ASSIGN_OR_RETURN(
      Stmt * r, impl_->Prepare("INSERT OR REPLACE INTO run_inputs(run_id, "
                               "path, outcome, reason) VALUES (?, ?, "
                               "'skipped', ?)"));
  r->Int(1, run_id);
  r->Text(2, path);
  r->Text(3, "excluded: " + reason);
  return impl_->Done(r, "insert run input");
}

const std::vector<ExportColumn>& SqliteStore::ExportColumns(ExportTable table) {
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

Status SqliteStore::ForEachExportRow(
    ExportTable table, const std::function<Status(const Row&)>& fn) {
  const ExportSpec& spec = SpecFor(table);
  std::string sql = "SELECT ";
  for (size_t i = 0; i < spec.column_count; ++i) {
    if (i > 0) sql += ", ";
    sql += spec.columns[i].name;
  }
  sql += std::string(" FROM ") + spec.view + " ORDER BY " + spec.order_by;
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(impl_->db, sql.c_str(), -1, &raw, nullptr) !=
      SQLITE_OK) {
    return impl_->Error("export " + std::string(ExportTableName(table)));
  }
  Stmt s(raw);
  int n = static_cast<int>(spec.column_count);
  Row row(spec.column_count);
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    for (int i = 0; i < n; ++i) row[static_cast<size_t>(i)] = s.Column(i);
    BUDGETDOC_RETURN_IF_ERROR(fn(row));
  }
  if (rc != SQLITE_DONE) {
    return impl_->Error("export " + std::string(ExportTableName(table)));
  }
  return Status::Ok();
}

Result<std::vector<Row>> SqliteStore::Execute(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(impl_->db, sql.data(), static_cast<int>(sql.size()),
                         &raw, &tail) != SQLITE_OK) {
    return impl_->Error(std::string(sql.substr(0, 60)));
  }
  Stmt s(raw);
  std::vector<Row> rows;
  if (raw == nullptr) return rows;  // empty statement
  int n = sqlite3_column_count(raw);
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    Row row;
    for (int i = 0; i < n; ++i) row.push_back(s.Column(i));
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return impl_->Error(std::string(sql.substr(0, 60)));
  return rows;
}

}  // namespace budgetdoc
