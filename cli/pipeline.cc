#include "cli/pipeline.h"

#include "base/file_io.h"
#include "schema/mapper.h"

#include <algorithm>

namespace budgetdoc {

Result<NormalizedDocument> ExtractBytes(std::string_view bytes,
                                        const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(Document doc, Extract(bytes, options.extract));
  return Normalize(std::move(doc), options.normalize);
}

Result<NormalizedDocument> ExtractFile(const std::string& path,
                                       const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  PipelineOptions o = options;
  if (o.extract.source_name.empty()) o.extract.source_name = path;
  return ExtractBytes(bytes, o);
}

Result<Analysis> AnalyzeBytes(std::string_view bytes,
                              const PipelineOptions& options) {
  Analysis a;
  BUDGETDOC_ASSIGN_OR_RETURN(a.nd, ExtractBytes(bytes, options));
  a.ex = MapToSchema(a.nd);
  if (options.run_checks) a.report = RunChecks(a.nd, a.ex, options.check);
  return a;
}

Result<Analysis> AnalyzeFile(const std::string& path,
                             const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  PipelineOptions o = options;
  if (o.extract.source_name.empty()) o.extract.source_name = path;
  return AnalyzeBytes(bytes, o);
}

std::string ErrorKindName(StatusCode code) {
  std::string kind(StatusCodeName(code));
  std::replace(kind.begin(), kind.end(), ' ', '_');
  return kind;
}

}  // namespace budgetdoc
