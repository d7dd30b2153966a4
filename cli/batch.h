// `budgetdoc batch`: analyze many reports into one database — a SQLite file
// or a PostgreSQL server (output/store.h) — and `budgetdoc export` back out
// of it.
//
// Inputs are files, directories (walked recursively, entries in byte order),
// glob patterns, and manifests (CSV or JSON Lines with a path column and
// optional metadata). What a directory walk or a pattern finds is filtered
// by name (InputFilter: report formats by default); files named one by one
// are always taken. Every input ends as exactly one of ok, failed (with a
// reason), skipped (unchanged since a previous run with the same sha256,
// tool and schema version) or skipped as excluded by the filter (listed
// with its reason, no document row): unreadable paths, directories without
// permission, non-regular files and patterns that match nothing are failed
// documents, never dropped. Each document is analyzed in its own worker
// process (cli/worker.h) under a timeout and a memory limit; a worker killed
// from outside or timed out is tried once more. Only this process writes
// the database, one transaction per document, so a run killed at any point
// and started again completes with no duplicates.
//
// Several runs may share one database, on one machine or many: every input
// is registered in the store's queue and claimed before it is read, under a
// lease this process renews while it works (output/store.h), so each
// document is processed by one run; a run waits for the inputs others hold
// and takes over those whose lease expired (their process died).
//
// The environment (clock for timestamps, stderr) is the caller's; RunBatch
// keeps no global state. Tested by tests/cli/batch_test.cc.
#ifndef BUDGETDOC_CLI_BATCH_H_
#define BUDGETDOC_CLI_BATCH_H_

#include "base/result.h"
#include "cli/batch_bundles.h"
#include "cli/worker.h"
#include "output/store.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {

enum class ProgressMode {
  kNone,   // only the summary
  kLines,  // one line per document (default when stderr is not a terminal)
  kBar,    // a progress bar redrawn with \r (default on a terminal)
};

// The report formats a directory walk takes by default.
inline constexpr const char* kReportPatterns[] = {
    "*.pdf",   "*.docx", "*.doc",  "*.html", "*.htm",
    "*.shtml", "*.txt",  "*.xlsx", "*.xls",  "*.wps"};

// Which files a directory walk or a glob pattern takes. Patterns are
// fnmatch(3) globs matched case-insensitively; a pattern without '/' matches
// the file name, one with '/' the whole path as listed. A file is taken when
// it matches an include pattern (kReportPatterns when `include` is empty)
// and no exclude pattern. Directories are always walked.
struct InputFilter {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

// Why the filter leaves `path` out, or "" when it takes it.
std::string ExcludedReason(const InputFilter& filter, const std::string& path);

struct BatchOptions {
  // Files, directories and glob patterns, in the order given.
  std::vector<std::string> paths;
  // Applied to what directory walks and glob patterns find.
  InputFilter filter;
  // A manifest file, "-" for standard input, or "" for none. Relative paths
  // in a manifest file are resolved against the manifest's directory (for
  // standard input, against the current directory).
  std::string manifest_path;
  // The manifest's text when the caller has already read it (required for
  // "-"); nullopt = read manifest_path.
  std::optional<std::string> manifest_text;
  // A SQLite file, or a PostgreSQL URL (postgresql://...).
  std::string db_path = "budgetdoc.sqlite";
  // Worker processes at once; must be ≥ 1.
  int jobs = 1;
  bool force = false;         // reprocess unchanged documents too
  bool retry_failed = false;  // reprocess unchanged documents that failed
  // With retry_failed: only failures of these kinds (error_kind, e.g.
  // "timeout"); empty = every failure.
  std::vector<std::string> retry_kinds;
  // How long a claim on a document lasts unless renewed (this process
  // renews it every third of that while it works): how soon others take
  // over the documents of a process that died.
  int lease_sec = 60;
  // Names this process in the queue (queue.owner, runs.worker); "" =
  // "host:pid@pid-namespace", which also lets a run on the same machine take
  // over the claims of a dead process at once instead of after the lease.
  std::string worker_id;
  // Deterministic sharding: this run takes the inputs whose sha256 (of the
  // path as listed, or of the content) falls into shard shard_index of
  // shard_count (0-based here; the command line is 1-based, "--shard 1/4").
  int shard_index = 0;
  int shard_count = 1;
  bool shard_by_content = false;
  ProgressMode progress = ProgressMode::kLines;
  // No summary lines on `err` (failures are still listed).
  bool quiet = false;
  // Timeout, memory limit, pipeline options, test hook.
  WorkerOptions worker;
  // Recorded with every row; a change makes unchanged files be reprocessed.
  std::string tool_version = "dev";
  // Reports in several files (cli/batch_bundles.h) after the per-file pass.
  BundleMode bundles = BundleMode::kAuto;
  // Checks across documents (output/cross_store.h) after the bundles.
  bool cross_checks = true;
};

// What became of the inputs: each is exactly one of ok, failed, skipped or
// others.
struct BatchSummary {
  int64_t run_id = 0;
  size_t inputs = 0;  // in this shard
  size_t ok = 0;      // analyzed by this run
  // Failed in the database: by this run, unchanged since an earlier run
  // (failed_earlier; not retried), or by another worker (failed_by_others).
  size_t failed = 0;
  size_t failed_earlier = 0, failed_by_others = 0;
  size_t skipped = 0;       // unchanged and ok
  size_t others = 0;        // completed (ok) by other workers during this run
  size_t retried = 0;       // tried a second time after a transient failure
  size_t excluded = 0;      // left out by the InputFilter (not in `inputs`)
  size_t other_shards = 0;  // inputs left to other shards
  double seconds = 0;
  double db_seconds = 0;  // of them, in calls to the database
  std::vector<std::pair<std::string, std::string>> failures;  // path, reason
};

// Runs the batch. Progress and the summary go to `err`. Fails only when the
// batch cannot run at all (bad options or manifest, database cannot be
// opened or written); failed documents are counted in the summary.
Result<BatchSummary> RunBatch(const BatchOptions& options, std::ostream& err);

// ---- Building blocks, exposed for tests ----

// One manifest line: a path and what the manifest says about it.
struct ManifestEntry {
  std::string path;
  SourceMeta source;
};

// Parses a manifest: JSON Lines when the first non-blank character is "{",
// else CSV with a header naming a path column ("path" or "file"; metadata
// columns "report_id", "source_url"/"url", "region"/"region_code",
// "year"/"fiscal_year", "crawled_at"/"crawl_time"; any other column is kept
// as extra metadata), or a plain list with one path per line. Relative paths
// are joined to base_dir ("" = leave them as they are). Errors name the line.
Result<std::vector<ManifestEntry>> ParseManifest(std::string_view text,
                                                 const std::string& base_dir);

// One input of a batch after expansion.
struct BatchInput {
  std::string path;
  SourceMeta source;
  int64_t size = -1;         // from stat; -1 unknown
  std::string problem;       // why it cannot be read ("" = none)
  std::string problem_kind;  // not_found, unreadable, not_regular, no_match
  std::string excluded;      // why the InputFilter leaves it out ("" = taken)
};

// Expands paths (files, directories recursively, glob patterns) and manifest
// entries into inputs, the first occurrence of each path kept. Never drops
// anything: what cannot be read becomes an input with a problem, what the
// filter leaves out an input with an `excluded` reason.
std::vector<BatchInput> CollectInputs(
    const std::vector<std::string>& paths,
    const std::vector<ManifestEntry>& manifest,
    const InputFilter& filter = InputFilter());

// Parses "K/N" (1 ≤ K ≤ N) into a 0-based index and a count.
bool ParseShard(std::string_view text, int* index, int* count);

// Whether a key (hex sha256) falls into shard `index` of `count`.
bool InShard(std::string_view sha256_hex, int index, int count);

// Whether `kind` is an error_kind a document can fail with; the list of them,
// comma-separated (for messages).
bool IsFailureKind(std::string_view kind);
std::string FailureKindList();

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_BATCH_H_
