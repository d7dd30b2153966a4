// The budgetdoc command line as a library call, so tests can run commands
// in-process. main.cc only forwards argv here.
// Exit codes: 0 ok; 1 findings at or above --fail-on (check); 2 input could
// not be processed or usage error; 3 batch finished with failures.
// Tested by tests/cli/cli_test.cc.
#ifndef BUDGETDOC_CLI_CLI_H_
#define BUDGETDOC_CLI_CLI_H_

#include <ostream>
#include <string>
#include <vector>

namespace budgetdoc {

// args excludes the program name.
int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_CLI_H_
