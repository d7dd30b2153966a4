// Text lines of a PDF page with their word boxes (internal to extract/; the
// lines themselves, their text and page-number and numbering tests are
// public in extract/pdf_layout.h and implemented in pdf_lines.cc).
// Pure; thread-safe. Tested through tests/extract/pdf_layout_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_LINES_H_
#define BUDGETDOC_EXTRACT_PDF_LINES_H_

#include "extract/document.h"
#include "extract/pdf_layout.h"

#include <string>
#include <vector>

namespace budgetdoc {
namespace pdf_layout_internal {

// LineText with one box per word; box offsets are into the line's text.
std::string LineTextAndBoxes(const PdfLine& line, std::vector<TextBox>* boxes);

}  // namespace pdf_layout_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_LINES_H_
