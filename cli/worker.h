// Worker processes for `budgetdoc batch`: each document is analyzed in a
// forked child (fork + pipe) so that a crash, a hang or running out of memory
// in one document — Poppler included — costs only that document. The child
// runs AnalyzeBytes under an address-space limit (setrlimit RLIMIT_AS) and
// writes its result as JSON lines into a pipe; the parent (the only
// writer of the database) reads all pipes with poll(), kills children that
// exceed the timeout with SIGKILL, and turns every way a child can end into a
// WorkerResult: a result, an extraction error, a crash (signal), a timeout or
// out of memory, each with a reason.
//
// WorkerPool owns its children: the destructor SIGKILLs and reaps any still
// running, and each child dies with its parent (PR_SET_PDEATHSIG). Not
// copyable, not movable; use from one thread.
// Tested by tests/cli/batch_test.cc.
#ifndef BUDGETDOC_CLI_WORKER_H_
#define BUDGETDOC_CLI_WORKER_H_

#include "base/json.h"
#include "base/result.h"
#include "cli/pipeline.h"
#include "cli/sha256.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace budgetdoc {

struct WorkerOptions;

// A point where tests make a worker misbehave, to test how the batch
// survives it (tests/testing/worker_hooks.h implements it; the release
// binary installs none, so nothing in it reacts to the environment).
class WorkerHook {
 public:
  virtual ~WorkerHook() = default;
  // Runs in the child after the file is read and hashed, before the
  // analysis; `attempt` is the try of this document (1, or 2 for the retry
  // after a transient failure). May abort, hang, kill itself, or throw
  // std::bad_alloc (reported as out of memory).
  virtual void BeforeAnalyze(const std::string& path, int attempt,
                             const WorkerOptions& options) const = 0;
};

struct WorkerOptions {
  // Wall-clock limit per document; the child is SIGKILLed after it.
  int timeout_sec = 120;
  // Address-space limit of a child in MiB (0 = none). Not applied in
  // AddressSanitizer builds, whose shadow memory needs a huge address space.
  int max_memory_mb = 2048;
  PipelineOptions pipeline;
  // Tests only; not owned; nullptr = none.
  const WorkerHook* hook = nullptr;
  // What the child sends back for a document it analyzed: the store rows
  // (StoreRowsFromResult) when empty; otherwise this function's text (the
  // server's HTML report), passed through as WorkerResult::payload.
  std::function<std::string(std::string_view bytes, const Analysis& analysis)>
      payload;
};

struct WorkerResult {
  size_t id = 0;        // the id given to Launch
  int attempt = 1;      // the attempt given to Launch
  bool ok = false;      // the child analyzed the document
  Json rows;            // when ok: StoreRowsFromResult of the analysis
  std::string payload;  // when ok and WorkerOptions::payload is set
  std::string format;   // when ok: the format read (pdf, docx, html, text)
  // when ok: pages scanned or garbled (their text not read); a document
  // with any is partial, not ok.
  int unreadable_pages = 0;
  std::string error;  // when !ok: the reason, location first
  // when !ok: extraction errors use the status code name in snake case
  // (corrupt, unsupported, limit_exceeded, invalid_argument, io_error, ...);
  // worker failures are crash, timeout, out_of_memory, killed (a SIGKILL
  // budgetdoc did not send) or worker (no usable result).
  std::string error_kind;
  // Known when the child read the file itself (Launch without bytes) and got
  // that far, even if it crashed later: "" / -1 otherwise.
  std::string sha256;
  int64_t size = -1;
  std::string sniffed_format;
  double read_ms = 0;
  double analyze_ms = 0;    // as measured inside the child
  double wall_ms = 0;       // fork to reap
  int64_t peak_rss_kb = 0;  // the child's peak resident set size
};

// The rows the store writes for one analysis (StoreRowsFromResult of its
// title, extraction, checks and notes), as a worker sends them.
Json StoreRowsOf(const Analysis& a);

// The pipe protocol, one JSON document per line: a header ({"sha256",
// "size", "sniffed_format", "read_ms"} when the child read the file itself,
// else {}), written before the analysis so that it survives a crash; a
// status ({"ok": true, "format", "unreadable_pages", "partial",
// "analyze_ms"} or {"ok": false, "code",
// "error", "analyze_ms"}); when ok, the rows for the store
// (StoreRowsFromResult, output/store.h), computed in the worker so
// that the parent only binds values.

class WorkerPool {
 public:
  explicit WorkerPool(WorkerOptions options);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Forks a child for one document. `bytes` is the file content when the
  // caller has read it (the child gets its own copy-on-write image, so the
  // caller may free it on return); nullopt lets the child read and hash the
  // file itself, in parallel with the other workers. `attempt` counts the
  // tries of this document (1, then 2 for a retry). Fails when fork or pipe
  // fails.
  Status Launch(size_t id, const std::string& path,
                std::optional<std::string_view> bytes, int attempt = 1);

  size_t active() const { return workers_.size(); }

  // Waits up to max_wait_ms for children to finish (or to time out) and
  // returns those that ended, in the order they ended.
  std::vector<WorkerResult> Wait(int max_wait_ms);

 private:
  struct Worker;
  using Clock = std::chrono::steady_clock;

  // Reaps a child that has ended; false when it is still running.
  bool TryReap(Worker& w, bool block);
  WorkerResult Finish(Worker& w);

  WorkerOptions options_;
  std::map<pid_t, Worker> workers_;  // keyed by process id
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_WORKER_H_
