// Extract: bytes in, Document out. The format is sniffed from the bytes,
// never from the file name; each format has one reader. Readers take bytes
// (not paths) so tests and fuzzers can call them directly.
// Tested by tests/extract/extract_test.cc.
#ifndef BUDGETDOC_EXTRACT_EXTRACT_H_
#define BUDGETDOC_EXTRACT_EXTRACT_H_

#include "base/result.h"
#include "extract/document.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// The per-page budget the CLI gives the PDF library.
inline constexpr int kDefaultPdfPageBudgetMs = 5000;

struct ExtractOptions {
  // Name recorded in Document::source and used in error messages.
  std::string source_name;
  // Zip containers (DOCX): caps against zip bombs.
  size_t max_zip_entries = 10000;
  size_t max_entry_bytes = size_t{256} << 20;   // one uncompressed part
  size_t max_total_bytes = size_t{1024} << 20;  // all parts read
  double max_compression_ratio = 200.0;         // uncompressed / compressed
  // XML and HTML: maximum element nesting.
  int max_xml_depth = 256;
  // PDF: pages read at most (0 = all).
  int max_pages = 0;
  // PDF: time budget per page in ms (0 = none). Pages are then read in a
  // forked child (extract/pdf_page_budget.h) and a page whose text takes
  // longer is skipped, unreadable, with a finding naming it. The CLI sets
  // kDefaultPdfPageBudgetMs; library callers and fuzzers read in-process.
  int pdf_page_budget_ms = 0;
  // Text: longest line kept whole (longer lines are split, not dropped).
  size_t max_line_bytes = size_t{16} << 20;
};

// What the bytes look like. Legacy .doc/.xls are recognized so they can be
// refused with a clear message.
enum class SniffedFormat {
  kUnknown,
  kText,
  kDocx,
  kHtml,
  kPdf,
  kZipOther,   // a zip that is not a Word document (xlsx, odt, ...)
  kOleLegacy,  // legacy binary Office (.doc/.xls)
  kBinary,     // anything else that is not text
};
std::string_view SniffedFormatName(SniffedFormat f);
SniffedFormat SniffFormat(std::string_view bytes);

// Extracts a document. Errors name the source and what is wrong.
Result<Document> Extract(std::string_view bytes, const ExtractOptions& options);

// OK when the document holds text to read: at least two letters, ideographs
// or digits in blocks or table cells outside unreadable pages. Otherwise an
// error that says why (every page scanned or garbled, nothing but blank
// pages, a file with no text), prefixed with doc.source. Pages flagged
// unreadable (Page::unreadable with its reason) are the interface for OCR:
// run this after any OCR has filled them in.
Status RequireReadableText(const Document& doc);

// Pages flagged unreadable (scanned or garbled), in page order.
std::vector<const Page*> UnreadablePages(const Document& doc);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_EXTRACT_H_
