// budgetdoc: parse nothing here; forward to RunCli and map exceptions from
// the standard library (e.g. bad_alloc) to exit code 2.
#include "cli/cli.h"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

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
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return budgetdoc::RunCli(args, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "budgetdoc: internal error: " << e.what() << "\n";
    return 2;
  }
}
