// A time budget per PDF page. Poppler cannot be interrupted, and a page
// whose content stream draws megabytes of overlapping text keeps its text
// extraction busy for minutes (its cost grows with the square of the
// glyphs). ReadPagesWithBudget therefore reads pages in a forked child that
// sends each page back through a pipe as soon as it is read; when a page
// takes longer than the budget, the child is killed, the page is reported
// as timed out, and a new child (a copy of this process, the loaded
// document included) goes on with the next page. One child serves all pages
// as long as none stalls, so the cost is one fork plus copying the words.
//
// Poppler-free: the caller's `read` does the reading. Call it from a
// single-threaded process (fork); the child never returns from this call.
// Tested by tests/extract/pdf_page_budget_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_PAGE_BUDGET_H_
#define BUDGETDOC_EXTRACT_PDF_PAGE_BUDGET_H_

#include "extract/pdf_layout.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace budgetdoc {

// Messages the PDF library reported while reading one page.
struct PageMessages {
  size_t count = 0;
  std::vector<std::string> first;  // the first few
};

enum class PageOutcome {
  kRead,      // input holds the page
  kMissing,   // `read` said the page cannot be loaded
  kTimedOut,  // over the budget: the child was killed
  kFailed,    // the child died reading it (crash, out of memory)
};

struct BudgetedPage {
  PageOutcome outcome = PageOutcome::kRead;
  PdfPageInput input;  // number set for every outcome; words when kRead
  PageMessages messages;
};

// Reads pages 0..count-1 with `read(index, &page, &messages)` (false: the
// page cannot be loaded). budget_ms <= 0 reads in this process without a
// budget. The result has one entry per page, in order.
using PageReadFn =
    std::function<bool(int index, PdfPageInput* page, PageMessages* messages)>;
std::vector<BudgetedPage> ReadPagesWithBudget(int count, int budget_ms,
                                              const PageReadFn& read);

// The wire format between child and parent (exposed for tests): a page
// with its messages as bytes, and back. Decode returns false on malformed
// bytes.
std::string EncodeBudgetedPage(const BudgetedPage& page);
bool DecodeBudgetedPage(std::string_view bytes, BudgetedPage* page);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_PAGE_BUDGET_H_
