// Confidence bookkeeping for recognized (OCR) words as the PDF layout turns
// them into blocks and cells: which byte spans of a block's text came from
// which word, and how sure the recognizer was of a cell. Pure functions over
// the plain layout types; words from a text layer (confidence -1) are
// ignored, so text PDFs get no spans and no cell confidence.
// Tested by tests/extract/ocr_spans_test.cc.
#ifndef BUDGETDOC_EXTRACT_OCR_SPANS_H_
#define BUDGETDOC_EXTRACT_OCR_SPANS_H_

#include "extract/document.h"
#include "extract/pdf_layout.h"

#include <string_view>
#include <vector>

namespace budgetdoc {

// True when any word of the lines was recognized.
bool HasOcrWords(const std::vector<PdfLine>& lines);

// Appends one span per recognized word of `lines` to *spans. `text` is the
// text built from exactly these lines, in order (LineText / AppendJoined:
// word texts in order, at most a space between them); it starts at byte
// `offset` of the block. A word not found in order ends the walk.
void AppendOcrSpans(const std::vector<PdfLine>& lines, std::string_view text,
                    int offset, std::vector<OcrSpan>* spans);

// The median confidence of the recognized words; -1 when there are none.
int MedianOcrConfidence(const std::vector<PdfWord>& words);

// Sets Cell::ocr_confidence of the cells of `table` printed on page `page`:
// the lowest confidence of the recognized words whose centre lies in the
// cell's box. Cells without a box or on other pages are left alone.
void SetCellOcrConfidence(const std::vector<PdfLine>& lines, int page,
                          Table* table);

// The lowest confidence of the spans overlapping [begin, end); -1 when none
// does.
int MinOcrConfidence(const std::vector<OcrSpan>& spans, int begin, int end);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_OCR_SPANS_H_
