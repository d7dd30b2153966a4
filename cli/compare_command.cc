// `budgetdoc compare`: the checks across documents (check/cross_document.h)
// on the files given. Tested by tests/cli/compare_test.cc.
#include "cli/command.h"
#include "cli/compare.h"
#include "output/cross_findings.h"

namespace budgetdoc {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "format",
     .value = "FORMAT",
     .choices = "text|json",
     .default_value = "text",
     .help = "text: the results grouped by verdict with both documents' "
             "figures, for a reader; json: the linked documents and every "
             "result"},
    kFailOnOption,
    kLangOption,
};

int Run(const ParsedArgs& args, const CliEnv& env) {
  if (Status s = CheckStdinOnce(args); !s.ok()) {
    return UsageError(kCompareCommand, env, s.message());
  }
  Verdict fail_verdict = Verdict::kMaterial;
  bool fail_never = !ParseFailOn(args.Get("fail-on"), &fail_verdict);
  PipelineOptions options = CliPipelineOptions();
  options.check.english = args.Get("lang") == "en";
  std::vector<CrossDocument> docs;
  for (const std::string& operand : args.operands()) {
    Result<std::string> bytes = ReadOperand(operand, env);
    if (!bytes.ok()) return InputError(env, bytes.status().message());
    const std::string source = SourceName(operand);
    PipelineOptions o = options;
    o.extract.source_name = source;
    Result<Analysis> a = AnalyzeBytes(*bytes, o);
    if (!a.ok()) return InputError(env, a.status().message());
    docs.push_back(CrossDocumentOf(*a, source, source));
  }
  std::vector<CrossResult> results = RunCrossChecks(docs, options.check);
  if (args.Get("format") == "json") {
    *env.out << CrossReportToJson(docs, results).Dump(1) << "\n";
  } else {
    *env.out << RenderCrossText(docs, results, options.check.english);
  }
  if (fail_never) return 0;
  for (const CrossResult& c : results) {
    Verdict v = c.result.verdict;
    if (v == Verdict::kMaterial ||
        (v == Verdict::kMinor && fail_verdict == Verdict::kMinor)) {
      return 1;
    }
  }
  return 0;
}

}  // namespace

extern const Command kCompareCommand = {
    .name = "compare",
    .operands = "FILE FILE...",
    .min_operands = 2,
    .max_operands = kManyOperands,
    .summary =
        "check reports against each other: one body's consecutive "
        "years, a department and its units",
    .description =
        "Analyzes each FILE as check does (- reads standard input, named "
        "<stdin>), links them by their metadata and compares what one "
        "report prints with what another printed (docs/batch.md, \"Across "
        "documents\"):\n\n"
        "Across years: the same body's reports of years Y-1 and Y. The "
        "上年预算数 of a budget is compared with the earlier budget, the "
        "上年决算数 of final accounts with the earlier final accounts, "
        "classification items by code; an execution figure (预算执行数) is "
        "set against the earlier budget as what it is (a difference is a "
        "note, not a contradiction). When the later report says it restated "
        "last year's figures (口径调整), a difference is not checked, with "
        "the sentence as the reason.\n\n"
        "Department and units: a 部门 report and the 单位 reports of the "
        "same body, region, year and kind. A department with only its own "
        "(本级) unit prints that unit's figures; a department prints at "
        "least each unit's totals; with all its units present (by its own "
        "所属单位 count) it prints their sum, else the sum is not checked.\n\n"
        "Every result has an outcome (material, minor, pass, not_checked, "
        "not_applicable) and cites both documents' figures with their "
        "files and pages. A FILE that cannot be read stops the comparison "
        "(exit 2).\n\n"
        "Exit codes: 0 nothing at or above --fail-on; 1 a result at or "
        "above --fail-on; 2 a FILE could not be read, or bad usage.\n\n"
        "  budgetdoc compare 2023/budget.pdf 2024/budget.pdf\n"
        "  budgetdoc compare --format json dept.pdf unit_*.pdf",
    .options = kOptions,
    .run = Run,
};

}  // namespace budgetdoc
