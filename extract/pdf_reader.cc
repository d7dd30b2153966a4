// Placeholder until the pdf reader lands.
#include "extract/readers.h"

namespace budgetdoc {

Result<Document> ReadPdf(std::string_view, const ExtractOptions&) {
  return Status::Unsupported("pdf reading is not built yet");
}

}  // namespace budgetdoc
