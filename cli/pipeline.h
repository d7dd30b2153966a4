// The pipeline stages wired together for one document:
// ReadFile → Extract → Normalize. Later stages (schema, checks) extend it.
#ifndef BUDGETDOC_CLI_PIPELINE_H_
#define BUDGETDOC_CLI_PIPELINE_H_

#include "base/result.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

#include <string>

namespace budgetdoc {

struct PipelineOptions {
  ExtractOptions extract;
  NormalizeOptions normalize;
};

// Reads and processes one file. Errors name the file.
Result<NormalizedDocument> ExtractFile(const std::string& path,
                                       const PipelineOptions& options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_PIPELINE_H_
