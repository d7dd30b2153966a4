// Rendering a PDF page to a grayscale bitmap, for recognition (OCR) and for
// tests. Implemented in pdf_reader.cc, the only file that includes Poppler.
// Tested by tests/extract/ocr_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_RENDER_H_
#define BUDGETDOC_EXTRACT_PDF_RENDER_H_

#include "base/result.h"
#include "extract/pdf_rulings.h"

#include <string_view>
#include <vector>

namespace budgetdoc {

// An owned 8-bit grayscale bitmap (0 = black), rows top to bottom, of a page
// as displayed (after /Rotate). Movable value type.
struct RenderedPage {
  std::vector<unsigned char> pixels;
  int width = 0, height = 0;  // stride = width
  double pixels_per_point = 1;
  GrayImage view() const {
    return GrayImage{pixels.data(), width, height, width, pixels_per_point};
  }
};

// A page rendered with antialiasing for OCR. The resolution is `dpi`, lowered
// when the bitmap would exceed `max_pixels` (a hostile page can claim to be
// metres wide).
struct RenderOptions {
  int dpi = 300;
  long long max_pixels = 50'000'000;
};

// Renders page `page` (1-based) of the PDF in `bytes`.
Result<RenderedPage> RenderPdfPage(std::string_view bytes, int page,
                                   const RenderOptions& options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_RENDER_H_
