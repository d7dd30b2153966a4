// The limits `extract` and `check` put on their own process, as batch puts
// them on its workers (cli/worker.h): an address-space limit (setrlimit
// RLIMIT_AS; not applied in AddressSanitizer builds, whose shadow memory
// needs a huge address space) and a wall-clock deadline per file (alarm:
// when it passes, the process prints its message and exits with status 2,
// killing the PDF page readers it forked, which die with it). Defaults are
// batch's (WorkerOptions).
// Tested by tests/cli/limits_test.cc and scripts/hostile.
#ifndef BUDGETDOC_CLI_LIMITS_H_
#define BUDGETDOC_CLI_LIMITS_H_

#include <string>

namespace budgetdoc {

struct ProcessLimits {
  int timeout_sec = 120;     // per file; 0 = none
  int max_memory_mb = 2048;  // 0 = none
};

// Limits this process's address space to max_memory_mb MiB (0: none).
// Allocation beyond it throws std::bad_alloc. False when the limit could
// not be set.
bool ApplyMemoryLimit(int max_memory_mb);

// While alive, a deadline `seconds` from now (0: none): when it passes,
// `message` and a line break go to stderr and the process exits with
// status 2 at once. One at a time per process (it owns SIGALRM). Not
// copyable.
class ScopedDeadline {
 public:
  ScopedDeadline(int seconds, const std::string& message);
  ~ScopedDeadline();
  ScopedDeadline(const ScopedDeadline&) = delete;
  ScopedDeadline& operator=(const ScopedDeadline&) = delete;

 private:
  bool armed_ = false;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_LIMITS_H_
