// A budgetdoc command as data: its name, operands, help text and options
// (cli/options.h), plus the handler that runs it. RunCli (cli/cli.cc) finds
// the command, parses its options, answers --help, checks the operand count
// and calls the handler; each handler lives in cli/<name>_command.cc.
// To add a command, see docs/architecture.md ("Add a command").
// Tested by tests/cli/cli_test.cc.
#ifndef BUDGETDOC_CLI_COMMAND_H_
#define BUDGETDOC_CLI_COMMAND_H_

#include "base/json.h"
#include "base/json_stream.h"
#include "base/result.h"
#include "cli/cli.h"
#include "cli/convert.h"
#include "cli/limits.h"
#include "cli/options.h"
#include "cli/pipeline.h"

#include <cstddef>
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace budgetdoc {

struct Command {
  const char* name = "";
  // The operands as the usage line shows them ("FILE...", "" = none).
  const char* operands = "";
  size_t min_operands = 0;
  size_t max_operands = 0;  // kManyOperands = no limit
  // One line for `budgetdoc --help`.
  const char* summary = "";
  // Paragraphs separated by blank lines for `budgetdoc NAME --help` and the
  // man page; each paragraph is wrapped, lines starting with two spaces are
  // kept as they are (examples).
  const char* description = "";
  std::span<const OptionSpec> options;
  // Runs the command on parsed arguments; returns the exit code.
  int (*run)(const ParsedArgs& args, const CliEnv& env) = nullptr;
};

inline constexpr size_t kManyOperands = static_cast<size_t>(-1);

// Every command, in the order `budgetdoc --help` lists them.
std::span<const Command* const> AllCommands();

// `budgetdoc NAME --help`: usage line, description, options.
std::string CommandHelp(const Command& command);

// Prints "budgetdoc NAME: problem" and a pointer to --help on env.err;
// returns 2 (bad usage).
int UsageError(const Command& command, const CliEnv& env,
               std::string_view problem);

// Prints "budgetdoc: message" on env.err; returns 2 (input not processed).
int InputError(const CliEnv& env, std::string_view message);

// ---- Options of every command that reads documents ----
// (extract, check, report, serve, batch)

// --ocr auto|off|force: when PDF pages are recognized (extract/ocr_options.h).
inline constexpr OptionSpec kOcrOption = {
    .name = "ocr",
    .value = "MODE",
    .choices = "auto|off|force",
    .default_value = "auto",
    .help =
        "recognize (OCR) PDF pages without a usable text layer (auto), "
        "never (off), or every page (force); needs tesseract-ocr-chi-sim"};

// Sets what every document-reading command shares in `options`: the OCR
// mode of --ocr, and .doc/.wps read through LibreOffice under `convert`'s
// limits (cli/convert.h).
void SetReadingOptions(const ParsedArgs& args, const ConvertOptions& convert,
                       PipelineOptions* options);

// ---- Options several commands share ----

// --fail-on of the commands that judge reports (check, compare).
inline constexpr OptionSpec kFailOnOption = {
    .name = "fail-on",
    .value = "LEVEL",
    .choices = "material|minor|never|error|warning",
    .default_value = "material",
    .help =
        "exit with 1 when a result is at or above this outcome "
        "(material > minor); error and warning are the older names of "
        "material and minor"};

// --lang of the commands that write messages (check, compare).
inline constexpr OptionSpec kLangOption = {.name = "lang",
                                           .value = "LANG",
                                           .choices = "zh|en",
                                           .default_value = "zh",
                                           .help = "language of the messages"};

// ---- Reading documents named on the command line (extract, check) ----

// The name a FILE operand goes by in messages and in the output `source`:
// the path as given, "<stdin>" for "-".
std::string SourceName(const std::string& operand);

// Reads a FILE operand: a file, or standard input for "-" (env.in; the
// same size limit as files). Errors name the source.
Result<std::string> ReadOperand(const std::string& operand, const CliEnv& env);

// Fails when "-" appears more than once (standard input reads once).
Status CheckStdinOnce(const ParsedArgs& args);

// The JSON Lines record of a document that could not be read:
// {"error", "error_kind", "schema_version", "source"}.
Json DocumentErrorJson(const std::string& source, const Status& status);

// Calls fn(source, bytes) for every FILE operand in order. A document that
// cannot be read, or for which fn fails, is reported on env.err and, when
// json_lines, as a DocumentErrorJson line on env.out; the others go on.
// Returns whether any failed.
bool ForEachDocument(const ParsedArgs& args, const CliEnv& env, bool json_lines,
                     const std::function<Status(const std::string& source,
                                                std::string_view bytes)>& fn);

// Writes one document's JSON: indented when it is the only document,
// compact on one line (JSON Lines) when json_lines.
void WriteDocumentJson(const Json& j, bool json_lines, std::ostream& out);

// Streams one document's JSON as WriteDocumentJson prints the tree `write`
// builds, without building it (output/schema_json.h's Write* functions).
void StreamDocumentJson(const std::function<void(JsonWriter*)>& write,
                        bool json_lines, std::ostream& out);

// ---- Limits extract and check put on their own process (cli/limits.h) ----

// --timeout SEC and --max-memory MB, with batch's defaults (0 = none).
inline constexpr OptionSpec kTimeoutOption = {
    .name = "timeout",
    .value = "SEC",
    .type = ValueType::kInteger,
    .min_value = 0,
    .default_value = "120",
    .help =
        "give up on a FILE after SEC seconds: the message names it and "
        "the process exits with 2 at once (0 = no limit); a PDF page "
        "whose text takes over 5 s is skipped, named as unreadable"};
inline constexpr OptionSpec kMaxMemoryOption = {
    .name = "max-memory",
    .value = "MB",
    .type = ValueType::kInteger,
    .min_value = 0,
    .default_value = "2048",
    .help =
        "limit the process's address space to MB MiB; a FILE that needs "
        "more fails with an out-of-memory message and exit 2, the others "
        "go on (0 = no limit)"};

// The limits given by kTimeoutOption and kMaxMemoryOption, the memory limit
// already applied to this process.
ProcessLimits ApplyProcessLimits(const ParsedArgs& args);

// Runs fn for one document under limits.timeout_sec (a ScopedDeadline) and
// turns running out of memory into a ResourceExhausted status naming
// `source` and the limit.
Status WithinLimits(const std::string& source, const ProcessLimits& limits,
                    const std::function<Status()>& fn);

// What extract and check read with: the library defaults plus a time budget
// per PDF page (kDefaultPdfPageBudgetMs).
PipelineOptions CliPipelineOptions();

// The commands (one file each: cli/<name>_command.cc).
extern const Command kExtractCommand;
extern const Command kCheckCommand;
extern const Command kCompareCommand;
extern const Command kReportCommand;
extern const Command kServeCommand;
extern const Command kBatchCommand;
extern const Command kExportCommand;
extern const Command kSchemaCommand;
extern const Command kRulesCommand;

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_COMMAND_H_
