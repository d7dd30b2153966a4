// The budgetdoc binary. Test hooks are never installed here; the test-only
// binary tests/testing/hooked_main.cc installs them.
// Tested by tests/cli/cli_test.cc (in-process) and tests/install_test.cmake.
#include "cli/cli.h"

int main(int argc, char** argv) {
  return budgetdoc::CliMain(argc, argv, /*hook=*/nullptr);
}
