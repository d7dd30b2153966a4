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
// A compound file whose first directory sector names an entry longer than
// the 64-byte name field is kCorrupt before FreeXL reads it (FreeXL 1.0.6
// would read past its sector buffer). FreeXL leaks some damaged sheets'
// cells until the process ends (extract/xls_reader.cc).
Result<Document> ReadXls(std::string_view bytes, const ExtractOptions& opts);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_READERS_H_
