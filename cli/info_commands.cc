// `budgetdoc schema` and `budgetdoc rules`: what the output looks like and
// which rules check it. Tested by tests/cli/cli_test.cc.
#include "check/rules.h"
#include "cli/command.h"
#include "output/schema_json.h"

namespace budgetdoc {
namespace {

int RunSchema(const ParsedArgs&, const CliEnv& env) {
  *env.out << OutputJsonSchema() << "\n";
  return 0;
}

constexpr OptionSpec kRulesOptions[] = {
    {.name = "markdown",
     .help = "a Markdown table (docs/checks.md is made with it)"},
};

int RunRules(const ParsedArgs& args, const CliEnv& env) {
  if (args.Has("markdown")) {
    *env.out << RulesMarkdown();
    return 0;
  }
  for (const RuleSpec& r : AllRules()) {
    *env.out << r.id << "\t" << FailureClassName(r.failure) << "\t" << r.zh
             << "\n";
  }
  return 0;
}

}  // namespace

extern const Command kSchemaCommand = {
    .name = "schema",
    .summary = "print the JSON Schema of the extract and check output",
    .description =
        "Prints the JSON Schema (draft 2020-12) that the output of "
        "extract and check validates against "
        "(docs/output_schema.md).",
    .options = {},
    .run = RunSchema,
};

extern const Command kRulesCommand = {
    .name = "rules",
    .summary = "list the consistency rules",
    .description =
        "Lists every consistency rule: id, failure class (material, minor, or "
        "by size: material unless the "
        "difference is one unit of the last printed digit) and what it "
        "checks (in Chinese), one per line, tab-separated.",
    .options = kRulesOptions,
    .run = RunRules,
};

}  // namespace budgetdoc
