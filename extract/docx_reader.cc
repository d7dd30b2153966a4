// Placeholder until the docx reader lands.
#include "extract/readers.h"

namespace budgetdoc {

Result<Document> ReadDocx(std::string_view, const ExtractOptions&) {
  return Status::Unsupported("docx reading is not built yet");
}

}  // namespace budgetdoc
