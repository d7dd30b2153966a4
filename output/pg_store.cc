#include "output/pg_store.h"

#include "base/utf8.h"

#include <algorithm>
#include <libpq-fe.h>
#include <memory>
#include <utility>

namespace budgetdoc {
namespace {

// Text as PostgreSQL accepts it: valid UTF-8 without NUL.
std::string CleanText(std::string_view s) {
  if (IsValidUtf8(s) && s.find('\0') == std::string_view::npos) {
    return std::string(s);
  }
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = DecodeUtf8(s, &pos);
    AppendUtf8(c == 0 ? kReplacementChar : c, &out);
  }
  return out;
}

// One field of COPY's text format: \N for NULL; backslash, tab, newline and
// carriage return escaped.
void AppendCopyField(const Json& cell, std::string* out) {
  std::string text;
  switch (cell.type()) {
    case Json::Type::kNull:
      out->append("\\N");
      return;
    case Json::Type::kBool:
      out->push_back(cell.as_bool() ? '1' : '0');
      return;
    case Json::Type::kNumber:
      out->append(cell.text());
      return;
    case Json::Type::kString:
      text = CleanText(cell.text());
      break;
    default:
      text = CleanText(cell.Dump());
      break;
  }
  for (char c : text) {
    switch (c) {
      case '\\':
        out->append("\\\\");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      default:
        out->push_back(c);
    }
  }
}

// '?' placeholders → $1, $2, ... (outside quoted strings and identifiers).
std::string Numbered(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void IgnoreNotice(void*, const char*) {}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PgConnection : public SqlConnection {
 public:
  PgConnection(PGconn* conn, std::string name)
      : conn_(conn), name_(std::move(name)) {}
  ~PgConnection() override { PQfinish(conn_); }

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  const std::string& name() const override { return name_; }

  Status Exec(std::string_view sql) override {
    BUDGETDOC_RETURN_IF_ERROR(Drain());
    ResultPtr r(PQexec(conn_, std::string(sql).c_str()));
    return Check(r.get(), sql);
  }

  Status ForEach(std::string_view sql, const std::vector<Json>& params,
                 const std::function<Status(const Row&)>& fn) override {
    BUDGETDOC_RETURN_IF_ERROR(Drain());
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      const Json& p = params[i];
      switch (p.type()) {
        case Json::Type::kNull:
          values[i] = nullptr;
          continue;
        case Json::Type::kBool:
          texts[i] = p.as_bool() ? "1" : "0";
          break;
        case Json::Type::kNumber:
          texts[i] = p.text();
          break;
        case Json::Type::kString:
          texts[i] = CleanText(p.text());
          break;
        default:
          texts[i] = CleanText(p.Dump());
          break;
      }
      values[i] = texts[i].c_str();
    }
    std::string numbered = Numbered(sql);
    if (PQsendQueryParams(conn_, numbered.c_str(),
                          static_cast<int>(params.size()), nullptr,
                          values.data(), nullptr, nullptr, 0) == 0) {
      return Error(sql, PQerrorMessage(conn_));
    }
    // Row by row, so that an export of millions of rows streams.
    PQsetSingleRowMode(conn_);
    Status status = Status::Ok();
    Row row;
    for (;;) {
      ResultPtr r(PQgetResult(conn_));
      if (r == nullptr) break;
      ExecStatusType st = PQresultStatus(r.get());
      if (st == PGRES_SINGLE_TUPLE && status.ok()) {
        int n = PQnfields(r.get());
        row.assign(static_cast<size_t>(n), std::nullopt);
        for (int i = 0; i < n; ++i) {
          if (!PQgetisnull(r.get(), 0, i)) {
            row[static_cast<size_t>(i)] =
                std::string(PQgetvalue(r.get(), 0, i),
                            static_cast<size_t>(PQgetlength(r.get(), 0, i)));
          }
        }
        status = fn(row);
        continue;  // after a failure, read the rest and drop it
      }
      if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK &&
          st != PGRES_COMMAND_OK && status.ok()) {
        status = Error(sql, PQresultErrorMessage(r.get()));
      }
    }
    return status;
  }

  // COPY ... FROM STDIN: the rows stream to the server in one command, with
  // no statement to parse per row.
  Status InsertRows(const std::string& table,
                    const std::vector<std::string>& columns,
                    const std::vector<Json>& rows) override {
    if (rows.empty()) return Status::Ok();
    BUDGETDOC_RETURN_IF_ERROR(Drain());
    std::string sql = "COPY " + table + " (";
    for (size_t i = 0; i < columns.size(); ++i) {
      sql += (i == 0 ? "" : ", ") + columns[i];
    }
    sql += ") FROM STDIN";
    ResultPtr start(PQexec(conn_, sql.c_str()));
    if (PQresultStatus(start.get()) != PGRES_COPY_IN) {
      return Error(sql, PQresultErrorMessage(start.get()));
    }
    std::string buf;
    bool sent = true;
    for (const Json& row : rows) {
      const Json::Array& cells = row.array();
      for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) buf.push_back('\t');
        AppendCopyField(cells[i], &buf);
      }
      buf.push_back('\n');
      if (buf.size() >= (size_t{1} << 16)) {
        sent = sent && PQputCopyData(conn_, buf.data(),
                                     static_cast<int>(buf.size())) == 1;
        buf.clear();
      }
    }
    if (!buf.empty()) {
      sent = sent && PQputCopyData(conn_, buf.data(),
                                   static_cast<int>(buf.size())) == 1;
    }
    if (PQputCopyEnd(conn_, sent ? nullptr : "budgetdoc: send failed") != 1) {
      return Error(sql, PQerrorMessage(conn_));
    }
    Status status = Status::Ok();
    while (PGresult* r = PQgetResult(conn_)) {
      ResultPtr owned(r);
      if (PQresultStatus(r) != PGRES_COMMAND_OK && status.ok()) {
        status = Error(sql, PQresultErrorMessage(r));
      }
    }
    return status;
  }

  Status Begin(bool) override {
    BUDGETDOC_RETURN_IF_ERROR(Exec("BEGIN"));
    in_transaction_ = true;
    return Status::Ok();
  }
  Status Commit() override {
    Status s = Exec("COMMIT");  // never on a new connection
    in_transaction_ = false;    // ended either way
    return s;
  }
  Status Rollback() override {
    in_transaction_ = false;
    if (PQstatus(conn_) != CONNECTION_OK) return Status::Ok();  // gone with it
    return Exec("ROLLBACK");
  }

 private:
  // Reads what is left of an earlier query (none in normal use), and
  // reconnects a lost connection — but not inside a transaction, whose
  // earlier statements the server has dropped.
  Status Drain() {
    while (PGresult* r = PQgetResult(conn_)) PQclear(r);
    if (PQstatus(conn_) != CONNECTION_OK) {
      if (in_transaction_) {
        return Status::IoError(name_ +
                               ": postgresql: connection lost in a "
                               "transaction: " +
                               Trimmed(PQerrorMessage(conn_)));
      }
      PQreset(conn_);
      if (PQstatus(conn_) != CONNECTION_OK) {
        return Status::IoError(name_ + ": postgresql: connection lost: " +
                               Trimmed(PQerrorMessage(conn_)));
      }
    }
    return Status::Ok();
  }

  Status Check(PGresult* r, std::string_view sql) {
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
    return Error(
        sql, r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
  }

  static std::string Trimmed(const char* msg) {
    std::string m = msg != nullptr ? msg : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return m;
  }

  Status Error(std::string_view sql, const char* msg) const {
    std::string first(sql.substr(0, std::min(sql.find('\n'), size_t{60})));
    return Status::IoError(name_ + ": postgresql: " + first + ": " +
                           Trimmed(msg));
  }

  PGconn* conn_;
  std::string name_;
  bool in_transaction_ = false;
};

}  // namespace

std::string RedactPostgresUrl(const std::string& url) {
  std::string out = url;
  // postgresql://user:password@host/...
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) end = out.size();
    size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // ...?password=secret&...
  for (size_t p = out.find("password="); p != std::string::npos;
       p = out.find("password=", p + 1)) {
    if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&') continue;
    size_t v = p + 9;
    size_t e = out.find('&', v);
    out.replace(v, (e == std::string::npos ? out.size() : e) - v, "***");
  }
  return out;
}

Result<std::unique_ptr<Store>> OpenPgStore(const std::string& url,
                                           const StoreOptions& options) {
  std::string name = RedactPostgresUrl(url);
  std::string timeout =
      std::to_string(std::max(2, options.busy_timeout_ms / 1000));
  // Later keywords override earlier ones: the URL's own settings win.
  const char* keys[] = {"connect_timeout", "application_name", "dbname",
                        nullptr};
  const char* values[] = {timeout.c_str(), "budgetdoc", url.c_str(), nullptr};
  PGconn* raw = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (raw == nullptr) {
    return Status::IoError(name + ": cannot connect: out of memory");
  }
  auto conn = std::make_unique<PgConnection>(raw, name);
  if (PQstatus(raw) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(raw);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) {
      msg.pop_back();
    }
    return Status::IoError(name + ": cannot connect: " + msg);
  }
  PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);
  if (PQsetClientEncoding(raw, "UTF8") != 0) {
    return Status::IoError(name + ": cannot use UTF-8 with this server");
  }
  if (options.read_only) {
    BUDGETDOC_RETURN_IF_ERROR(
        conn->Exec("SET default_transaction_read_only = on"));
  }
  return Store::Attach(std::move(conn), options);
}

}  // namespace budgetdoc
