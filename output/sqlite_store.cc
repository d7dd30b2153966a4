#include "output/sqlite_store.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>
#include <utility>

namespace budgetdoc {
namespace {

// A prepared statement; finalized on destruction.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(Stmt&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  Stmt& operator=(Stmt&&) = delete;
  sqlite3_stmt* get() const { return s_; }

  // Binds one JSON scalar: null, bool (0/1), integer, other number (REAL),
  // string (TEXT); anything else as its JSON text.
  void Bind(int i, const Json& cell) {
    switch (cell.type()) {
      case Json::Type::kNull:
        sqlite3_bind_null(s_, i);
        return;
      case Json::Type::kBool:
        sqlite3_bind_int64(s_, i, cell.as_bool() ? 1 : 0);
        return;
      case Json::Type::kNumber:
        if (IsSqlInteger(cell.text())) {
          sqlite3_bind_int64(s_, i,
                             std::strtoll(cell.text().c_str(), nullptr, 10));
        } else {
          sqlite3_bind_double(s_, i, std::strtod(cell.text().c_str(), nullptr));
        }
        return;
      case Json::Type::kString:
        BindText(i, cell.text());
        return;
      default:
        BindText(i, cell.Dump());
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
  void BindText(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
  }

  sqlite3_stmt* s_;
};

class SqliteConnection : public SqlConnection {
 public:
  explicit SqliteConnection(std::string path) : path_(std::move(path)) {}
  ~SqliteConnection() override {
    statements_.clear();  // finalize before closing
    if (db_ != nullptr) sqlite3_close_v2(db_);
  }

  sqlite3** handle() { return &db_; }
  sqlite3* db() const { return db_; }

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  const std::string& name() const override { return path_; }

  Status Error(std::string_view what) const {
    return Status::IoError(path_ + ": sqlite: " + std::string(what) + ": " +
                           sqlite3_errmsg(db_));
  }

  Status Exec(std::string_view sql) override {
    std::string text(sql);
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
      std::string m = msg != nullptr ? msg : sqlite3_errstr(rc);
      sqlite3_free(msg);
      std::string first_line = text.substr(0, text.find('\n'));
      return Status::IoError(path_ + ": sqlite: " + first_line + ": " + m);
    }
    return Status::Ok();
  }

  Status ForEach(std::string_view sql, const std::vector<Json>& params,
                 const std::function<Status(const Row&)>& fn) override {
    BUDGETDOC_ASSIGN_OR_RETURN(Stmt * s, Prepare(std::string(sql)));
    for (size_t i = 0; i < params.size(); ++i) {
      s->Bind(static_cast<int>(i) + 1, params[i]);
    }
    int n = sqlite3_column_count(s->get());
    Row row(static_cast<size_t>(n));
    int rc;
    while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) {
      for (int i = 0; i < n; ++i) row[static_cast<size_t>(i)] = s->Column(i);
      Status st = fn(row);
      if (!st.ok()) {
        sqlite3_reset(s->get());
        return st;
      }
    }
    Status result = rc == SQLITE_DONE ? Status::Ok()
                                      : Error(std::string(sql.substr(0, 60)));
    sqlite3_reset(s->get());
    return result;
  }

  Status InsertRows(const std::string& table,
                    const std::vector<std::string>& columns,
                    const std::vector<Json>& rows) override {
    std::string sql = "INSERT INTO " + table + "(", marks;
    for (size_t i = 0; i < columns.size(); ++i) {
      sql += (i == 0 ? "" : ", ") + columns[i];
      marks += i == 0 ? "?" : ", ?";
    }
    sql += ") VALUES (" + marks + ")";
    BUDGETDOC_ASSIGN_OR_RETURN(Stmt * s, Prepare(sql));
    for (const Json& row : rows) {
      sqlite3_reset(s->get());
      sqlite3_clear_bindings(s->get());
      for (size_t i = 0; i < row.array().size(); ++i) {
        s->Bind(static_cast<int>(i) + 1, row.array()[i]);
      }
      int rc = sqlite3_step(s->get());
      if (rc != SQLITE_DONE) {
        Status st = Error("insert into " + table);
        sqlite3_reset(s->get());
        return st;
      }
    }
    sqlite3_reset(s->get());
    return Status::Ok();
  }

  Status Begin(bool write) override {
    return Exec(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override { return Exec("ROLLBACK"); }

 private:
  // A cached statement, reset and with its bindings cleared.
  Result<Stmt*> Prepare(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &s,
                             nullptr) != SQLITE_OK) {
        return Error("prepare '" + sql.substr(0, 60) + "'");
      }
      it = statements_.emplace(sql, Stmt(s)).first;
    }
    sqlite3_reset(it->second.get());
    sqlite3_clear_bindings(it->second.get());
    return &it->second;
  }

  std::string path_;
  sqlite3* db_ = nullptr;
  std::map<std::string, Stmt> statements_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options) {
  auto conn = std::make_unique<SqliteConnection>(path);
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), conn->handle(), flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg =
        conn->db() != nullptr ? sqlite3_errmsg(conn->db()) : sqlite3_errstr(rc);
    return Status::IoError(path + ": cannot open database: " + msg);
  }
  sqlite3_extended_result_codes(conn->db(), 1);
  sqlite3_busy_timeout(conn->db(), options.busy_timeout_ms);
  if (!options.read_only && sqlite3_db_readonly(conn->db(), "main") == 1) {
    return Status::IoError(path + ": database is read-only");
  }
  // The first statement reads the header: a file that is not SQLite fails
  // here with "file is not a database". Switching a new file to WAL needs
  // it to itself, and SQLite does not wait for that (no busy handler): when
  // several processes start on one new file, wait here.
  char* msg = nullptr;
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(options.busy_timeout_ms);
  for (;;) {
    rc = sqlite3_exec(conn->db(),
                      options.read_only ? "SELECT count(*) FROM sqlite_master"
                                        : "PRAGMA journal_mode=WAL",
                      nullptr, nullptr, &msg);
    if ((rc & 0xFF) != SQLITE_BUSY ||
        std::chrono::steady_clock::now() >= deadline) {
      break;
    }
    sqlite3_free(msg);
    msg = nullptr;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (rc != SQLITE_OK) {
    std::string m = msg != nullptr ? msg : sqlite3_errstr(rc);
    sqlite3_free(msg);
    return Status::IoError(path + ": cannot use as a database: " + m);
  }
  if (!options.read_only) {
    BUDGETDOC_RETURN_IF_ERROR(conn->Exec("PRAGMA synchronous=NORMAL"));
  }
  return Store::Attach(std::move(conn), options);
}

}  // namespace budgetdoc
