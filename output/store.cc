#include "output/store.h"

#include "output/pg_store.h"
#include "output/sqlite_store.h"
#include "output/store_layout.h"
#include "schema/version.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace budgetdoc {

bool IsSqlInteger(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

Result<std::vector<Row>> SqlConnection::Query(std::string_view sql,
                                              const std::vector<Json>& params) {
  std::vector<Row> rows;
  BUDGETDOC_RETURN_IF_ERROR(ForEach(sql, params, [&](const Row& r) {
    rows.push_back(r);
    return Status::Ok();
  }));
  return rows;
}

namespace {

// Layout versions this budgetdoc can read without migrating (exports only):
// the export views have not changed since version 1.
constexpr int kOldestReadableVersion = 1;

// Rows written per statement when registering inputs.
constexpr size_t kRegisterChunk = 400;

// Rolls back unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(SqlConnection* conn) : conn_(conn) {}
  ~Transaction() {
    if (open_) (void)conn_->Rollback();
  }
  Status Begin(bool write = true) {
    BUDGETDOC_RETURN_IF_ERROR(conn_->Begin(write));
    open_ = true;
    return Status::Ok();
  }
  Status Commit() {
    BUDGETDOC_RETURN_IF_ERROR(conn_->Commit());
    open_ = false;
    return Status::Ok();
  }

 private:
  SqlConnection* conn_;
  bool open_ = false;
};

Json TextOrNull(const std::string& s) {
  return s.empty() ? Json::Null() : Json::Str(s);
}

Json Cell(const std::optional<std::string>& s) {
  return s ? Json::Str(*s) : Json::Null();
}

// Milliseconds with microsecond resolution, as a JSON number.
Json Millis(double ms) {
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.3f", ms);
  return Json::Number(buf);
}

// "?, ?, ?" for n parameters.
std::string Marks(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i == 0 ? "?" : ", ?";
  return s;
}

std::string Join(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// "(VALUES (CAST(? AS TEXT), 0), ...)": candidates with their position.
std::string CandidateValues(const std::vector<std::string>& candidates,
                            std::vector<Json>* params) {
  std::string sql = "(VALUES ";
  for (size_t i = 0; i < candidates.size(); ++i) {
    sql += (i == 0 ? "" : ", ") + std::string("(CAST(? AS TEXT), ") +
           std::to_string(i) + ")";
    params->push_back(Json::Str(candidates[i]));
  }
  return sql + ")";
}

}  // namespace

// ---- Small public helpers ----

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

bool SourceMeta::empty() const {
  return report_id.empty() && source_url.empty() && region.empty() &&
         year <= 0 && crawled_at.empty() && extra.empty();
}

std::string SqlLiteral(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

bool IsPostgresUrl(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& db,
                                         const StoreOptions& options) {
  return IsPostgresUrl(db) ? OpenPgStore(db, options)
                           : OpenSqliteStore(db, options);
}

// ---- Store ----

Store::Store(std::unique_ptr<SqlConnection> conn) : conn_(std::move(conn)) {}
Store::~Store() = default;

std::string Store::Now() const {
  return dialect() == SqlDialect::kSqlite
             ? "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)"
             : "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)";
}

Result<std::unique_ptr<Store>> Store::Attach(
    std::unique_ptr<SqlConnection> conn, const StoreOptions& options) {
  std::unique_ptr<Store> store(new Store(std::move(conn)));
  BUDGETDOC_RETURN_IF_ERROR(store->Initialize(options));
  return store;
}

Status Store::Initialize(const StoreOptions& options) {
  const std::string& db = name();
  Transaction tx(conn_.get());
  if (Status s = tx.Begin(/*write=*/!options.read_only); !s.ok()) {
    return Status::IoError(db + ": cannot " +
                           (options.read_only ? "read" : "write to") +
                           " the database: " + s.message());
  }
  bool pg = dialect() == SqlDialect::kPostgres;
  if (pg && !options.read_only) {
    // Workers starting together on an empty database create it once.
    BUDGETDOC_RETURN_IF_ERROR(
        conn_->Query("SELECT pg_advisory_xact_lock(4242424242)").status());
  }
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> objects,
      conn_->Query(pg ? "SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = current_schema() "
                        "ORDER BY table_name"
                      : "SELECT name FROM sqlite_master WHERE name NOT LIKE "
                        "'sqlite_%' ORDER BY name"));
  bool has_meta = false;
  std::string other;
  for (const Row& r : objects) {
    std::string n = r[0].value_or("");
    if (n == "meta") {
      has_meta = true;
    } else if (other.empty()) {
      other = n;
    }
  }
  if (has_meta) {
    BUDGETDOC_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        conn_->Query("SELECT value FROM meta WHERE key = 'store_version'"));
    std::string version = rows.empty() ? "" : rows[0][0].value_or("");
    int v = std::atoi(version.c_str());
    bool current = version == std::to_string(kStoreVersion);
    bool migratable =
        !current && version == std::to_string(v) && v >= 1 && v < kStoreVersion;
    if (migratable && options.read_only && v >= kOldestReadableVersion) {
      return tx.Commit();  // read as it is
    }
    if (!current && !(migratable && !options.read_only)) {
      std::string hint =
          v > kStoreVersion
              ? "it was written by a newer budgetdoc; use that version"
              : "no migration from it exists; start a new database with "
                "--db (reprocessing is needed anyway) or export it with the "
                "budgetdoc that wrote it";
      return Status::Unsupported(
          db + ": database layout version " +
          (version.empty() ? std::string("(none)") : version) +
          ", this budgetdoc reads and writes version " +
          std::to_string(kStoreVersion) + ": " + hint);
    }
    if (migratable) {
      Status s = conn_->Exec(MigrateLayoutSql(dialect(), v));
      if (!s.ok()) {
        return s.WithContext(db + ": migrating the layout from version " +
                             version);
      }
      BUDGETDOC_RETURN_IF_ERROR(
          conn_
              ->Query("UPDATE meta SET value = ? WHERE key = 'store_version'",
                      {Json::Str(std::to_string(kStoreVersion))})
              .status());
    }
  } else if (!other.empty()) {
    return Status::InvalidArgument(
        db + ": not a budgetdoc database (it has '" + other +
        "' but no meta table); choose another --db " +
        (pg ? "database" : "file"));
  } else if (options.read_only) {
    return Status::InvalidArgument(db +
                                   ": not a budgetdoc database (it is empty)");
  } else {
    BUDGETDOC_RETURN_IF_ERROR(conn_->Exec(CreateLayoutSql(dialect())));
    BUDGETDOC_RETURN_IF_ERROR(
        conn_
            ->Query("INSERT INTO meta(key, value) VALUES (?, ?), (?, ?)",
                    {Json::Str("store_version"),
                     Json::Str(std::to_string(kStoreVersion)),
                     Json::Str("schema_version"), Json::Str(kSchemaVersion)})
            .status());
  }
  return tx.Commit();
}

Result<int64_t> Store::BeginRun(const RunRecord& run) {
  Transaction tx(conn_.get());
  BUDGETDOC_RETURN_IF_ERROR(tx.Begin());
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("INSERT INTO runs(tool_version, schema_version, "
                   "started_at, options, worker) VALUES (?, ?, ?, ?, ?) "
                   "RETURNING run_id",
                   {Json::Str(run.tool_version), Json::Str(run.schema_version),
                    Json::Str(run.started_at), Json::Str(run.options.Dump()),
                    TextOrNull(run.worker)}));
  if (rows.empty() || !rows[0][0]) {
    return Status::IoError(name() + ": insert run: no run id");
  }
  int64_t id = std::strtoll(rows[0][0]->c_str(), nullptr, 10);
  BUDGETDOC_RETURN_IF_ERROR(
      conn_
          ->Query("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                  {Json::Str(run.schema_version)})
          .status());
  BUDGETDOC_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status Store::FinishRun(int64_t run_id, const RunCounts& counts,
                        const std::string& finished_at) {
  return conn_
      ->Query(
          "UPDATE runs SET finished_at = ?, inputs = ?, ok = ?, "
          "failed = ?, skipped = ?, others = ? WHERE run_id = ?",
          {Json::Str(finished_at), Json::Int(counts.inputs),
           Json::Int(counts.ok), Json::Int(counts.failed),
           Json::Int(counts.skipped), Json::Int(counts.others),
           Json::Int(run_id)})
      .status();
}

Result<std::optional<StoredDocument>> Store::Find(const std::string& path) {
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("SELECT sha256, tool_version, schema_version, status, "
                   "error_kind, error FROM documents WHERE path = ?",
                   {Json::Str(path)}));
  std::optional<StoredDocument> found;
  if (!rows.empty()) {
    const Row& r = rows[0];
    StoredDocument d;
    d.sha256 = r[0].value_or("");
    d.tool_version = r[1].value_or("");
    d.schema_version = r[2].value_or("");
    d.ok = r[3].value_or("") == "ok";
    d.error_kind = r[4].value_or("");
    d.error = r[5].value_or("");
    found = std::move(d);
  }
  return found;
}

Result<bool> Store::CompleteClaim(const std::string& path,
                                  const std::string& sha,
                                  std::string_view owner) {
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("UPDATE queue SET state = 'done', owner = NULL, "
                   "lease_until = NULL, done_at = " +
                       Now() +
                       ", sha256 = COALESCE(?, sha256) WHERE path = ? AND "
                       "owner = ? AND state = 'claimed' RETURNING path",
                   {TextOrNull(sha), Json::Str(path), Json::Str(owner)}));
  return !rows.empty();
}

Status Store::RecordOutcome(int64_t run_id, const std::string& path,
                            std::string_view outcome,
                            const std::string& reason) {
  return conn_
      ->Query(
          "INSERT INTO run_inputs(run_id, path, outcome, reason) VALUES "
          "(?, ?, ?, ?) ON CONFLICT (run_id, path) DO UPDATE SET "
          "outcome = excluded.outcome, reason = excluded.reason",
          {Json::Int(run_id), Json::Str(path), Json::Str(outcome),
           TextOrNull(reason)})
      .status();
}

Status Store::InsertAttempt(int64_t run_id, const DocumentRecord& doc) {
  return conn_
      ->Query(
          "INSERT INTO attempts(path, run_id, attempt, worker, outcome, "
          "error_kind, error, sha256, wall_ms, peak_rss_kb, finished_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (path, run_id, attempt) DO NOTHING",
          {Json::Str(doc.path), Json::Int(run_id), Json::Int(doc.attempt),
           TextOrNull(doc.worker), Json::Str(doc.ok ? "ok" : "failed"),
           TextOrNull(doc.error_kind), TextOrNull(doc.error),
           TextOrNull(doc.sha256), Millis(doc.wall_ms),
           doc.peak_rss_kb > 0 ? Json::Int(doc.peak_rss_kb) : Json::Null(),
           Json::Str(doc.processed_at)})
      .status();
}

Result<bool> Store::WriteDocument(int64_t run_id, const DocumentRecord& doc,
                                  std::string_view claim_owner) {
  const std::vector<std::string>& result_columns = DocumentResultColumns();
  const Json* document = doc.ok ? doc.rows.Find("document") : nullptr;
  if (doc.ok &&
      (document == nullptr || document->type() != Json::Type::kArray ||
       document->array().size() != result_columns.size())) {
    return Status::InvalidArgument(name() + ": " + doc.path +
                                   ": rows without a valid document row");
  }

  Transaction tx(conn_.get());
  BUDGETDOC_RETURN_IF_ERROR(tx.Begin());
  if (!claim_owner.empty()) {
    BUDGETDOC_ASSIGN_OR_RETURN(
        bool held, CompleteClaim(doc.path, doc.sha256, claim_owner));
    if (!held) return false;
  }

  // The previous rows of this path, and its manifest metadata (kept when
  // this run has none, e.g. a plain directory run after a manifest run).
  constexpr const char* kSourceColumns[] = {"report_id",       "source_url",
                                            "manifest_region", "manifest_year",
                                            "crawled_at",      "manifest"};
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> old,
      conn_->Query("SELECT doc_id, report_id, source_url, manifest_region, "
                   "manifest_year, crawled_at, manifest FROM documents "
                   "WHERE path = ?",
                   {Json::Str(doc.path)}));
  if (!old.empty()) {
    Json old_id = Cell(old[0][0]);
    for (const TableSpec& t : LayoutTables()) {
      if (t.rows_key == nullptr) continue;
      BUDGETDOC_RETURN_IF_ERROR(conn_
                                    ->Query(std::string("DELETE FROM ") +
                                                t.name + " WHERE doc_id = ?",
                                            {old_id})
                                    .status());
    }
    BUDGETDOC_RETURN_IF_ERROR(
        conn_->Query("DELETE FROM documents WHERE doc_id = ?", {old_id})
            .status());
  }

  std::vector<std::string> columns = {
      "path",         "sha256",         "size",         "format",
      "status",       "error",          "error_kind",   "run_id",
      "tool_version", "schema_version", "processed_at", "read_ms",
      "analyze_ms",   "wall_ms",        "peak_rss_kb",  "attempts"};
  std::vector<Json> values = {
      Json::Str(doc.path),
      TextOrNull(doc.sha256),
      doc.size >= 0 ? Json::Int(doc.size) : Json::Null(),
      TextOrNull(doc.format),
      Json::Str("pending"),  // the status is set last
      TextOrNull(doc.error),
      TextOrNull(doc.error_kind),
      Json::Int(run_id),
      Json::Str(doc.tool_version),
      Json::Str(doc.schema_version),
      Json::Str(doc.processed_at),
      Millis(doc.read_ms),
      Millis(doc.analyze_ms),
      Millis(doc.wall_ms),
      doc.peak_rss_kb > 0 ? Json::Int(doc.peak_rss_kb) : Json::Null(),
      Json::Int(doc.attempt),
  };
  for (size_t i = 0; i < std::size(kSourceColumns); ++i) {
    columns.push_back(kSourceColumns[i]);
  }
  if (doc.source.empty()) {
    for (size_t i = 0; i < std::size(kSourceColumns); ++i) {
      values.push_back(old.empty() ? Json::Null() : Cell(old[0][i + 1]));
    }
  } else {
    const SourceMeta& s = doc.source;
    values.push_back(TextOrNull(s.report_id));
    values.push_back(TextOrNull(s.source_url));
    values.push_back(TextOrNull(s.region));
    values.push_back(s.year > 0 ? Json::Int(s.year) : Json::Null());
    values.push_back(TextOrNull(s.crawled_at));
    values.push_back(Json::Str(s.ToJson().Dump()));
  }
  for (size_t i = 0; i < result_columns.size(); ++i) {
    columns.push_back(result_columns[i]);
    values.push_back(document != nullptr ? document->array()[i] : Json::Null());
  }
  BUDGETDOC_ASSIGN_OR_RETURN(
      std::vector<Row> inserted,
      conn_->Query("INSERT INTO documents(" + Join(columns) + ") VALUES (" +
                       Marks(columns.size()) + ") RETURNING doc_id",
                   values));
  if (inserted.empty() || !inserted[0][0]) {
    return Status::IoError(name() + ": insert document: no id");
  }
  Json doc_id = Json::Number(*inserted[0][0]);

  if (doc.ok) {
    for (const TableSpec& t : LayoutTables()) {
      if (t.rows_key == nullptr) continue;
      const Json* rows = doc.rows.Find(t.rows_key);
      if (rows == nullptr || rows->type() != Json::Type::kArray) continue;
      std::vector<std::string> names;
      for (const ColumnSpec& c : t.Columns()) names.push_back(c.name);
      size_t mapped = names.size() - 2;  // after doc_id and seq
      std::vector<Json> out;
      out.reserve(rows->array().size());
      int64_t seq = 0;
      for (const Json& row : rows->array()) {
        if (row.type() != Json::Type::kArray || row.array().size() != mapped) {
          return Status::InvalidArgument(name() + ": " + t.name + " row " +
                                         std::to_string(seq) +
                                         " has the wrong shape");
        }
        Json full = Json::MakeArray();
        full.Push(doc_id);
        full.Push(Json::Int(seq++));
        for (const Json& cell : row.array()) full.Push(cell);
        out.push_back(std::move(full));
      }
      BUDGETDOC_RETURN_IF_ERROR(conn_->InsertRows(t.name, names, out));
    }
  }

  BUDGETDOC_RETURN_IF_ERROR(
      conn_
          ->Query("UPDATE documents SET status = ? WHERE doc_id = ?",
                  {Json::Str(doc.ok ? "ok" : "failed"), doc_id})
          .status());
  BUDGETDOC_RETURN_IF_ERROR(
      RecordOutcome(run_id, doc.path, doc.ok ? "ok" : "failed", doc.error));
  BUDGETDOC_RETURN_IF_ERROR(InsertAttempt(run_id, doc));
  BUDGETDOC_RETURN_IF_ERROR(tx.Commit());
  return true;
}

Result<bool> Store::RecordSkipped(int64_t run_id, const std::string& path,
                                  const SourceMeta& source,
                                  std::string_view claim_owner) {
  Transaction tx(conn_.get());
  BUDGETDOC_RETURN_IF_ERROR(tx.Begin());
  if (!claim_owner.empty()) {
    BUDGETDOC_ASSIGN_OR_RETURN(bool held, CompleteClaim(path, "", claim_owner));
    if (!held) return false;
  }
  if (!source.empty()) {
    BUDGETDOC_RETURN_IF_ERROR(
        conn_
            ->Query("UPDATE documents SET report_id = ?, source_url = ?, "
                    "manifest_region = ?, manifest_year = ?, crawled_at = ?, "
                    "manifest = ? WHERE path = ?",
                    {TextOrNull(source.report_id),
                     TextOrNull(source.source_url), TextOrNull(source.region),
                     source.year > 0 ? Json::Int(source.year) : Json::Null(),
                     TextOrNull(source.crawled_at),
                     Json::Str(source.ToJson().Dump()), Json::Str(path)})
            .status());
  }
  BUDGETDOC_RETURN_IF_ERROR(
      RecordOutcome(run_id, path, "skipped", "unchanged"));
  BUDGETDOC_RETURN_IF_ERROR(tx.Commit());
  return true;
}

Status Store::RecordExcluded(int64_t run_id, const std::string& path,
                             const std::string& reason) {
  return RecordOutcome(run_id, path, "skipped", "excluded: " + reason);
}

Status Store::RecordAttempt(int64_t run_id, const DocumentRecord& attempt) {
  return InsertAttempt(run_id, attempt);
}

// ---- Claims and leases ----

Result<int64_t> Store::ClockMs() {
  BUDGETDOC_ASSIGN_OR_RETURN(std::vector<Row> rows,
                             conn_->Query("SELECT " + Now()));
  if (rows.empty() || !rows[0][0]) {
    return Status::IoError(name() + ": the database has no clock");
  }
  return std::strtoll(rows[0][0]->c_str(), nullptr, 10);
}

Status Store::Register(const std::vector<QueueInput>& inputs,
                       int64_t since_ms) {
  // In path order, so that processes registering overlapping lists lock
  // queue rows in the same order.
  std::vector<const QueueInput*> sorted;
  for (const QueueInput& in : inputs) sorted.push_back(&in);
  std::sort(sorted.begin(), sorted.end(),
            [](const QueueInput* a, const QueueInput* b) {
              return a->path < b->path;
            });
  Transaction tx(conn_.get());
  // SQLite: one transaction (one lock, one commit); PostgreSQL: one per
  // chunk, so that claims elsewhere wait for no more than a chunk.
  bool one_transaction = dialect() == SqlDialect::kSqlite;
  if (one_transaction) BUDGETDOC_RETURN_IF_ERROR(tx.Begin());
  for (size_t start = 0; start < sorted.size(); start += kRegisterChunk) {
    size_t end = std::min(sorted.size(), start + kRegisterChunk);
    std::string sql =
        "INSERT INTO queue(path, size, state, claims, registered_at) VALUES ";
    std::vector<Json> params;
    for (size_t i = start; i < end; ++i) {
      sql += (i == start ? "" : ", ") + std::string("(?, ?, 'pending', 0, ") +
             Now() + ")";
      params.push_back(Json::Str(sorted[i]->path));
      params.push_back(sorted[i]->size >= 0 ? Json::Int(sorted[i]->size)
                                            : Json::Null());
    }
    sql +=
        " ON CONFLICT (path) DO UPDATE SET size = excluded.size, "
        "state = 'pending', owner = NULL, lease_until = NULL, "
        "registered_at = excluded.registered_at "
        "WHERE queue.state = 'done' AND queue.done_at < ?";
    params.push_back(Json::Int(since_ms));
    if (one_transaction) {
      BUDGETDOC_RETURN_IF_ERROR(conn_->Query(sql, params).status());
    } else {
      Transaction chunk(conn_.get());
      BUDGETDOC_RETURN_IF_ERROR(chunk.Begin());
      BUDGETDOC_RETURN_IF_ERROR(conn_->Query(sql, params).status());
      BUDGETDOC_RETURN_IF_ERROR(chunk.Commit());
    }
  }
  return one_transaction ? tx.Commit() : Status::Ok();
}

Result<std::vector<CandidateState>> Store::Claim(
    const std::vector<std::string>& candidates, const Lease& lease) {
  std::vector<CandidateState> states(candidates.size());
  if (candidates.empty()) return states;
  std::vector<Json> values_params;
  std::string values = CandidateValues(candidates, &values_params);
  // One statement (autocommit): the first candidate nobody holds becomes
  // this owner's. On PostgreSQL rows that another worker is claiming at
  // this moment are skipped, not waited for; SQLite has one writer at a
  // time.
  std::vector<Json> params = {Json::Str(lease.owner), Json::Int(lease.ms)};
  params.insert(params.end(), values_params.begin(), values_params.end());
  std::string claim =
      "UPDATE queue SET state = 'claimed', owner = ?, lease_until = " + Now() +
      " + ?, claims = claims + 1 WHERE path = (SELECT q.path FROM queue q "
      "JOIN " +
      values +
      " w ON q.path = w.column1 WHERE q.state = 'pending' OR "
      "(q.state = 'claimed' AND q.lease_until < " +
      Now() + ") ORDER BY w.column2 LIMIT 1" +
      (dialect() == SqlDialect::kPostgres ? " FOR UPDATE OF q SKIP LOCKED"
                                          : "") +
      ") RETURNING path";
  BUDGETDOC_ASSIGN_OR_RETURN(std::vector<Row> picked,
                             conn_->Query(claim, params));
  size_t claimed_at = candidates.size();
  if (!picked.empty() && picked[0][0]) {
    claimed_at = static_cast<size_t>(
        std::find(candidates.begin(), candidates.end(), *picked[0][0]) -
        candidates.begin());
  }
  // The candidates before the claimed one (all when none was): why they
  // were passed over.
  std::vector<Row> rows;
  if (claimed_at > 0) {
    values_params.push_back(Json::Int(static_cast<int64_t>(claimed_at)));
    BUDGETDOC_ASSIGN_OR_RETURN(
        rows,
        conn_->Query("SELECT w.column2, q.state, q.owner, q.lease_until - " +
                         Now() +
                         ", d.status, d.error_kind, d.error FROM queue q "
                         "JOIN " +
                         values +
                         " w ON q.path = w.column1 LEFT JOIN documents d ON "
                         "d.path = q.path WHERE w.column2 < ?",
                     values_params));
  }
  if (claimed_at < states.size()) {
    states[claimed_at].kind = CandidateState::Kind::kClaimed;
  }
  for (size_t i = 0; i < claimed_at; ++i) {
    states[i].kind = CandidateState::Kind::kUnknown;  // unless found below
  }
  for (size_t i = claimed_at + 1; i < states.size(); ++i) {
    states[i].kind = CandidateState::Kind::kAvailable;  // not looked at
  }
  for (const Row& r : rows) {
    size_t i = std::strtoull(r[0].value_or("0").c_str(), nullptr, 10);
    if (i >= claimed_at) continue;
    CandidateState& s = states[i];
    std::string state = r[1].value_or("");
    int64_t left = std::strtoll(r[3].value_or("0").c_str(), nullptr, 10);
    if (state == "done") {
      s.kind = CandidateState::Kind::kDone;
      s.ok = r[4].value_or("") == "ok";
      s.error_kind = r[5].value_or("");
      s.error = r[6].value_or("");
    } else if (state == "claimed" && left >= 0) {
      s.kind = CandidateState::Kind::kHeld;
      s.owner = r[2].value_or("");
      s.lease_left_ms = left;
    } else {
      // Claimable, but another transaction was claiming it just now.
      s.kind = CandidateState::Kind::kAvailable;
    }
  }
  return states;
}

Status Store::RenewClaims(const Lease& lease) {
  return conn_
      ->Query("UPDATE queue SET lease_until = " + Now() +
                  " + ? WHERE owner = ? AND state = 'claimed'",
              {Json::Int(lease.ms), Json::Str(lease.owner)})
      .status();
}

Status Store::ExpireClaims(const std::string& owner) {
  return conn_
      ->Query(
          "UPDATE queue SET lease_until = 0 WHERE owner = ? AND "
          "state = 'claimed'",
          {Json::Str(owner)})
      .status();
}

Status Store::ReleaseClaims(const std::string& owner, const std::string& path) {
  std::vector<Json> params = {Json::Str(owner)};
  std::string sql =
      "UPDATE queue SET state = 'pending', owner = NULL, lease_until = NULL "
      "WHERE owner = ? AND state = 'claimed'";
  if (!path.empty()) {
    sql += " AND path = ?";
    params.push_back(Json::Str(path));
  }
  return conn_->Query(sql, params).status();
}

// ---- Reading ----

Status Store::ForEachExportRow(const ExportQuery& query,
                               const std::function<Status(const Row&)>& fn) {
  ExportViewSpec view = ExportView(query.table);
  std::string sql = "SELECT ";
  bool first = true;
  for (const ExportColumn& c : ExportColumns(query.table)) {
    sql += (first ? "" : ", ") + c.name;
    first = false;
  }
  sql += std::string(" FROM ") + view.view;
  std::vector<Json> params;
  if (!query.path.empty()) {
    sql += " WHERE path = ?";
    params.push_back(Json::Str(query.path));
  }
  sql += std::string(" ORDER BY ") + view.order_by;
  if (query.limit >= 0) {
    sql += " LIMIT ?";
    params.push_back(Json::Int(query.limit));
  } else if (query.offset > 0 && dialect() == SqlDialect::kSqlite) {
    sql += " LIMIT -1";  // SQLite needs a LIMIT before OFFSET
  }
  if (query.offset > 0) {
    sql += " OFFSET ?";
    params.push_back(Json::Int(query.offset));
  }
  Status s = conn_->ForEach(sql, params, fn);
  if (!s.ok() && s.message().find(name()) == std::string::npos) {
    return s.WithContext(name() + ": export " +
                         std::string(ExportTableName(query.table)));
  }
  return s;
}

Status Store::ForEachExportRow(ExportTable table,
                               const std::function<Status(const Row&)>& fn) {
  ExportQuery query;
  query.table = table;
  return ForEachExportRow(query, fn);
}

Result<std::vector<Row>> Store::Execute(std::string_view sql) {
  return conn_->Query(sql);
}

}  // namespace budgetdoc
