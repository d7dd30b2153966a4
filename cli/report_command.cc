// `budgetdoc report FILE... -o report.html`: one self-contained HTML page to
// read and show (cli/report.h). Tested by tests/cli/report_test.cc.
#include "base/file_io.h"
#include "cli/command.h"
#include "cli/report.h"

namespace budgetdoc {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "out",
     .short_name = 'o',
     .value = "FILE",
     .help = "the HTML file to write (required; written atomically)"},
};

int Run(const ParsedArgs& args, const CliEnv& env) {
  if (Status s = CheckStdinOnce(args); !s.ok()) {
    return UsageError(kReportCommand, env, s.message());
  }
  std::string out_path = args.Get("out");
  if (out_path.empty()) {
    return UsageError(kReportCommand, env, "-o FILE is required");
  }
  PipelineOptions options = CliPipelineOptions();
  std::vector<std::string> bytes;
  std::vector<Analysis> analyses;
  HtmlReportOptions html;
  html.tool_version = BUDGETDOC_VERSION;
  for (const std::string& operand : args.operands()) {
    Result<std::string> read = ReadOperand(operand, env);
    if (!read.ok()) {
      InputError(env, read.status().message());
      html.failures.push_back(read.status().message());
      continue;
    }
    PipelineOptions o = options;
    o.extract.source_name = SourceName(operand);
    Result<Analysis> a = AnalyzeBytes(*read, o);
    if (!a.ok()) {
      InputError(env, a.status().message());
      html.failures.push_back(a.status().message());
      continue;
    }
    bytes.push_back(std::move(read).value());
    analyses.push_back(std::move(a).value());
  }
  std::vector<ReportSource> sources;
  for (size_t i = 0; i < analyses.size(); ++i) {
    sources.push_back({bytes[i], &analyses[i]});
  }
  Status s =
      WriteFileAtomically(out_path, HtmlReportOf(sources, options, html));
  if (!s.ok()) return InputError(env, s.message());
  *env.out << out_path << "\n";
  return html.failures.empty() ? 0 : 2;
}

}  // namespace

extern const Command kReportCommand = {
    .name = "report",
    .operands = "FILE...",
    .min_operands = 1,
    .max_operands = kManyOperands,
    .summary =
        "one self-contained HTML page to read and show: findings with "
        "quotes and boxed page crops, tables, key totals",
    .description =
        "Analyzes each FILE (- reads standard input) and writes one HTML page "
        "with every document: the findings with their quotes and, for PDFs, "
        "crops of the page with the figures boxed; the tables; key totals; a "
        "Chinese/English switch. The page has no external resources. Prints "
        "the path written.\n\n"
        "A FILE that cannot be read is listed on the page and on standard "
        "error; the page is still written and the exit code is 2.\n\n"
        "  budgetdoc report report.pdf -o report.html",
    .options = kOptions,
    .run = Run,
};

}  // namespace budgetdoc
