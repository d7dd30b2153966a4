#include "cli/cli.h"

#include "check/rules.h"
#include "cli/pipeline.h"
#include "output/check_text.h"
#include "output/json_writer.h"
#include "output/schema_json.h"
#include "schema/version.h"

#include <string_view>

namespace budgetdoc {
namespace {

constexpr std::string_view kUsage =
    R"(usage: budgetdoc <command> [options]

commands:
  extract FILE [--format json|text]   read a report: metadata, facts in the
                                      common schema, tables, document, sections
  check FILE... [--format text|json] [--fail-on error|warning|never] [--lang zh|en]
                                      check where a report contradicts itself
  schema                              print the JSON Schema of the output
  rules [--markdown]                  list the consistency rules
  --version                           print the version
  --help                              print this help

exit codes: 0 ok; 1 check found something at or above --fail-on;
            2 an input could not be processed, or bad usage
)";

int Usage(std::ostream& err, std::string_view problem) {
  err << "budgetdoc: " << problem << "\n\n" << kUsage;
  return 2;
}

int RunExtract(const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err) {
  std::string format = "json";
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format" && i + 1 < args.size()) {
      format = args[++i];
    } else if (a.rfind("--format=", 0) == 0) {
      format = a.substr(9);
    } else if (!a.empty() && a[0] == '-') {
      return Usage(err, "extract: unknown option " + a);
    } else {
      files.push_back(a);
    }
  }
  if (format != "json" && format != "text") {
    return Usage(err, "extract: --format must be json or text");
  }
  if (files.size() != 1) return Usage(err, "extract: expects exactly one FILE");
  PipelineOptions options;
  Result<Analysis> a = AnalyzeFile(files[0], options);
  if (!a.ok()) {
    err << "budgetdoc: " << a.status().message() << "\n";
    return 2;
  }
  if (format == "json") {
    out << ExtractOutputToJson(a->nd, a->ex).Dump(1) << "\n";
  } else {
    out << DebugString(a->nd.doc) << DebugString(a->nd);
  }
  return 0;
}

int RunCheck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string format = "text", fail_on = "error", lang = "zh";
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* v) {
      if (i + 1 >= args.size()) return false;
      *v = args[++i];
      return true;
    };
    if (a == "--format") {
      if (!value(&format)) return Usage(err, "check: --format needs a value");
    } else if (a == "--fail-on") {
      if (!value(&fail_on)) return Usage(err, "check: --fail-on needs a value");
    } else if (a == "--lang") {
      if (!value(&lang)) return Usage(err, "check: --lang needs a value");
    } else if (!a.empty() && a[0] == '-') {
      return Usage(err, "check: unknown option " + a);
    } else {
      files.push_back(a);
    }
  }
  if (format != "text" && format != "json") return Usage(err, "check: --format must be text or json");
  if (fail_on != "error" && fail_on != "warning" && fail_on != "never") {
    return Usage(err, "check: --fail-on must be error, warning or never");
  }
  if (lang != "zh" && lang != "en") return Usage(err, "check: --lang must be zh or en");
  if (files.empty()) return Usage(err, "check: expects at least one FILE");
  PipelineOptions options;
  options.check.english = lang == "en";
  bool failed_input = false, flagged = false;
  for (const std::string& file : files) {
    Result<Analysis> a = AnalyzeFile(file, options);
    if (!a.ok()) {
      err << "budgetdoc: " << a.status().message() << "\n";
      failed_input = true;
      continue;
    }
    size_t errors = a->report.CountSeverity(Severity::kError);
    size_t warnings = a->report.CountSeverity(Severity::kWarning);
    if ((fail_on == "error" && errors > 0) || (fail_on == "warning" && errors + warnings > 0)) {
      flagged = true;
    }
    if (format == "json") {
      Json j = ExtractionToJson(a->nd, a->ex);
      j.Set("schema_version", Json::Str(kSchemaVersion));
      j.Set("source", Json::Str(a->nd.doc.source));
      j.Set("format", Json::Str(FormatName(a->nd.doc.format)));
      Json findings = Json::MakeArray();
      for (const Finding& f : a->nd.doc.findings) findings.Push(FindingToJson(f));
      for (const Finding& f : a->nd.findings) findings.Push(FindingToJson(f));
      for (const Finding& f : a->ex.findings) findings.Push(FindingToJson(f));
      j.Set("findings", std::move(findings));
      j.Set("checks", CheckReportToJson(a->report));
      out << j.Dump(1) << "\n";
    } else {
      out << RenderCheckText(a->nd, a->ex, a->report, options.check.english) << "\n";
    }
  }
  if (failed_input) return 2;
  return flagged ? 1 : 0;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err) {
  if (args.empty()) return Usage(err, "no command given");
  const std::string& cmd = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    out << kUsage;
    return 0;
  }
  if (cmd == "--version") {
    out << "budgetdoc " << BUDGETDOC_VERSION << " (schema " << kSchemaVersion
        << ")\n";
    return 0;
  }
  if (cmd == "extract") return RunExtract(rest, out, err);
  if (cmd == "check") return RunCheck(rest, out, err);
  if (cmd == "schema") {
    out << OutputJsonSchema() << "\n";
    return 0;
  }
  if (cmd == "rules") {
    if (!rest.empty() && rest[0] == "--markdown") {
      out << RulesMarkdown();
    } else {
      for (const RuleSpec& r : AllRules()) {
        out << r.id << "\t" << SeverityName(r.severity) << "\t" << r.zh << "\n";
      }
    }
    return 0;
  }
  return Usage(err, "unknown command '" + cmd + "'");
}

}  // namespace budgetdoc
