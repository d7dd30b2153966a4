// `budgetdoc check`: where reports contradict themselves, as text for a
// reader or JSON for a program. Tested by tests/cli/cli_test.cc.
#include "base/utf8.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "output/check_text.h"
#include "output/schema_json.h"

namespace budgetdoc {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "format",
     .value = "FORMAT",
     .choices = "text|json",
     .default_value = "text",
     .help = "text: the findings with quotes and pages, for a reader; json: "
             "the extract output plus every rule application (checks)"},
    kFailOnOption,
    kLangOption,
    {.name = "one-report",
     .help = "read the FILEs as one report in several files (the narrative "
             "and the tables published apart): one metadata, one section "
             "tree, every rule across all of them, each figure with its "
             "file and page"},
    kTimeoutOption,
    kMaxMemoryOption,
    kOcrOption,
};

int Run(const ParsedArgs& args, const CliEnv& env) {
  if (Status s = CheckStdinOnce(args); !s.ok()) {
    return UsageError(kCheckCommand, env, s.message());
  }
  bool json = args.Get("format") == "json";
  bool lines = json && args.operands().size() > 1;
  Verdict fail_verdict = Verdict::kMaterial;
  bool fail_never = !ParseFailOn(args.Get("fail-on"), &fail_verdict);
  PipelineOptions options = CliPipelineOptions();
  SetReadingOptions(args, ConvertOptions(), &options);
  options.check.english = args.Get("lang") == "en";
  ProcessLimits limits = ApplyProcessLimits(args);
  bool flagged = false;
  auto judge = [&](const Analysis& a, bool lines_out) {
    size_t material = a.report.Count(Verdict::kMaterial);
    size_t minor = a.report.Count(Verdict::kMinor);
    if (!fail_never &&
        (material > 0 || (fail_verdict == Verdict::kMinor && minor > 0))) {
      flagged = true;
    }
    if (json) {
      StreamDocumentJson(
          [&](JsonWriter* w) { WriteCheckOutput(a.nd, a.ex, a.report, w); },
          lines_out, *env.out);
    } else {
      // Document text goes to a terminal: no control sequences.
      *env.out << EscapeControlChars(RenderCheckText(a.nd, a.ex, a.report,
                                                     options.check.english))
               << "\n";
    }
  };
  if (args.Has("one-report") && args.operands().size() > 1) {
    std::vector<std::string> contents;
    for (const std::string& operand : args.operands()) {
      Result<std::string> bytes = ReadOperand(operand, env);
      if (!bytes.ok()) return InputError(env, bytes.status().message());
      contents.push_back(std::move(bytes).value());
    }
    std::vector<NamedBytes> files;
    for (size_t i = 0; i < contents.size(); ++i) {
      files.push_back({SourceName(args.operands()[i]), contents[i]});
    }
    std::string name = files.front().name;
    for (size_t i = 1; i < files.size(); ++i) name += " + " + files[i].name;
    Status s = WithinLimits(name, limits, [&]() -> Status {
      BUDGETDOC_ASSIGN_OR_RETURN(Analysis a,
                                 AnalyzeBundleBytes(files, options));
      judge(a, false);
      return Status::Ok();
    });
    if (!s.ok()) return InputError(env, s.message());
    return flagged ? 1 : 0;
  }
  bool failed = ForEachDocument(
      args, env, lines,
      [&](const std::string& source, std::string_view bytes) -> Status {
        return WithinLimits(source, limits, [&]() -> Status {
          PipelineOptions o = options;
          o.extract.source_name = source;
          BUDGETDOC_ASSIGN_OR_RETURN(Analysis a, AnalyzeBytes(bytes, o));
          judge(a, lines);
          return Status::Ok();
        });
      });
  if (failed) return 2;
  return flagged ? 1 : 0;
}

}  // namespace

extern const Command kCheckCommand = {
    .name = "check",
    .operands = "FILE...",
    .min_operands = 1,
    .max_operands = kManyOperands,
    .summary = "check where reports contradict themselves",
    .description =
        "Reads each FILE (- reads standard input, named <stdin>) and applies "
        "every consistency rule (budgetdoc rules; docs/checks.md): totals "
        "that must add up, shares, changes, completion rates, figures "
        "printed twice, codes, presentation.\n\n"
        "With --one-report, the FILEs are one report published in several "
        "files (a narrative and its tables): figures of the narrative are "
        "compared with the tables, and neither file is reported as missing "
        "the other's parts. Evidence names each figure's file and page.\n\n"
        "With one FILE, --format json prints one indented JSON object; with "
        "several, JSON Lines (one compact object per document, one per "
        "line). A FILE that cannot be read gives a line {\"source\", "
        "\"error\", \"error_kind\", \"schema_version\"} instead; the others "
        "are still checked.\n\n"
        "Findings on pages that could not be read (scanned or garbled; "
        "listed in unreadable_pages and in the text report) are not_checked. "
        "A FILE without readable text is an error.\n\n"
        "Exit codes: 0 nothing at or above --fail-on; 1 some report has a "
        "finding at or above --fail-on; 2 a FILE could not be read, ran out "
        "of memory or time (this wins over 1) or bad usage.\n\n"
        "  budgetdoc check report.pdf\n"
        "  budgetdoc check --one-report text.pdf tables.pdf\n"
        "  budgetdoc check --format json --fail-on never reports/*.pdf > "
        "checks.jsonl",
    .options = kOptions,
    .run = Run,
};

}  // namespace budgetdoc
