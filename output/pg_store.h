// The PostgreSQL side of the batch database (output/store.h): `--db
// postgresql://user@host/dbname` (any libpq connection URI), shared by batch
// workers on any number of machines. Text is stored as UTF-8 without NUL:
// invalid bytes and NUL characters become U+FFFD. This is the only file
// that includes <libpq-fe.h>.
// Tested by tests/output/store_test.cc (against a throwaway server started
// by scripts/pg_scratch; skipped without one).
#ifndef BUDGETDOC_OUTPUT_PG_STORE_H_
#define BUDGETDOC_OUTPUT_PG_STORE_H_

#include "base/result.h"
#include "output/store.h"

#include <memory>
#include <string>

namespace budgetdoc {

// Connects to `url` and creates or migrates the layout (unless
// options.read_only). Fails naming the database (password hidden) when the
// server cannot be reached, refuses the login, or holds a database that is
// not budgetdoc's or of a layout version this budgetdoc cannot migrate.
Result<std::unique_ptr<Store>> OpenPgStore(const std::string& url,
                                           const StoreOptions& options = {});

// `url` with the password (user:PASSWORD@ or password=...) replaced by ***.
std::string RedactPostgresUrl(const std::string& url);

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_PG_STORE_H_
