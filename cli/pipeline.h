// The pipeline stages wired together for one document:
// ReadFile → Extract → RequireReadableText → Normalize → MapToSchema →
// RunChecks. A document without readable text (all pages scanned or
// garbled, an empty or 1-byte file) is an error, not an empty report.
// Tested through tests/cli/cli_test.cc and tests/cli/golden_test.cc.
#ifndef BUDGETDOC_CLI_PIPELINE_H_
#define BUDGETDOC_CLI_PIPELINE_H_

#include "base/result.h"
#include "check/check.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

struct PipelineOptions {
  ExtractOptions extract;
  NormalizeOptions normalize;
  CheckOptions check;
  // False: stop after the schema stage (extract does not need the checks).
  bool run_checks = true;
};

// Extracts and normalizes bytes already read; errors name
// options.extract.source_name.
Result<NormalizedDocument> ExtractBytes(std::string_view bytes,
                                        const PipelineOptions& options);
// Reads, extracts and normalizes one file. Errors name the file.
Result<NormalizedDocument> ExtractFile(const std::string& path,
                                       const PipelineOptions& options);

// Everything budgetdoc knows about one report.
struct Analysis {
  NormalizedDocument nd;
  Extraction ex;
  CheckReport report;
};

// The whole pipeline on bytes already read (the batch workers use this).
Result<Analysis> AnalyzeBytes(std::string_view bytes,
                              const PipelineOptions& options);
Result<Analysis> AnalyzeFile(const std::string& path,
                             const PipelineOptions& options);

// One file of a report in several files: its name and its bytes.
struct NamedBytes {
  std::string name;
  std::string_view bytes;
};

// The whole pipeline on several files read as one report
// (schema/bundle.h): each extracted and normalized alone, merged in order,
// mapped and checked as one document. Every fact, finding and evidence item
// that lies in one file names it (Provenance::source) with that file's page;
// evidence locations start with the file's base name. A file that cannot
// be read fails the whole report, naming the file.
Result<Analysis> AnalyzeBundleBytes(const std::vector<NamedBytes>& files,
                                    const PipelineOptions& options);
Result<Analysis> AnalyzeFiles(const std::vector<std::string>& paths,
                              const PipelineOptions& options);

// A status code as an identifier for output (error_kind): "corrupt",
// "limit_exceeded", "io_error", ...
std::string ErrorKindName(StatusCode code);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_PIPELINE_H_
