#include "cli/command.h"

#include "base/file_io.h"
#include "cli/pipeline.h"
#include "schema/version.h"

#include <algorithm>
#include <new>

namespace budgetdoc {

std::string CommandHelp(const Command& c) {
  std::string out = std::string("usage: budgetdoc ") + c.name + " [options]";
  if (*c.operands != '\0') out += std::string(" ") + c.operands;
  out += "\n\n";
  std::string_view text = c.description;
  while (!text.empty()) {
    size_t end = text.find("\n\n");
    std::string_view para = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view()
                                         : text.substr(end + 2);
    if (para.substr(0, 2) == "  ") {
      out += std::string(para) + "\n\n";  // an example: kept as written
    } else {
      std::string flat(para);
      std::replace(flat.begin(), flat.end(), '\n', ' ');
      out += WrapText(flat, 0, 79) + "\n\n";
    }
  }
  out += "options:\n" + OptionsHelp(c.options);
  return out;
}

int UsageError(const Command& command, const CliEnv& env,
               std::string_view problem) {
  *env.err << "budgetdoc " << command.name << ": " << problem
           << "\nTry 'budgetdoc " << command.name << " --help'.\n";
  return 2;
}

int InputError(const CliEnv& env, std::string_view message) {
  *env.err << "budgetdoc: " << message << "\n";
  return 2;
}

std::string SourceName(const std::string& operand) {
  return operand == "-" ? "<stdin>" : operand;
}

Result<std::string> ReadOperand(const std::string& operand, const CliEnv& env) {
  if (operand != "-") return ReadFile(operand);
  if (env.in == nullptr) {
    return Status::InvalidArgument("<stdin>: no standard input here");
  }
  return ReadStream(*env.in, SourceName(operand));
}

Status CheckStdinOnce(const ParsedArgs& args) {
  const std::vector<std::string>& ops = args.operands();
  if (std::count(ops.begin(), ops.end(), "-") > 1) {
    return Status::InvalidArgument("standard input (-) can be named only once");
  }
  return Status::Ok();
}

Json DocumentErrorJson(const std::string& source, const Status& status) {
  Json j = Json::MakeObject();
  j.Set("error", Json::Str(status.message()));
  j.Set("error_kind", Json::Str(ErrorKindName(status.code())));
  j.Set("schema_version", Json::Str(kSchemaVersion));
  j.Set("source", Json::Str(source));
  return j;
}

bool ForEachDocument(const ParsedArgs& args, const CliEnv& env, bool json_lines,
                     const std::function<Status(const std::string& source,
                                                std::string_view bytes)>& fn) {
  bool failed = false;
  for (const std::string& operand : args.operands()) {
    std::string source = SourceName(operand);
    Result<std::string> bytes = ReadOperand(operand, env);
    Status s = bytes.ok() ? fn(source, *bytes) : bytes.status();
    if (s.ok()) continue;
    failed = true;
    InputError(env, s.message());
    if (json_lines) *env.out << DocumentErrorJson(source, s).Dump() << "\n";
  }
  return failed;
}

void WriteDocumentJson(const Json& j, bool json_lines, std::ostream& out) {
  out << j.Dump(json_lines ? -1 : 1) << "\n";
}

void StreamDocumentJson(const std::function<void(JsonWriter*)>& write,
                        bool json_lines, std::ostream& out) {
  {
    JsonStream stream(&out, json_lines ? -1 : 1);
    write(&stream);
  }
  out << "\n";
}

ProcessLimits ApplyProcessLimits(const ParsedArgs& args) {
  ProcessLimits limits;
  limits.timeout_sec = args.GetInt(kTimeoutOption.name);
  limits.max_memory_mb = args.GetInt(kMaxMemoryOption.name);
  ApplyMemoryLimit(limits.max_memory_mb);
  return limits;
}

Status WithinLimits(const std::string& source, const ProcessLimits& limits,
                    const std::function<Status()>& fn) {
  ScopedDeadline deadline(
      limits.timeout_sec,
      "budgetdoc: " + source + ": timeout: no result after " +
          std::to_string(limits.timeout_sec) + " s (--timeout)");
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return Status::ResourceExhausted(source + ": out of memory (limit " +
                                     std::to_string(limits.max_memory_mb) +
                                     " MiB, --max-memory)");
  }
}

PipelineOptions CliPipelineOptions() {
  PipelineOptions options;
  options.extract.pdf_page_budget_ms = kDefaultPdfPageBudgetMs;
  return options;
}

}  // namespace budgetdoc
