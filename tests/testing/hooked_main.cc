// budgetdoc_hooked: the budgetdoc command line with the test hooks taken
// from BUDGETDOC_TEST_* (tests/testing/worker_hooks.h). Built with the
// tests only; tests/cli/batch_test.cc runs it as a separate process.
#include "cli/cli.h"
#include "tests/testing/worker_hooks.h"

int main(int argc, char** argv) {
  const budgetdoc::testing::TestWorkerHook hook =
      budgetdoc::testing::TestWorkerHook::FromEnvironment();
  return budgetdoc::CliMain(argc, argv, &hook);
}
