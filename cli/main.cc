// The budgetdoc binary. Test hooks are never installed here; the test-only
// binary tests/testing/hooked_main.cc installs them.
// Tested by tests/cli/cli_test.cc (in-process) and tests/install_test.cmake.
#include "cli/cli.h"

#include <cstdlib>
#include <malloc.h>
#include <unistd.h>

int main(int argc, char** argv) {
  // Tesseract (OCR) parallelizes with OpenMP, whose runtime reads
  // OMP_THREAD_LIMIT when it loads, before main. Its threads spin while they
  // wait, which slows OCR several times on a busy machine, and budgetdoc
  // scales by processes (batch -j). So unless the caller chose a limit, set
  // one thread and start again (once: the variable is then set).
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr &&
      ::setenv("OMP_THREAD_LIMIT", "1", 1) == 0) {
    ::execv("/proc/self/exe", argv);  // returns only on failure: go on
  }
  // Large buffers (a long report's facts, blocks, claims) are mapped on their
  // own and given back when freed. By default glibc raises this threshold
  // after the first such free, and later large buffers then come from the
  // heap, which does not shrink: peak RSS grew by a fifth on long inputs.
  // Fixing it also fixes the trim threshold at 128 KiB, and trimming the
  // heap top that often costs page faults (+10 % on a 373-page PDF): so a
  // high one.
  ::mallopt(M_MMAP_THRESHOLD, 4 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
  return budgetdoc::CliMain(argc, argv, /*hook=*/nullptr);
}
