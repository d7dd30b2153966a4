// `budgetdoc batch`: many reports into one database, a SQLite file or a
// PostgreSQL server (cli/batch.h).
// Tested by tests/cli/batch_test.cc.
#include "base/file_io.h"
#include "cli/batch.h"
#include "cli/command.h"

#include <algorithm>
#include <unistd.h>

namespace budgetdoc {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "db",
     .value = "FILE|URL",
     .default_value = "budgetdoc.sqlite",
     .help = "the database to create or add to: a SQLite file, or a "
             "PostgreSQL database (postgresql://user@host/dbname, any libpq "
             "URI) shared by runs on any number of machines"},
    {.name = "jobs",
     .short_name = 'j',
     .value = "N",
     .type = ValueType::kInteger,
     .help = "worker processes at once (default: the number of CPUs)"},
    {.name = "manifest",
     .value = "FILE",
     .help = "also read the inputs from a manifest: CSV with a path column "
             "(and report_id, source_url, region, year, crawled_at), JSON "
             "Lines, or one path per line; - reads standard input"},
    {.name = "include",
     .value = "GLOB",
     .repeatable = true,
     .help = "when walking a directory or expanding a pattern, take only "
             "files whose name (or path, when GLOB has a /) matches GLOB, "
             "case-insensitively; without --include, report formats: *.pdf "
             "*.docx *.doc *.html *.htm *.shtml *.txt *.xlsx *.xls *.wps. "
             "Files named one by one are always taken"},
    {.name = "exclude",
     .value = "GLOB",
     .repeatable = true,
     .help = "leave out files matching GLOB (same rules as --include)"},
    {.name = "timeout",
     .value = "SEC",
     .type = ValueType::kInteger,
     .default_value = "120",
     .help = "wall-clock limit per document; the worker is killed after it"},
    {.name = "max-memory",
     .value = "MB",
     .type = ValueType::kInteger,
     .default_value = "2048",
     .help = "address-space limit of a worker in MiB"},
    {.name = "force", .help = "reprocess unchanged documents too"},
    {.name = "retry-failed",
     .value = "KIND,...",
     .optional_value = true,
     .help = "reprocess unchanged documents that failed before; with "
             "=KIND,... only those that failed for these reasons (e.g. "
             "--retry-failed=timeout,out_of_memory; kinds in "
             "docs/batch.md)"},
    {.name = "lease",
     .value = "SEC",
     .type = ValueType::kInteger,
     .max_value = 86400,
     .default_value = "60",
     .help = "how long a claim on a document lasts unless renewed (renewed "
             "every third of it while the worker runs): how soon other runs "
             "take over the documents of a run that died"},
    {.name = "worker-id",
     .value = "NAME",
     .help = "names this run in the queue and the runs table (default: "
             "host:pid@pid-namespace)"},
    {.name = "shard",
     .value = "K/N",
     .help = "take only shard K of N (by a hash of the path or content), to "
             "split one crawl over several machines or runs"},
    {.name = "shard-by",
     .value = "KEY",
     .choices = "path|content",
     .default_value = "path",
     .help = "what --shard hashes"},
    {.name = "progress",
     .value = "MODE",
     .choices = "auto|bar|lines|none",
     .default_value = "auto",
     .help = "a bar on a terminal, one line per document otherwise"},
    kOcrOption,
    {.name = "bundles",
     .value = "MODE",
     .choices = "auto|manifest|none",
     .default_value = "auto",
     .help = "which files are read as one report after the per-file pass: "
             "auto, files sharing a manifest report_id and pairs of a "
             "narrative and a tables file of the same body, year and kind; "
             "manifest, report_id groups only; none, every file alone"},
    {.name = "no-cross",
     .help = "skip the checks across documents (one body's consecutive "
             "years, a department and its units) after the run"},
};

int Run(const ParsedArgs& args, const CliEnv& env) {
  BatchOptions o;
  o.paths = args.operands();
  o.db_path = args.Get("db");
  o.manifest_path = args.Get("manifest");
  if (o.paths.empty() && o.manifest_path.empty()) {
    return UsageError(kBatchCommand, env,
                      "expects at least one PATH or --manifest");
  }
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  o.jobs = args.Has("jobs") ? args.GetInt("jobs")
                            : (cpus > 0 ? static_cast<int>(cpus) : 1);
  o.worker.timeout_sec = args.GetInt("timeout");
  o.worker.max_memory_mb = args.GetInt("max-memory");
  o.worker.hook = env.worker_hook;
  o.worker.pipeline.extract.pdf_page_budget_ms = kDefaultPdfPageBudgetMs;
  ConvertOptions convert;  // inside the worker, under its limits
  convert.timeout_sec = o.worker.timeout_sec;
  convert.max_memory_mb = o.worker.max_memory_mb;
  SetReadingOptions(args, convert, &o.worker.pipeline);
  o.force = args.Has("force");
  o.retry_failed = args.Has("retry-failed");
  std::string kinds = args.Get("retry-failed");
  for (size_t start = 0; !kinds.empty() && start <= kinds.size();) {
    size_t comma = std::min(kinds.find(',', start), kinds.size());
    std::string kind = kinds.substr(start, comma - start);
    if (!IsFailureKind(kind)) {
      return UsageError(kBatchCommand, env,
                        "--retry-failed: unknown kind '" + kind +
                            "' (kinds: " + FailureKindList() + ")");
    }
    o.retry_kinds.push_back(std::move(kind));
    start = comma + 1;
  }
  o.lease_sec = args.GetInt("lease");
  if (args.Has("worker-id")) {
    o.worker_id = args.Get("worker-id");
    if (o.worker_id.empty()) {
      return UsageError(kBatchCommand, env, "--worker-id needs a NAME");
    }
  }
  if (args.Has("shard") &&
      !ParseShard(args.Get("shard"), &o.shard_index, &o.shard_count)) {
    return UsageError(
        kBatchCommand, env,
        "--shard needs K/N with 1 <= K <= N, not '" + args.Get("shard") + "'");
  }
  o.shard_by_content = args.Get("shard-by") == "content";
  o.filter.include = args.GetAll("include");
  o.filter.exclude = args.GetAll("exclude");
  o.quiet = args.Has("quiet");
  const std::string bundles = args.Get("bundles");
  o.bundles = bundles == "none"       ? BundleMode::kNone
              : bundles == "manifest" ? BundleMode::kManifest
                                      : BundleMode::kAuto;
  o.cross_checks = !args.Has("no-cross");
  o.tool_version = BUDGETDOC_VERSION;
  std::string progress = args.Get("progress");
  if (o.quiet) progress = "none";
  if (progress == "auto") progress = env.err_is_terminal ? "bar" : "lines";
  o.progress = progress == "bar"     ? ProgressMode::kBar
               : progress == "lines" ? ProgressMode::kLines
                                     : ProgressMode::kNone;
  if (o.manifest_path == "-") {
    if (env.in == nullptr) {
      return UsageError(kBatchCommand, env, "--manifest -: no standard input");
    }
    Result<std::string> text = ReadStream(*env.in, "<stdin>");
    if (!text.ok()) return InputError(env, text.status().message());
    o.manifest_text = std::move(text).value();
  }
  Result<BatchSummary> s = RunBatch(o, *env.err);
  if (!s.ok()) return InputError(env, s.status().message());
  return s->failed > 0 ? 3 : 0;
}

}  // namespace

extern const Command kBatchCommand = {
    .name = "batch",
    .operands = "[PATH...]",
    .min_operands = 0,
    .max_operands = kManyOperands,
    .summary =
        "analyze files, directories, globs or a manifest into a "
        "SQLite file or a postgresql:// database, each document in a worker "
        "process; runs sharing one database split the work",
    .description =
        "Analyzes every report found in the PATHs (files, directories walked "
        "recursively, glob patterns) and the --manifest into one database "
        "(docs/batch.md): a SQLite file, or a PostgreSQL database given as "
        "a postgresql:// URL. Each document runs in its own worker "
        "process under --timeout and --max-memory, so a crash or a hang "
        "costs only that document; a worker killed from outside or timed "
        "out is tried once more, and both attempts are recorded. A run "
        "killed at any point and started again completes with no "
        "duplicates; unchanged files (same sha256, tool and schema version) "
        "are skipped, unchanged failures are counted as failed (not "
        "retried unless --retry-failed).\n\n"
        "Several runs may share one database, on one machine or many: each "
        "claims a document before reading it, under a --lease it renews "
        "while it works, so every document is processed once; the "
        "documents of a run that died are taken over when its lease "
        "expires.\n\n"
        "Every input ends as ok, failed (with a reason), skipped as "
        "unchanged, or skipped by name: a directory walk or a pattern takes "
        "only report formats unless --include says otherwise, and lists "
        "the other files as skipped with the reason.\n\n"
        "Exit codes: 0 every document ok or skipped; 3 the run finished but "
        "some of its documents are failed in the database (by this run, "
        "unchanged since an earlier one, or by another run; budgetdoc export "
        "--table documents lists them); 2 the batch could not run (bad usage, "
        "manifest or "
        "database).\n\n"
        "  budgetdoc batch crawl/ --db reports.sqlite -j 4\n"
        "  budgetdoc batch crawl/ --include '*.pdf' --exclude '*_old*'\n"
        "  budgetdoc batch --manifest crawl.csv --shard 1/4\n"
        "  budgetdoc batch --manifest crawl.csv --db "
        "postgresql://dbhost/crawl\n"
        "  budgetdoc batch crawl/ --retry-failed=timeout,killed",
    .options = kOptions,
    .run = Run,
};

}  // namespace budgetdoc
