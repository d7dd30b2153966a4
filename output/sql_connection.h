// SqlConnection: what the batch database's logic (output/store.h) needs from
// one connection to a SQL database. Implemented for SQLite
// (output/sqlite_store.cc, the only SQLite user) and PostgreSQL
// (output/pg_store.cc, the only libpq user); everything else about the
// database — layout, queries, transactions — is written once, in store.cc.
//
// Statements use '?' placeholders, bound in order to JSON scalars: null →
// NULL, bool → 0/1, number → its literal (an integer, or a real), string →
// text. Results are text cells (nullopt = NULL): integers in decimal, reals
// as the database prints them.
//
// Not thread-safe; owned by one Store.
// Tested through tests/output/store_test.cc.
#ifndef BUDGETDOC_OUTPUT_SQL_CONNECTION_H_
#define BUDGETDOC_OUTPUT_SQL_CONNECTION_H_

#include "base/json.h"
#include "base/result.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// A row of text cells; nullopt is SQL NULL.
using Row = std::vector<std::optional<std::string>>;

enum class SqlDialect { kSqlite, kPostgres };

// Whether a JSON number literal is an integer that fits 64 bits (at most 18
// digits): such cells are bound as integers, other numbers as reals.
bool IsSqlInteger(std::string_view literal);

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual SqlDialect dialect() const = 0;
  // The database as named in messages: a file path, or a URL without its
  // password.
  virtual const std::string& name() const = 0;

  // Runs a script of statements without parameters.
  virtual Status Exec(std::string_view sql) = 0;

  // Runs one statement and calls fn for each row it returns, in order;
  // stops at the first non-OK Status fn returns and returns it.
  virtual Status ForEach(std::string_view sql, const std::vector<Json>& params,
                         const std::function<Status(const Row&)>& fn) = 0;

  // Inserts rows (each a JSON array of scalars, one per column) into table.
  virtual Status InsertRows(const std::string& table,
                            const std::vector<std::string>& columns,
                            const std::vector<Json>& rows) = 0;

  // A transaction: `write` takes the write lock at once where the database
  // has one (SQLite BEGIN IMMEDIATE), so a busy database waits or fails here
  // rather than halfway through.
  virtual Status Begin(bool write) = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // All rows of one statement.
  Result<std::vector<Row>> Query(std::string_view sql,
                                 const std::vector<Json>& params = {});
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_SQL_CONNECTION_H_
