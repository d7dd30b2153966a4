// The one option parser of the command line. Each command declares its
// options as data (OptionSpec); ParseArgs turns arguments into operands and
// option values, and OptionsHelp renders the same data as help text, so the
// help, the man page and the parser cannot disagree.
//
// Conventions every command gets from here:
//   --name=value and --name value; -j 4 and -j4 for short options;
//   "--" ends the options (what follows is an operand even if it starts
//   with "-"); "-" alone is an operand (standard input, where the command
//   accepts it); a misspelt option gets "did you mean --format?";
//   -h/--help and -q/--quiet are accepted by every command (kCommonOptions).
// Pure; no global state (unlike getopt_long). Tested by
// tests/cli/options_test.cc.
#ifndef BUDGETDOC_CLI_OPTIONS_H_
#define BUDGETDOC_CLI_OPTIONS_H_

#include "base/result.h"

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {

enum class ValueType {
  kText,     // any text (checked against `choices` when set)
  kInteger,  // a whole number from min_value to max_value
};

struct OptionSpec {
  // Long name without the dashes ("format" for --format).
  const char* name = "";
  // Short name ('j' for -j), or 0 for none.
  char short_name = 0;
  // What the value is called in the help ("FILE", "N"); nullptr = a flag,
  // which takes no value.
  const char* value = nullptr;
  ValueType type = ValueType::kText;
  // The range of a kInteger value.
  int min_value = 1;
  int max_value = 1000000;
  // The accepted values separated by '|' ("json|text"); nullptr = any.
  const char* choices = nullptr;
  // Shown in the help and returned by ParsedArgs::Get when the option is not
  // given; nullptr = none.
  const char* default_value = nullptr;
  // May be given several times (ParsedArgs::GetAll); otherwise the last
  // one given wins.
  bool repeatable = false;
  // The value may be left out (--retry-failed alone: Get returns ""); when
  // given it is attached with '=' (--retry-failed=timeout), so that the
  // argument after the option is never taken as its value.
  bool optional_value = false;
  // A phrase for the help, no final period (the default and "repeatable"
  // are appended in parentheses); wrapped by OptionsHelp.
  const char* help = "";
};

// Accepted by every command: -h/--help and -q/--quiet.
std::span<const OptionSpec> CommonOptions();

// Arguments after parsing: operands in order and option values by name.
class ParsedArgs {
 public:
  ParsedArgs() = default;
  explicit ParsedArgs(std::span<const OptionSpec> options)
      : options_(options) {}

  // Whether the option was given.
  bool Has(std::string_view name) const;
  // The last value given, else the declared default, else "". For a flag:
  // "1" when given.
  std::string Get(std::string_view name) const;
  // Every value given, in order (repeatable options).
  std::vector<std::string> GetAll(std::string_view name) const;
  // Get as a number (for kInteger options, already validated).
  int GetInt(std::string_view name) const;
  const std::vector<std::string>& operands() const { return operands_; }

  void AddValue(std::string name, std::string value) {
    values_.emplace_back(std::move(name), std::move(value));
  }
  void AddOperand(std::string operand) {
    operands_.push_back(std::move(operand));
  }

 private:
  std::span<const OptionSpec> options_;
  std::vector<std::pair<std::string, std::string>> values_;  // as given
  std::vector<std::string> operands_;
};

// Parses `args` (the arguments after the command name) against `options`
// plus CommonOptions(). Fails with InvalidArgument on an unknown option
// (with a suggestion), a flag given a value, a missing value, a value
// outside `choices` or not of `type`. Messages start with the option as the
// user wrote it, e.g. "unknown option --formt (did you mean --format?)".
Result<ParsedArgs> ParseArgs(std::span<const OptionSpec> options,
                             const std::vector<std::string>& args);

// The options block of a command's help: one entry per option (the command's
// first, then the common ones), each with its value, choices, default and
// wrapped help text.
std::string OptionsHelp(std::span<const OptionSpec> options);

// Wraps `text` (words separated by spaces) at `width` columns, every line
// after the first indented by `indent` spaces. Columns count bytes: help
// text is ASCII.
std::string WrapText(std::string_view text, size_t indent, size_t width);

// Optimal string alignment distance (Levenshtein plus adjacent
// transpositions), over bytes.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely
// misspelling (distance ≤ 1 for words up to 4 bytes, ≤ 2 beyond) or `word`
// is a prefix of exactly one candidate; "" otherwise. Ties go to the first.
std::string ClosestMatch(std::string_view word,
                         const std::vector<std::string>& candidates);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_OPTIONS_H_
