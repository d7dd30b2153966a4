// `budgetdoc serve`: the local web app of cli/serve.h.
// Tested by tests/cli/serve_test.cc.
#include "cli/command.h"
#include "cli/serve.h"
#include "output/store.h"

#include <unistd.h>

namespace budgetdoc {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "port",
     .value = "PORT",
     .type = ValueType::kInteger,
     .min_value = 0,
     .max_value = 65535,
     .default_value = "8080",
     .help = "TCP port; 0 picks a free one (printed)"},
    {.name = "host",
     .value = "ADDRESS",
     .default_value = "127.0.0.1",
     .help = "address to bind; the default serves this machine only"},
    {.name = "db",
     .value = "FILE|URL",
     .help = "a batch database to browse (documents, findings by region, "
             "year and body): a SQLite file or a postgresql:// URL"},
    {.name = "max-upload",
     .value = "MB",
     .type = ValueType::kInteger,
     .max_value = 4096,
     .default_value = "64",
     .help = "larger uploads are refused with 413"},
    {.name = "jobs",
     .short_name = 'j',
     .value = "N",
     .type = ValueType::kInteger,
     .max_value = 64,
     .default_value = "2",
     .help = "analyses at once, each in a worker process; more requests wait"},
    {.name = "timeout",
     .value = "SEC",
     .type = ValueType::kInteger,
     .max_value = 86400,
     .default_value = "120",
     .help = "wall-clock limit per analysis"},
    {.name = "max-memory",
     .value = "MB",
     .type = ValueType::kInteger,
     .default_value = "2048",
     .help = "address-space limit of a worker in MiB"},
};

int Run(const ParsedArgs& args, const CliEnv& env) {
  ServeOptions o;
  o.host = args.Get("host");
  o.port = args.GetInt("port");
  if (args.Has("db")) {
    o.db_path = args.Get("db");
    if (!IsPostgresUrl(o.db_path) && ::access(o.db_path.c_str(), R_OK) != 0) {
      return UsageError(kServeCommand, env, o.db_path + ": no such database");
    }
  }
  o.max_upload_bytes = static_cast<size_t>(args.GetInt("max-upload")) << 20;
  o.jobs = args.GetInt("jobs");
  o.worker.timeout_sec = args.GetInt("timeout");
  o.worker.max_memory_mb = args.GetInt("max-memory");
  o.worker.hook = env.worker_hook;
  return RunServer(std::move(o), *env.out, *env.err);
}

}  // namespace

extern const Command kServeCommand = {
    .name = "serve",
    .operands = "",
    .summary =
        "a local web app: upload a report and get its HTML report; "
        "browse a batch database",
    .description =
        "Serves a small web app until killed: drop a report on the page to "
        "get its HTML report (as budgetdoc report makes it), and browse a "
        "batch database given with --db. Binds 127.0.0.1 by default. Each "
        "analysis runs in a worker process under --timeout and "
        "--max-memory; no path sent by a browser ever touches the file "
        "system.\n\n"
        "  budgetdoc serve --port 8080 --db reports.sqlite",
    .options = kOptions,
    .run = Run,
};

}  // namespace budgetdoc
