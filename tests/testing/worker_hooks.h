// Test hooks for batch workers (cli/worker.h WorkerHook): make the worker
// for a path misbehave to test how the batch survives it. Compiled only into
// tests and the test-only binary budgetdoc_hooked (hooked_main.cc); the
// release budgetdoc has no hook and ignores BUDGETDOC_TEST_* (shown by
// tests/cli/batch_test.cc).
#ifndef BUDGETDOC_TESTS_TESTING_WORKER_HOOKS_H_
#define BUDGETDOC_TESTS_TESTING_WORKER_HOOKS_H_

#include "cli/worker.h"

#include <string>

namespace budgetdoc::testing {

class TestWorkerHook : public WorkerHook {
 public:
  // For paths containing these substrings ("" = never):
  std::string crash_on;  // the child calls abort()
  std::string hang_on;   // the child sleeps forever
  std::string oom_on;    // the child reserves memory until allocation fails
  // The child SIGKILLs itself on its first attempt only (a transient
  // failure: the retry succeeds).
  std::string kill_first_attempt_on;
  int delay_ms = 0;  // every child sleeps this long before working

  // From BUDGETDOC_TEST_CRASH_ON, BUDGETDOC_TEST_HANG_ON,
  // BUDGETDOC_TEST_OOM_ON, BUDGETDOC_TEST_KILL_ONCE_ON and
  // BUDGETDOC_TEST_DELAY_MS.
  static TestWorkerHook FromEnvironment();

  void BeforeAnalyze(const std::string& path, int attempt,
                     const WorkerOptions& options) const override;
};

}  // namespace budgetdoc::testing

#endif  // BUDGETDOC_TESTS_TESTING_WORKER_HOOKS_H_
