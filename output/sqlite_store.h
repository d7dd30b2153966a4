// The SQLite side of the batch database (output/store.h): one file in WAL
// mode (synchronous=NORMAL), the default `--db`. Several processes may share
// the file; a writer waits up to StoreOptions::busy_timeout_ms for another.
// This is the only file that includes <sqlite3.h>.
// Tested by tests/output/sqlite_store_test.cc.
#ifndef BUDGETDOC_OUTPUT_SQLITE_STORE_H_
#define BUDGETDOC_OUTPUT_SQLITE_STORE_H_

#include "base/result.h"
#include "output/store.h"

#include <memory>
#include <string>

namespace budgetdoc {

// Opens or creates the database at `path` (":memory:" for tests). Fails
// (naming the file) when it cannot be opened for writing (unless
// options.read_only), is not a SQLite or not a budgetdoc database, or has a
// layout version this budgetdoc cannot migrate.
Result<std::unique_ptr<Store>> OpenSqliteStore(
    const std::string& path, const StoreOptions& options = {});

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_SQLITE_STORE_H_
