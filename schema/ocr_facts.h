// Facts read from recognized (OCR) pages: marks each with its source and the
// confidence of the words it rests on, and flags the uncertain ones so that
// the check stage never fails a check on a possibly misread figure.
// Pure. Tested by tests/schema/ocr_facts_test.cc.
#ifndef BUDGETDOC_SCHEMA_OCR_FACTS_H_
#define BUDGETDOC_SCHEMA_OCR_FACTS_H_

#include "extract/document.h"
#include "schema/fact.h"

#include <vector>

namespace budgetdoc {

// A recognized word below this confidence (Tesseract's 0-100) may be
// misread. On the generated set at 300 dpi, misread figures had confidences
// up to the 70s, figures read right mostly 90 and above (scripts/eval
// --ocr); the cut errs towards "not checked".
inline constexpr int kMinOcrConfidence = 85;

// For every fact on a page marked Page::ocr: sets Fact::ocr, the lowest
// confidence of the OCR spans (narrative: Block::ocr over the fact's raw
// span) or of the cell (tables: Cell::ocr_confidence), and low_confidence
// when that is below kMinOcrConfidence or unknown. Facts of other pages are
// left unchanged.
void MarkOcrFacts(const Document& doc, std::vector<Fact>* facts);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_OCR_FACTS_H_
