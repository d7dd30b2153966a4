// Optical character recognition of one page image: the only use of
// Tesseract (and of Leptonica, which it brings) is in ocr.cc. The PDF reader
// renders a page without a usable text layer and hands the bitmap here; the
// words come back in page points, ready for the same layout and table code
// as the words of a text layer (extract/pdf_layout.h).
//
// OcrEngine loads the language data once and then recognizes pages one at a
// time. Not copyable; movable. Not thread-safe: use one engine per thread.
// Tested by tests/extract/ocr_test.cc.
#ifndef BUDGETDOC_EXTRACT_OCR_H_
#define BUDGETDOC_EXTRACT_OCR_H_

#include "base/result.h"
#include "extract/ocr_options.h"
#include "extract/pdf_layout.h"
#include "extract/pdf_rulings.h"

#include <memory>
#include <string>
#include <vector>

namespace budgetdoc {

// A word as recognized, in page points (origin top-left), with Tesseract's
// confidence (0-100) and the box of its text line, so words of one line
// share a baseline band whatever their glyph heights.
struct OcrWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double line_y0 = 0, line_y1 = 0;
  int confidence = 0;
};

struct OcrPage {
  std::vector<OcrWord> words;
  // Table borders found on the deskewed image (pdf_rulings.h), in points:
  // the same frame as the words.
  std::vector<PdfRuling> rulings;
  double skew_degrees = 0;  // the skew removed before recognition
};

class OcrEngine {
 public:
  // Loads the language data. Fails with kUnsupported and a message naming
  // the Debian package to install when the data is missing.
  static Result<OcrEngine> Create(const OcrOptions& options);

  OcrEngine(OcrEngine&&) noexcept;
  OcrEngine& operator=(OcrEngine&&) noexcept;
  ~OcrEngine();

  // Recognizes one page image. The image is deskewed first (a scan turned
  // by up to a few degrees); word boxes and rulings are in the deskewed
  // frame, which differs from the page's by less than the skew. Words that
  // are only table borders ("|", blanks) are dropped. Fails only when the
  // recognizer fails, not when the page has no text (no words then).
  Result<OcrPage> Recognize(const GrayImage& image);

 private:
  struct Impl;
  explicit OcrEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// OCR words as layout words: the box spans the word's x and its line's y,
// the font size is the line height but at least the median line height of
// `words` (one page), the confidence is kept.
std::vector<PdfWord> OcrWordsToPdfWords(const std::vector<OcrWord>& words);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_OCR_H_
