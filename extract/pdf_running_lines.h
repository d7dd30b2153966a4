// Running headers and footers of a PDF (internal to extract/; the public API
// is extract/pdf_layout.h): each page's lines during layout (PageWork), and
// the removal of lines in the top or bottom band that repeat across pages
// (digits masked) or are page numbers, and of lines a producer repeated,
// clipped, at the top of the next page.
// PageWork points into the caller's page inputs, which must outlive it.
// Pure functions; thread-compatible. Tested through
// tests/extract/pdf_layout_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_RUNNING_LINES_H_
#define BUDGETDOC_EXTRACT_PDF_RUNNING_LINES_H_

#include "extract/pdf_layout.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace pdf_layout_internal {

// ---- Pages during layout --------------------------------------------------

struct PageWork {
  const PdfPageInput* input = nullptr;
  PdfPageInput upright;  // words normalized and upright
  std::vector<PdfLine> lines;
  bool unreadable = false;
  int turns = 0;  // quarter turns from displayed to upright
};

bool InTopBand(const PdfLine& l, const PageWork& p, const PdfLayoutOptions& o);
bool InBottomBand(const PdfLine& l, const PageWork& p,
                  const PdfLayoutOptions& o);

// Text with digit runs replaced by '#' and spaces removed: running headers
// differ only in their page number.
std::string MaskDigits(std::string_view s);

bool IsBareNumber(std::string_view text);

// Removes running headers, footers and page numbers from the bands of each
// page. Returns the number of lines removed.
int RemoveHeadersAndFooters(std::vector<PageWork>* pages,
                            const PdfLayoutOptions& o);

// Some producers (spreadsheet exports) repeat the last lines of a page,
// clipped out of view, at the top of the next page. Drops leading lines of
// a page that repeat one of the last lines of the page before.
int RemoveClippedRepeats(std::vector<PageWork>* pages);

}  // namespace pdf_layout_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_RUNNING_LINES_H_
