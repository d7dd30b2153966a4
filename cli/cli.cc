#include "cli/cli.h"

#include "check/rules.h"
#include "cli/batch.h"
#include "cli/compare.h"
#include "cli/pipeline.h"
#include "cli/report.h"
#include "cli/serve.h"
#include "output/check_text.h"
#include "output/cross_store.h"
#include "output/csv_writer.h"
#include "output/json_writer.h"
#include "output/schema_json.h"
#include "schema/mapper.h"
#include "schema/version.h"

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string_view>
#include <unistd.h>

namespace budgetdoc {
namespace {

constexpr std::string_view kUsage =
    R"(usage: budgetdoc <command> [options]

commands:
  extract FILE [--format json|text]   read a report: metadata, facts in the
                                      common schema, tables, document, sections
  check FILE... [--format text|json] [--fail-on error|warning|never] [--lang zh|en]
        [--one-report]                check where a report contradicts itself;
                                      --one-report reads the files as one
                                      report (narrative and tables apart)
  compare FILE FILE... [--format text|json] [--lang zh|en]
                                      checks across reports: one body's
                                      consecutive years (上年 figures), a
                                      department and its units
  report FILE... -o FILE.html         one self-contained HTML page to read and
                                      show: findings with quotes and boxed
                                      page crops, tables, key totals
  serve [--port 8080] [--host 127.0.0.1] [--db FILE] [--max-upload MB]
                                      a local web app: upload a report and get
                                      its HTML report; browse a batch database
  batch PATH... [--db FILE] [-j N] [--manifest FILE|-] [--timeout SEC]
        [--max-memory MB] [--force] [--retry-failed] [--shard K/N]
        [--shard-by path|content] [--progress auto|bar|lines|none]
                                      analyze files, directories, globs or a
                                      manifest (CSV/JSON Lines) into a SQLite
                                      database, each document in a worker
                                      process; unchanged files are skipped
  export [--db FILE] [--format csv|jsonl]
         [--table facts|findings|documents|cross_findings]
         [--bom] [--out FILE]         long-format rows from a batch database
  schema                              print the JSON Schema of the output
  rules [--markdown]                  list the consistency rules
  --version                           print the version
  --help                              print this help

exit codes: 0 ok; 1 check found something at or above --fail-on;
            2 an input could not be processed, or bad usage;
            3 batch finished, but some documents failed
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
  if (format == "text") {
    // The stage dumps need neither the schema nor the checks.
    Result<NormalizedDocument> nd = ExtractFile(files[0], options);
    if (!nd.ok()) {
      err << "budgetdoc: " << nd.status().message() << "\n";
      return 2;
    }
    Extraction ex = MapToSchema(*nd);
    out << DebugString(nd->doc) << DebugString(*nd) << "claims:\n"
        << ClaimsDebugString(ex.claims, *nd);
    return 0;
  }
  options.run_checks = false;
  Result<Analysis> a = AnalyzeFile(files[0], options);
  if (!a.ok()) {
    err << "budgetdoc: " << a.status().message() << "\n";
    return 2;
  }
  out << ExtractOutputToJson(a->nd, a->ex).Dump(1) << "\n";
  return 0;
}

int RunCheck(const std::vector<std::string>& args, std::ostream& out,
             std::ostream& err) {
  std::string format = "text", fail_on = "error", lang = "zh";
  std::vector<std::string> files;
  bool one_report = false;
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
    } else if (a == "--one-report") {
      one_report = true;
    } else if (!a.empty() && a[0] == '-') {
      return Usage(err, "check: unknown option " + a);
    } else {
      files.push_back(a);
    }
  }
  if (format != "text" && format != "json")
    return Usage(err, "check: --format must be text or json");
  if (fail_on != "error" && fail_on != "warning" && fail_on != "never") {
    return Usage(err, "check: --fail-on must be error, warning or never");
  }
  if (lang != "zh" && lang != "en")
    return Usage(err, "check: --lang must be zh or en");
  if (files.empty()) return Usage(err, "check: expects at least one FILE");
  PipelineOptions options;
  options.check.english = lang == "en";
  bool failed_input = false, flagged = false;
  std::vector<std::vector<std::string>> reports;
  if (one_report) {
    reports.push_back(files);
  } else {
    for (const std::string& file : files) reports.push_back({file});
  }
  for (const std::vector<std::string>& report : reports) {
    Result<Analysis> a = report.size() == 1 ? AnalyzeFile(report[0], options)
                                            : AnalyzeFiles(report, options);
    if (!a.ok()) {
      err << "budgetdoc: " << a.status().message() << "\n";
      failed_input = true;
      continue;
    }
    size_t errors = a->report.CountSeverity(Severity::kError);
    size_t warnings = a->report.CountSeverity(Severity::kWarning);
    if ((fail_on == "error" && errors > 0) ||
        (fail_on == "warning" && errors + warnings > 0)) {
      flagged = true;
    }
    if (format == "json") {
      Json j = ExtractionToJson(a->nd, a->ex);
      j.Set("schema_version", Json::Str(kSchemaVersion));
      j.Set("source", Json::Str(a->nd.doc.source));
      j.Set("format", Json::Str(FormatName(a->nd.doc.format)));
      Json findings = Json::MakeArray();
      for (const Finding& f : a->nd.doc.findings)
        findings.Push(FindingToJson(f));
      for (const Finding& f : a->nd.findings) findings.Push(FindingToJson(f));
      for (const Finding& f : a->ex.findings) findings.Push(FindingToJson(f));
      j.Set("findings", std::move(findings));
      j.Set("checks", CheckReportToJson(a->report));
      out << j.Dump(1) << "\n";
    } else {
      out << RenderCheckText(a->nd, a->ex, a->report, options.check.english)
          << "\n";
    }
  }
  if (failed_input) return 2;
  return flagged ? 1 : 0;
}

bool ParsePositive(const std::string& text, int* out) {
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || v < 1 || v > 1000000) return false;
  *out = static_cast<int>(v);
  return true;
}

int RunBatchCommand(const std::vector<std::string>& args, std::ostream& err) {
  BatchOptions o;
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  o.jobs = cpus > 0 ? static_cast<int>(cpus) : 1;
  o.tool_version = BUDGETDOC_VERSION;
  std::string progress = "auto";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* v) {
      if (i + 1 >= args.size()) return false;
      *v = args[++i];
      return true;
    };
    std::string v;
    if (a == "--db") {
      if (!value(&o.db_path)) return Usage(err, "batch: --db needs a FILE");
    } else if (a == "-j" || a == "--jobs" ||
               (a.rfind("-j", 0) == 0 && a.size() > 2)) {
      if (a.size() > 2 && a[1] == 'j') {
        v = a.substr(2);
      } else if (!value(&v)) {
        return Usage(err, "batch: -j needs a number");
      }
      if (!ParsePositive(v, &o.jobs)) {
        return Usage(err, "batch: -j must be a positive number");
      }
    } else if (a == "--manifest") {
      if (!value(&o.manifest_path)) {
        return Usage(err, "batch: --manifest needs a FILE or -");
      }
    } else if (a == "--timeout") {
      if (!value(&v) || !ParsePositive(v, &o.worker.timeout_sec)) {
        return Usage(err,
                     "batch: --timeout needs a positive number of seconds");
      }
    } else if (a == "--max-memory") {
      if (!value(&v) || !ParsePositive(v, &o.worker.max_memory_mb)) {
        return Usage(err, "batch: --max-memory needs a positive number of MiB");
      }
    } else if (a == "--force") {
      o.force = true;
    } else if (a == "--retry-failed") {
      o.retry_failed = true;
    } else if (a == "--shard") {
      if (!value(&v) || !ParseShard(v, &o.shard_index, &o.shard_count)) {
        return Usage(err, "batch: --shard needs K/N with 1 <= K <= N");
      }
    } else if (a == "--shard-by") {
      if (!value(&v) || (v != "path" && v != "content")) {
        return Usage(err, "batch: --shard-by must be path or content");
      }
      o.shard_by_content = v == "content";
    } else if (a == "--progress") {
      if (!value(&progress) || (progress != "auto" && progress != "bar" &&
                                progress != "lines" && progress != "none")) {
        return Usage(err, "batch: --progress must be auto, bar, lines or none");
      }
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage(err, "batch: unknown option " + a);
    } else {
      o.paths.push_back(a);
    }
  }
  if (o.paths.empty() && o.manifest_path.empty()) {
    return Usage(err, "batch: expects at least one PATH or --manifest");
  }
  if (o.manifest_path == "-") {
    o.manifest_text.emplace(std::istreambuf_iterator<char>(std::cin),
                            std::istreambuf_iterator<char>());
  }
  if (progress == "auto") {
    progress = &err == &std::cerr && isatty(STDERR_FILENO) ? "bar" : "lines";
  }
  o.progress = progress == "bar"     ? ProgressMode::kBar
               : progress == "lines" ? ProgressMode::kLines
                                     : ProgressMode::kNone;
  o.worker.hooks = TestHooksFromEnvironment();
  Result<BatchSummary> s = RunBatch(o, err);
  if (!s.ok()) {
    err << "budgetdoc: " << s.status().message() << "\n";
    return 2;
  }
  return s->failed > 0 ? 3 : 0;
}

int RunExport(const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err) {
  std::string db = "budgetdoc.sqlite", format = "csv", table = "facts",
              out_path;
  ExportOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* v) {
      if (i + 1 >= args.size()) return false;
      *v = args[++i];
      return true;
    };
    if (a == "--db") {
      if (!value(&db)) return Usage(err, "export: --db needs a FILE");
    } else if (a == "--format") {
      if (!value(&format)) return Usage(err, "export: --format needs a value");
    } else if (a == "--table") {
      if (!value(&table)) return Usage(err, "export: --table needs a value");
    } else if (a == "--out") {
      if (!value(&out_path)) return Usage(err, "export: --out needs a FILE");
    } else if (a == "--bom") {
      options.bom = true;
    } else {
      return Usage(err, "export: unexpected argument " + a);
    }
  }
  if (format != "csv" && format != "jsonl") {
    return Usage(err, "export: --format must be csv or jsonl");
  }
  options.format = format == "csv" ? ExportFormat::kCsv : ExportFormat::kJsonl;
  const bool cross = table == "cross_findings";
  if (!cross && !ParseExportTable(table, &options.table)) {
    return Usage(err,
                 "export: --table must be facts, findings, documents or "
                 "cross_findings");
  }
  if (::access(db.c_str(), F_OK) != 0) {
    err << "budgetdoc: " << db
        << ": no such database (run budgetdoc batch --db " << db << " first)\n";
    return 2;
  }
  StoreOptions store_options;
  store_options.read_only = true;
  Result<std::unique_ptr<SqliteStore>> store =
      SqliteStore::Open(db, store_options);
  if (!store.ok()) {
    err << "budgetdoc: " << store.status().message() << "\n";
    return 2;
  }
  Status s = cross ? WriteCrossExport(**store, options, out, out_path)
             : out_path.empty() ? WriteExport(**store, options, out)
                                : WriteExportFile(**store, options, out_path);
  if (!s.ok()) {
    err << "budgetdoc: " << s.message() << "\n";
    return 2;
  }
  return 0;
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
  if (cmd == "report") return RunReportCommand(rest, out, err);
  if (cmd == "compare") return RunCompareCommand(rest, out, err);
  if (cmd == "serve") return RunServeCommand(rest, out, err);
  if (cmd == "batch") return RunBatchCommand(rest, err);
  if (cmd == "export") return RunExport(rest, out, err);
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
