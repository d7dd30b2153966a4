#include "cli/pipeline.h"

#include "base/file_io.h"

namespace budgetdoc {

Result<NormalizedDocument> ExtractFile(const std::string& path,
                                       const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  ExtractOptions eo = options.extract;
  if (eo.source_name.empty()) eo.source_name = path;
  BUDGETDOC_ASSIGN_OR_RETURN(Document doc, Extract(bytes, eo));
  return Normalize(std::move(doc), options.normalize);
}

}  // namespace budgetdoc
