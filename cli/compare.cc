// Tested by tests/cli/compare_test.cc.
#include "cli/compare.h"

#include "output/cross_findings.h"

namespace budgetdoc {

CrossDocument CrossDocumentOf(const Analysis& a, std::string id,
                              std::string path) {
  CrossDocument d;
  d.id = std::move(id);
  d.path = std::move(path);
  d.meta = a.ex.meta;
  d.facts = a.ex.facts;
  return d;
}

int RunCompareCommand(const std::vector<std::string>& args, std::ostream& out,
                      std::ostream& err) {
  std::string format = "text", lang = "zh", fail_on = "error";
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* target = a == "--format"    ? &format
                          : a == "--lang"    ? &lang
                          : a == "--fail-on" ? &fail_on
                                             : nullptr;
    if (target != nullptr) {
      if (i + 1 >= args.size()) {
        err << "budgetdoc: compare: " << a << " needs a value\n";
        return 2;
      }
      *target = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      err << "budgetdoc: compare: unknown option " << a << "\n";
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if ((format != "text" && format != "json") ||
      (lang != "zh" && lang != "en") ||
      (fail_on != "error" && fail_on != "warning" && fail_on != "never") ||
      files.size() < 2) {
    err << "budgetdoc: compare: expects FILE FILE... [--format text|json] "
           "[--lang zh|en] [--fail-on error|warning|never]\n";
    return 2;
  }
  PipelineOptions options;
  options.check.english = lang == "en";
  std::vector<CrossDocument> docs;
  for (const std::string& file : files) {
    Result<Analysis> a = AnalyzeFile(file, options);
    if (!a.ok()) {
      err << "budgetdoc: " << a.status().message() << "\n";
      return 2;
    }
    docs.push_back(CrossDocumentOf(*a, file, file));
  }
  std::vector<CrossResult> results = RunCrossChecks(docs, options.check);
  if (format == "json") {
    out << CrossReportToJson(docs, results).Dump(1) << "\n";
  } else {
    out << RenderCrossText(docs, results, options.check.english);
  }
  for (const CrossResult& c : results) {
    const CheckResult& r = c.result;
    bool flagged =
        r.outcome == Outcome::kFail || r.outcome == Outcome::kRounding;
    if (!flagged) continue;
    if (fail_on == "warning" ||
        (fail_on == "error" && r.severity == Severity::kError)) {
      return 1;
    }
  }
  return 0;
}

}  // namespace budgetdoc
