// The budgetdoc command line as a library call, so tests can run commands
// in-process. main.cc only fills a CliEnv and calls RunCli.
// Exit codes: 0 ok; 1 findings at or above --fail-on (check); 2 input could
// not be processed or usage error; 3 batch finished with failures.
// The commands and their options are data (cli/command.h, cli/options.h).
// Tested by tests/cli/cli_test.cc.
#ifndef BUDGETDOC_CLI_CLI_H_
#define BUDGETDOC_CLI_CLI_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace budgetdoc {

class WorkerHook;

// What a command may use besides its arguments. The caller owns the streams.
struct CliEnv {
  // Standard input: FILE "-" (extract, check) and "--manifest -" (batch).
  // nullptr = none (reading "-" is then a usage error).
  std::istream* in = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  // Whether `err` is a terminal: batch --progress auto draws a bar then.
  bool err_is_terminal = false;
  // TEST ONLY (tests/testing/worker_hooks.h): makes batch workers misbehave.
  // The release binary never sets it.
  const WorkerHook* worker_hook = nullptr;
};

// args excludes the program name.
int RunCli(const std::vector<std::string>& args, const CliEnv& env);
// The same with no standard input, not a terminal and no hooks.
int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err);

// A whole program: RunCli over argv and the process's standard streams;
// a stray standard-library exception (e.g. bad_alloc) is exit code 2.
// `hook` is nullptr in the release binary (cli/main.cc).
int CliMain(int argc, char** argv, const WorkerHook* hook);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_CLI_H_
