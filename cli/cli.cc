#include "cli/cli.h"

#include "cli/pipeline.h"
#include "output/json_writer.h"
#include "schema/version.h"

#include <string_view>

namespace budgetdoc {
namespace {

constexpr std::string_view kUsage =
    R"(usage: budgetdoc <command> [options]

commands:
  extract FILE [--format json|text]   read a report and print its document,
                                      section tree and amounts
  --version                           print the version
  --help                              print this help

exit codes: 0 ok, 2 the input could not be processed or bad usage
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
  Result<NormalizedDocument> nd = ExtractFile(files[0], options);
  if (!nd.ok()) {
    err << "budgetdoc: " << nd.status().message() << "\n";
    return 2;
  }
  if (format == "json") {
    out << NormalizedDocumentToJson(*nd).Dump(1) << "\n";
  } else {
    out << DebugString(nd->doc) << DebugString(*nd);
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
  return Usage(err, "unknown command '" + cmd + "'");
}

}  // namespace budgetdoc
