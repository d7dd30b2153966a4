// One entry point per format. Each takes the whole file as bytes and returns
// a Document or a Status naming what is wrong (the caller adds the file name).
// Internal to extract/: callers use Extract() in extract/extract.h.
#ifndef BUDGETDOC_EXTRACT_READERS_H_
#define BUDGETDOC_EXTRACT_READERS_H_

#include "base/result.h"
#include "extract/document.h"
#include "extract/extract.h"
#include "extract/zip_archive.h"

#include <string_view>

namespace budgetdoc {

// The zip caps of ExtractOptions, for the OOXML readers (DOCX, XLSX).
ZipLimits ZipLimitsOf(const ExtractOptions& opts);

Result<Document> ReadText(std::string_view bytes, const ExtractOptions& opts);
Result<Document> ReadDocx(std::string_view bytes, const ExtractOptions& opts);
Result<Document> ReadHtml(std::string_view bytes, const ExtractOptions& opts);
Result<Document> ReadPdf(std::string_view bytes, const ExtractOptions& opts);
Result<Document> ReadXlsx(std::string_view bytes, const ExtractOptions& opts);
// FreeXL reads the workbook in a forked child (call from a single-threaded
// process): a workbook it crashes on is kCorrupt, as is one whose first
// directory sector names an entry longer than the 64-byte name field
// (refused before FreeXL, which would read past its sector buffer).
Result<Document> ReadXls(std::string_view bytes, const ExtractOptions& opts);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_READERS_H_
