// `budgetdoc serve`: a small local web app over the same analysis. Upload a
// report (drag and drop) and get the HTML report of cli/report.h; browse a
// batch database (documents, and findings by region, year and body) through
// the store's read API. Binds 127.0.0.1 by default. Only our own routes
// exist; no path from the client ever touches the file system (an uploaded
// file's name is only a label, and one with a directory part or ".." is
// refused); uploads above a size limit are refused with 413; each analysis
// runs in a worker process (cli/worker.h) under the batch limits, a few at
// a time. cli/serve.cc is the only user of cpp-httplib.
// Tested by tests/cli/serve_test.cc.
#ifndef BUDGETDOC_CLI_SERVE_H_
#define BUDGETDOC_CLI_SERVE_H_

#include "cli/worker.h"

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace budgetdoc {

struct ServeOptions {
  std::string host = "127.0.0.1";  // address to bind
  int port = 8080;                 // 0 = any free port (printed)
  std::string db_path;  // batch database to browse (file or URL); "" = none
  size_t max_upload_bytes = size_t{64} << 20;
  int jobs = 2;          // analyses at once; more requests wait
  WorkerOptions worker;  // timeout and memory limit per analysis
};

// True when an uploaded file's name is a plain label: not empty, at most
// 255 bytes, valid UTF-8, no control characters, no "/" or "\", not "."
// or "..", and no ".." component.
bool IsSafeUploadName(std::string_view name);

// Serves until killed (the command is cli/serve_command.cc). Prints
// "serving on http://HOST:PORT/" to `out` once listening; returns 2 when it
// cannot listen.
int RunServer(ServeOptions options, std::ostream& out, std::ostream& err);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_SERVE_H_
