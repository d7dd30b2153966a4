#include "tests/testing/worker_hooks.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <new>
#include <thread>
#include <unistd.h>
#include <vector>

namespace budgetdoc::testing {

TestWorkerHook TestWorkerHook::FromEnvironment() {
  auto get = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v != nullptr ? v : "");
  };
  TestWorkerHook hook;
  hook.crash_on = get("BUDGETDOC_TEST_CRASH_ON");
  hook.hang_on = get("BUDGETDOC_TEST_HANG_ON");
  hook.oom_on = get("BUDGETDOC_TEST_OOM_ON");
  hook.kill_first_attempt_on = get("BUDGETDOC_TEST_KILL_ONCE_ON");
  hook.delay_ms = std::atoi(get("BUDGETDOC_TEST_DELAY_MS").c_str());
  return hook;
}

void TestWorkerHook::BeforeAnalyze(const std::string& path, int attempt,
                                   const WorkerOptions& options) const {
  auto matches = [&](const std::string& needle) {
    return !needle.empty() && path.find(needle) != std::string::npos;
  };
  if (delay_ms > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  }
  if (matches(crash_on)) std::abort();
  if (attempt == 1 && matches(kill_first_attempt_on)) raise(SIGKILL);
  if (matches(hang_on)) {
    for (;;) pause();
  }
  if (matches(oom_on)) {
    // Reserves address space until the limit makes allocation fail. The
    // pages are never touched, so this takes microseconds however loaded
    // the machine is (it used to race the timeout); the cap keeps builds
    // without the limit (sanitizers) from reserving without end.
    constexpr size_t kChunk = size_t{64} << 20;
    size_t cap =
        (options.max_memory_mb > 0 ? static_cast<size_t>(options.max_memory_mb)
                                   : size_t{1024})
        << 20;
    std::vector<std::unique_ptr<char[]>> hog;
    for (size_t total = 0; total <= cap; total += kChunk) {
      hog.emplace_back(new char[kChunk]);
    }
    throw std::bad_alloc();
  }
}

}  // namespace budgetdoc::testing
