// The pipeline stages wired together for one document:
// ReadFile → Extract → Normalize → MapToSchema → RunChecks.
// Tested through tests/cli/cli_test.cc and tests/cli/golden_test.cc.
#ifndef BUDGETDOC_CLI_PIPELINE_H_
#define BUDGETDOC_CLI_PIPELINE_H_

#include "base/result.h"
#include "check/check.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <string>

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

// A status code as an identifier for output (error_kind): "corrupt",
// "limit_exceeded", "io_error", ...
std::string ErrorKindName(StatusCode code);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_PIPELINE_H_
