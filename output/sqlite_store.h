// SqliteStore: the batch database, one SQLite file in WAL mode holding the
// documents of a crawl (path, sha256, status, reason, timings, report
// metadata, manifest metadata), their facts, check results ("findings"),
// extraction notes, recognized tables, and one row per batch run. The layout
// is documented in docs/batch.md and versioned by kStoreVersion (meta table);
// a database of another layout version is refused with a message that says
// what to do. This is the only file that includes <sqlite3.h>.
//
// Each document is written in ONE transaction (delete-then-insert keyed by
// its path; status set last), so a process killed at any point leaves either
// the previous or the new rows of a document, never a mix.
//
// Owns the connection; not copyable, not movable. Not thread-safe: use one
// store per thread (several processes may share one file; writers wait up to
// StoreOptions::busy_timeout_ms for each other).
// Tested by tests/output/sqlite_store_test.cc.
#ifndef BUDGETDOC_OUTPUT_SQLITE_STORE_H_
#define BUDGETDOC_OUTPUT_SQLITE_STORE_H_

#include "base/json.h"
#include "base/result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// Layout version of the database (tables, columns, views). Bump it whenever
// the DDL in sqlite_store.cc changes; docs/batch.md lists the history.
inline constexpr int kStoreVersion = 1;

struct StoreOptions {
  // How long a write waits for another process holding the database lock.
  int busy_timeout_ms = 10000;
  // Open an existing database for reading only (exports): nothing is
  // created or written, and a read-only file or directory is fine.
  bool read_only = false;
};

// Metadata about where a file came from, as a manifest states it. Every
// field is optional ("" / 0 = not given).
struct SourceMeta {
  std::string report_id;   // groups the files of one report (text + tables)
  std::string source_url;  // where it was downloaded from
  std::string region;      // as the manifest gives it (code or name)
  int year = 0;            // fiscal year according to the manifest
  std::string crawled_at;  // crawl time as given
  // Any other manifest columns, name → value.
  std::map<std::string, std::string> extra;

  Json ToJson() const;  // all fields, sorted keys; empty fields omitted
};

// One processed (or failed) document as the batch runner hands it over.
struct DocumentRecord {
  std::string path;          // the key: one row per path
  std::string sha256;        // lowercase hex; "" when the file was not read
  int64_t size = -1;         // bytes; -1 unknown
  std::string format;        // sniffed: pdf, docx, html, text, ...; "" unknown
  bool ok = false;           // status "ok" (true) or "failed"
  std::string error;         // the reason when failed
  std::string error_kind;    // unreadable, timeout, crash, out_of_memory, ...
  double read_ms = 0;        // reading and hashing in the parent
  double analyze_ms = 0;     // the pipeline inside the worker
  double wall_ms = 0;        // worker start to finish as the parent saw it
  int64_t peak_rss_kb = 0;   // worker peak resident set (getrusage); 0 unknown
  std::string tool_version;  // budgetdoc version that produced the rows
  std::string schema_version;  // kSchemaVersion of the rows
  std::string processed_at;    // ISO 8601 UTC
  SourceMeta source;
  // When ok: StoreRowsFromResult of the analysis (computed by the worker);
  // null when the document failed.
  Json rows;
};

// The rows the store writes for one analysis, as JSON scalars in column
// order: {"document": [...], "facts": [[...]...], "findings", "notes",
// "report_tables"}. `result` is {"title", "extraction": ExtractionToJson,
// "checks": CheckReportToJson, "notes": [FindingToJson...]}. Workers compute
// this in parallel, so the one process that writes SQLite only binds values.
Json StoreRowsFromResult(const Json& result);

// What the store remembers about a path, for incremental runs.
struct StoredDocument {
  std::string sha256;
  std::string tool_version;
  std::string schema_version;
  bool ok = false;
};

// A batch run as recorded in the runs table.
struct RunRecord {
  std::string tool_version;
  std::string schema_version;
  std::string started_at;             // ISO 8601 UTC
  Json options = Json::MakeObject();  // the options the run used
};

struct RunCounts {
  int64_t inputs = 0, ok = 0, failed = 0, skipped = 0;
};

enum class ExportTable { kFacts, kFindings, kDocuments };
// "facts", "findings", "documents"; Parse returns false for anything else.
// `s` as an SQL string literal for Execute: in single quotes, quotes
// doubled.
std::string SqlLiteral(std::string_view s);

std::string_view ExportTableName(ExportTable t);
bool ParseExportTable(std::string_view name, ExportTable* out);

// How an exported column's text is to be read.
enum class ColumnKind {
  kText,
  kCode,  // an identifier of digits ("310107", "2080505", "0201"): text,
          // leading zeros kept; CSV always quotes it
  kInteger,
  kDecimal,  // exact decimal as text ("1889.05"): a number, never rounded
  kReal,     // floating point (timings)
  kJson,     // a JSON document as text
};

struct ExportColumn {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
};

// A row of text cells; nullopt is SQL NULL.
using Row = std::vector<std::optional<std::string>>;

class SqliteStore {
 public:
  // Opens or creates the database at `path` (":memory:" for tests), sets WAL
  // mode, and creates the tables of a new database. Fails (naming the file)
  // when it cannot be opened for writing (unless options.read_only), is not
  // a SQLite or not a budgetdoc database, or has another layout version.
  static Result<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, const StoreOptions& options = {});
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  const std::string& path() const { return path_; }

  Result<int64_t> BeginRun(const RunRecord& run);
  Status FinishRun(int64_t run_id, const RunCounts& counts,
                   const std::string& finished_at);

  // The stored state of `path`, or nullopt when the store has no row for it.
  Result<std::optional<StoredDocument>> Find(const std::string& path);

  // Replaces every row of doc.path (document, facts, findings, notes,
  // tables) and records the outcome in run_inputs, in one transaction.
  Status WriteDocument(int64_t run_id, const DocumentRecord& doc);

  // Records that `path` was skipped as unchanged in this run, refreshing its
  // manifest metadata (the content and its rows stay as they are).
  Status RecordSkipped(int64_t run_id, const std::string& path,
                       const SourceMeta& source);

  // Records that `path` was left out of this run by the input filter
  // (run_inputs outcome 'skipped', reason "excluded: <reason>"); no document
  // row is written.
  Status RecordExcluded(int64_t run_id, const std::string& path,
                        const std::string& reason);

  // Columns of an export, in order.
  static const std::vector<ExportColumn>& ExportColumns(ExportTable table);
  // Calls fn for every row of the export in a deterministic order (path, then
  // position in the document); stops at the first non-OK Status fn returns.
  Status ForEachExportRow(ExportTable table,
                          const std::function<Status(const Row&)>& fn);

  // Runs one SQL statement and returns its rows as text (for tests, tools,
  // diagnostics and the passes after a batch run: cross-document results,
  // reports in several files).
  Result<std::vector<Row>> Execute(std::string_view sql);

 private:
  struct Impl;
  SqliteStore(std::string path, std::unique_ptr<Impl> impl);

  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_SQLITE_STORE_H_
