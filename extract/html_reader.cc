// Placeholder until the html reader lands.
#include "extract/readers.h"

namespace budgetdoc {

Result<Document> ReadHtml(std::string_view, const ExtractOptions&) {
  return Status::Unsupported("html reading is not built yet");
}

}  // namespace budgetdoc
