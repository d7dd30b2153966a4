// `budgetdoc extract`: reports → the common schema as JSON, or the dumps of
// every stage as text. Tested by tests/cli/cli_test.cc.
#include "base/utf8.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "output/schema_json.h"
#include "schema/claims.h"
#include "schema/mapper.h"

namespace budgetdoc {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "format",
     .value = "FORMAT",
     .choices = "json|text",
     .default_value = "json",
     .help = "json: metadata, facts in the common schema, tables, the "
             "document and its sections; text: human-readable dumps of "
             "every stage"},
    kTimeoutOption,
    kMaxMemoryOption,
};

int Run(const ParsedArgs& args, const CliEnv& env) {
  if (Status s = CheckStdinOnce(args); !s.ok()) {
    return UsageError(kExtractCommand, env, s.message());
  }
  bool text = args.Get("format") == "text";
  bool several = args.operands().size() > 1;
  ProcessLimits limits = ApplyProcessLimits(args);
  bool failed = ForEachDocument(
      args, env, several && !text,
      [&](const std::string& source, std::string_view bytes) -> Status {
        return WithinLimits(source, limits, [&]() -> Status {
          PipelineOptions options = CliPipelineOptions();
          options.extract.source_name = source;
          if (text) {
            // The stage dumps and the claims need no checks. Document text
            // goes to a terminal: no control sequences.
            BUDGETDOC_ASSIGN_OR_RETURN(NormalizedDocument nd,
                                       ExtractBytes(bytes, options));
            if (several) {
              *env.out << "==> " << EscapeControlChars(source) << " <==\n";
            }
            Extraction ex = MapToSchema(nd);
            *env.out << EscapeControlChars(DebugString(nd.doc))
                     << EscapeControlChars(DebugString(nd)) << "claims:\n"
                     << EscapeControlChars(ClaimsDebugString(ex.claims, nd));
            return Status::Ok();
          }
          options.run_checks = false;
          BUDGETDOC_ASSIGN_OR_RETURN(Analysis a, AnalyzeBytes(bytes, options));
          StreamDocumentJson(
              [&](JsonWriter* w) { WriteExtractOutput(a.nd, a.ex, w); },
              several, *env.out);
          return Status::Ok();
        });
      });
  return failed ? 2 : 0;
}

}  // namespace

extern const Command kExtractCommand = {
    .name = "extract",
    .operands = "FILE...",
    .min_operands = 1,
    .max_operands = kManyOperands,
    .summary =
        "read reports into the common schema (JSON) or dump every "
        "stage (text)",
    .description =
        "Reads each FILE (PDF, DOCX, HTML or text; - reads standard input, "
        "named <stdin> in messages and in the output's source) and prints "
        "its metadata, facts in the common schema, tables, document and "
        "sections (docs/output_schema.md).\n\n"
        "With one FILE, --format json prints one indented JSON object. With "
        "several, it prints JSON Lines: one compact object per document, one "
        "per line, in the order given; a FILE that cannot be read gives a "
        "line {\"source\", \"error\", \"error_kind\", \"schema_version\"} "
        "instead, the others are still read, and the exit code is 2.\n\n"
        "A document without readable text (every page scanned or garbled, "
        "an empty file) is an error (exit 2); pages that could not be read "
        "are listed in unreadable_pages.\n\n"
        "  budgetdoc extract report.pdf\n"
        "  budgetdoc extract a.pdf b.docx | jq -c '{source, year: "
        ".report.fiscal_year}'\n"
        "  curl -s URL | budgetdoc extract -",
    .options = kOptions,
    .run = Run,
};

}  // namespace budgetdoc
