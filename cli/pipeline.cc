#include "cli/pipeline.h"

#include "base/file_io.h"
#include "schema/mapper.h"

namespace budgetdoc {

Result<NormalizedDocument> ExtractFile(const std::string& path,
                                       const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  ExtractOptions eo = options.extract;
  if (eo.source_name.empty()) eo.source_name = path;
  BUDGETDOC_ASSIGN_OR_RETURN(Document doc, Extract(bytes, eo));
  BUDGETDOC_RETURN_IF_ERROR(RequireReadableText(doc));
  return Normalize(std::move(doc), options.normalize);
}

Result<Analysis> AnalyzeBytes(std::string_view bytes,
                              const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(Document doc, Extract(bytes, options.extract));
  BUDGETDOC_RETURN_IF_ERROR(RequireReadableText(doc));
  Analysis a;
  a.nd = Normalize(std::move(doc), options.normalize);
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

}  // namespace budgetdoc
