// Store: the batch database — documents of a crawl (path, sha256, status,
// reason, timings, report and manifest metadata), their facts, check results
// ("findings"), extraction notes, recognized tables, batch runs, the work
// queue with its claims, and every worker attempt. One implementation of the
// logic over two databases: a SQLite file (the default, output/sqlite_store.h)
// or a PostgreSQL server (output/pg_store.h), both with the same layout
// (output/store_layout.h), created on first use and migrated from older
// layout versions. docs/batch.md documents the layout.
//
// Each document is written in ONE transaction (delete-then-insert keyed by
// its path; status set last), so a process killed at any point leaves either
// the previous or the new rows of a document, never a mix.
//
// Claims: every input of a run is registered in the `queue` table; a worker
// claims a document before it reads it and holds a lease (renewed while it
// works); writing the document completes the claim in the same transaction,
// and only while the claim is still the worker's, so a document is written
// once however many processes on however many machines share the database.
// A lease that is not renewed (the process died) expires and the document
// can be claimed again.
//
// Owns its connection; not copyable, not movable. Not thread-safe: use one
// store per thread (several processes may share one database).
// Tested by tests/output/store_test.cc and tests/output/sqlite_store_test.cc.
#ifndef BUDGETDOC_OUTPUT_STORE_H_
#define BUDGETDOC_OUTPUT_STORE_H_

#include "base/json.h"
#include "base/result.h"
#include "output/sql_connection.h"

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
// the layout in store_layout.cc changes; docs/batch.md lists the history.
inline constexpr int kStoreVersion = 3;

struct StoreOptions {
  // How long a write waits for another process holding the database lock
  // (SQLite), or for the connection to be made (PostgreSQL).
  int busy_timeout_ms = 10000;
  // Open an existing database for reading only (exports): nothing is
  // created, migrated or written, and a read-only file is fine.
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
  bool empty() const;
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
  int attempt = 1;             // which worker attempt this is (1 or 2)
  std::string worker;          // who processed it (the claim owner), or ""
  SourceMeta source;
  // When ok: StoreRowsFromResult of the analysis (computed by the worker);
  // null when the document failed.
  Json rows;
};

// The rows the store writes for one analysis, as JSON scalars in column
// order: {"document": [...], "facts": [[...]...], "findings", "notes",
// "report_tables"}. `result` is {"title", "extraction": ExtractionToJson,
// "checks": CheckReportToJson, "notes": [FindingToJson...]}. Workers compute
// this in parallel, so the process that writes the database only binds
// values.
Json StoreRowsFromResult(const Json& result);

// What the store remembers about a path, for incremental runs.
struct StoredDocument {
  std::string sha256;
  std::string tool_version;
  std::string schema_version;
  bool ok = false;
  std::string error_kind;  // when failed
  std::string error;       // when failed
};

// A batch run as recorded in the runs table.
struct RunRecord {
  std::string tool_version;
  std::string schema_version;
  std::string started_at;             // ISO 8601 UTC
  std::string worker;                 // the claim owner of the run, or ""
  Json options = Json::MakeObject();  // the options the run used
};

struct RunCounts {
  int64_t inputs = 0, ok = 0, failed = 0, skipped = 0;
  int64_t others = 0;  // completed by other workers while this run ran
};

// ---- Claims ----

// Who claims, and for how long a claim lasts without renewal.
struct Lease {
  std::string owner;  // unique per process, e.g. "host:pid@ns/run"
  int64_t ms = 60000;
};

// One input of a run as registered in the queue.
struct QueueInput {
  std::string path;
  int64_t size = -1;  // -1 unknown
};

// What a claim attempt found for one candidate.
struct CandidateState {
  enum class Kind {
    // Nobody holds it (not taken in this call), or not looked at: Claim
    // looks at the candidates up to the one it claims.
    kAvailable,
    kClaimed,  // claimed by this call: the caller now holds it
    kHeld,     // another owner holds a lease that has not expired
    kDone,     // completed by another owner since this run registered it
    kUnknown,  // not in the queue (not registered)
  };
  Kind kind = Kind::kUnknown;
  std::string owner;          // kHeld: the holder
  int64_t lease_left_ms = 0;  // kHeld: until the lease expires
  // kDone: the stored document's status and reason.
  bool ok = false;
  std::string error_kind, error;
};

// ---- Export (the read API) ----

enum class ExportTable { kFacts, kFindings, kDocuments };
// "facts", "findings", "documents"; Parse returns false for anything else.
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

// Columns of an export, in order.
const std::vector<ExportColumn>& ExportColumns(ExportTable table);

// Which export rows to read.
struct ExportQuery {
  ExportTable table = ExportTable::kFacts;
  std::string path;    // only the rows of this document ("" = all)
  int64_t limit = -1;  // at most this many rows (-1 = no limit)
  int64_t offset = 0;  // after skipping this many (with limit: pages)
};

class Store {
 public:
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The database as named to the user: a file path, or a URL without its
  // password.
  const std::string& name() const { return conn_->name(); }
  SqlDialect dialect() const { return conn_->dialect(); }

  Result<int64_t> BeginRun(const RunRecord& run);
  Status FinishRun(int64_t run_id, const RunCounts& counts,
                   const std::string& finished_at);

  // The stored state of `path`, or nullopt when the store has no row for it.
  Result<std::optional<StoredDocument>> Find(const std::string& path);

  // Replaces every row of doc.path (document, facts, findings, notes,
  // tables), records the outcome in run_inputs and the attempt in attempts,
  // in one transaction. With a claim owner, also completes the claim — and
  // writes nothing, returning false, when the owner no longer holds it (its
  // lease expired and another worker took the document). True: written.
  Result<bool> WriteDocument(int64_t run_id, const DocumentRecord& doc,
                             std::string_view claim_owner = {});

  // Records that `path` was skipped as unchanged in this run, refreshing its
  // manifest metadata (the content and its rows stay as they are); with a
  // claim owner, completes the claim like WriteDocument.
  Result<bool> RecordSkipped(int64_t run_id, const std::string& path,
                             const SourceMeta& source,
                             std::string_view claim_owner = {});

  // Records that `path` was left out of this run by the input filter
  // (run_inputs outcome 'skipped', reason "excluded: <reason>"); no document
  // row is written and nothing is queued.
  Status RecordExcluded(int64_t run_id, const std::string& path,
                        const std::string& reason);

  // Records one worker attempt that did not end the document (it is retried).
  Status RecordAttempt(int64_t run_id, const DocumentRecord& attempt);

  // ---- Claims and leases ----

  // The database's clock in milliseconds since the epoch (the server's clock
  // for PostgreSQL, so that leases mean the same on every machine).
  Result<int64_t> ClockMs();

  // Puts inputs into the queue: new paths as pending; paths completed before
  // `since_ms` (an earlier run) pending again, so this run looks at them;
  // paths claimed by someone or completed since `since_ms` stay as they are.
  Status Register(const std::vector<QueueInput>& inputs, int64_t since_ms);

  // Claims the first candidate (in the order given) that nobody holds, with
  // a lease of lease.ms; skips rows another transaction is claiming at this
  // moment. Returns a state per candidate: at most one kClaimed, why each
  // before it was passed over, kAvailable for those after it.
  Result<std::vector<CandidateState>> Claim(
      const std::vector<std::string>& candidates, const Lease& lease);

  // Extends the lease of every document the owner holds.
  Status RenewClaims(const Lease& lease);
  // Ends the leases of `owner` now (the caller knows it is dead), so its
  // documents can be claimed at once.
  Status ExpireClaims(const std::string& owner);
  // Gives back documents `owner` holds (all, or only `path`) as pending.
  Status ReleaseClaims(const std::string& owner, const std::string& path = "");

  // ---- Reading ----

  // Calls fn for every row of the export in a deterministic order (path, then
  // position in the document); stops at the first non-OK Status fn returns.
  Status ForEachExportRow(const ExportQuery& query,
                          const std::function<Status(const Row&)>& fn);
  Status ForEachExportRow(ExportTable table,
                          const std::function<Status(const Row&)>& fn);

  // Runs one SQL statement and returns its rows as text (for tests, tools and
  // diagnostics; the batch runner never needs it).
  Result<std::vector<Row>> Execute(std::string_view sql);

  // Takes over an open connection: checks the layout version and creates or
  // migrates the layout (unless options.read_only). Used by the Open
  // functions of the two databases.
  static Result<std::unique_ptr<Store>> Attach(
      std::unique_ptr<SqlConnection> conn, const StoreOptions& options);

 private:
  explicit Store(std::unique_ptr<SqlConnection> conn);
  Status Initialize(const StoreOptions& options);
  // Completes owner's claim on path inside the open transaction; false when
  // the owner does not hold it.
  Result<bool> CompleteClaim(const std::string& path, const std::string& sha,
                             std::string_view owner);
  Status InsertAttempt(int64_t run_id, const DocumentRecord& doc);
  Status RecordOutcome(int64_t run_id, const std::string& path,
                       std::string_view outcome, const std::string& reason);
  std::string Now() const;  // SQL for the clock in ms

  std::unique_ptr<SqlConnection> conn_;
};

// `s` as an SQL string literal for Execute: in single quotes, quotes
// doubled (the same in SQLite and PostgreSQL with standard strings).
std::string SqlLiteral(std::string_view s);

// Whether --db names a PostgreSQL database (postgresql:// or postgres://).
bool IsPostgresUrl(std::string_view db);

// Opens the SQLite file or PostgreSQL database `db` names.
Result<std::unique_ptr<Store>> OpenStore(const std::string& db,
                                         const StoreOptions& options = {});

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_STORE_H_
