#include "cli/cli.h"

#include "cli/command.h"
#include "schema/version.h"

#include <exception>
#include <iostream>
#include <string_view>
#include <unistd.h>

namespace budgetdoc {
namespace {

// The commands in the order the overview lists them. To add a command:
// docs/architecture.md ("Add a command").
constexpr const Command* kCommands[] = {
    &kExtractCommand, &kCheckCommand,  &kCompareCommand,
    &kReportCommand,  &kServeCommand,  &kBatchCommand,
    &kExportCommand,  &kSchemaCommand, &kRulesCommand,
};

constexpr std::string_view kOverviewHead =
    R"(usage: budgetdoc COMMAND [options] [operands]
       budgetdoc COMMAND --help
       budgetdoc --version

budgetdoc reads Chinese fiscal disclosure reports (部门/单位 决算 and 预算;
PDF, scanned PDF through OCR, DOCX, HTML, text, XLSX/XLS workbooks, and
DOC/WPS when LibreOffice is installed) into one schema and checks where they
contradict themselves.

commands:
)";

constexpr std::string_view kOverviewTail = R"(
conventions (every command):
  --name=value and --name value both work; -j4 and -j 4 for short options;
  -- ends the options; -h/--help prints the command's help; -q/--quiet
  keeps progress and information lines off standard error; a misspelt
  command or option gets a suggestion. FILE - reads standard input
  (extract, check, report), named <stdin> in messages and output. With
  --format json, one FILE prints one indented JSON object and several
  FILEs print JSON Lines (one compact object per document).

exit codes:
  0 ok; 1 check found something at or above --fail-on;
  2 an input could not be processed, or bad usage;
  3 batch finished, but some documents failed
)";

std::string Overview() {
  std::string out(kOverviewHead);
  for (const Command* c : kCommands) {
    std::string left = std::string("  ") + c->name;
    left.resize(12, ' ');
    out += left + WrapText(c->summary, 12, 79) + "\n";
  }
  out += kOverviewTail;
  return out;
}

const Command* FindCommand(std::string_view name) {
  for (const Command* c : kCommands) {
    if (name == c->name) return c;
  }
  return nullptr;
}

int UnknownCommand(const CliEnv& env, const std::string& name) {
  if (!name.empty() && name[0] == '-') {
    *env.err << "budgetdoc: unknown option " << name
             << " (options come after the command: budgetdoc COMMAND "
                "[options])\nTry 'budgetdoc --help'.\n";
    return 2;
  }
  std::vector<std::string> names;
  for (const Command* c : kCommands) names.push_back(c->name);
  *env.err << "budgetdoc: unknown command '" << name << "'";
  std::string near = ClosestMatch(name, names);
  if (!near.empty()) *env.err << " (did you mean '" << near << "'?)";
  *env.err << "\nTry 'budgetdoc --help'.\n";
  return 2;
}

int RunCommand(const Command& c, const std::vector<std::string>& args,
               const CliEnv& env) {
  Result<ParsedArgs> parsed = ParseArgs(c.options, args);
  if (!parsed.ok()) return UsageError(c, env, parsed.status().message());
  if (parsed->Has("help")) {
    *env.out << CommandHelp(c);
    return 0;
  }
  size_t n = parsed->operands().size();
  std::string usage =
      std::string("usage: budgetdoc ") + c.name + " [options] " + c.operands;
  if (n < c.min_operands) {
    return UsageError(
        c, env, std::string("missing ") + c.operands + " (" + usage + ")");
  }
  if (n > c.max_operands) {
    const std::string& extra = parsed->operands()[c.max_operands];
    return UsageError(c, env,
                      "unexpected operand '" + extra + "' (" + usage + ")");
  }
  return c.run(*parsed, env);
}

}  // namespace

std::span<const Command* const> AllCommands() { return kCommands; }

int RunCli(const std::vector<std::string>& args, const CliEnv& env) {
  if (args.empty()) {
    *env.err << "budgetdoc: no command given\n\n" << Overview();
    return 2;
  }
  const std::string& name = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (name == "--help" || name == "-h" || name == "help") {
    if (name == "help" && !rest.empty()) {
      const Command* c = FindCommand(rest[0]);
      if (c == nullptr) return UnknownCommand(env, rest[0]);
      *env.out << CommandHelp(*c);
      return 0;
    }
    *env.out << Overview();
    return 0;
  }
  if (name == "--version") {
    *env.out << "budgetdoc " << BUDGETDOC_VERSION << " (schema "
             << kSchemaVersion << ")\n";
    return 0;
  }
  const Command* c = FindCommand(name);
  if (c == nullptr) return UnknownCommand(env, name);
  return RunCommand(*c, rest, env);
}

int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err) {
  CliEnv env;
  env.out = &out;
  env.err = &err;
  return RunCli(args, env);
}

int CliMain(int argc, char** argv, const WorkerHook* hook) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  CliEnv env;
  env.in = &std::cin;
  env.out = &std::cout;
  env.err = &std::cerr;
  env.err_is_terminal = isatty(STDERR_FILENO) == 1;
  env.worker_hook = hook;
  try {
    return RunCli(args, env);
  } catch (const std::exception& e) {
    std::cerr << "budgetdoc: internal error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace budgetdoc
