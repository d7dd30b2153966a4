// Ruling lines (table borders) found in a rendered page, pure: a grayscale
// bitmap in, horizontal and vertical segments in page points out. The PDF
// reader renders a page only when its tables look broken without them
// (see LayOutPdf); the image holds text too, so a segment must be a long,
// thin run of dark pixels that no glyph makes.
// Tested by tests/extract/pdf_rulings_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_RULINGS_H_
#define BUDGETDOC_EXTRACT_PDF_RULINGS_H_

#include "extract/pdf_layout.h"

#include <vector>

namespace budgetdoc {

// A borrowed 8-bit grayscale bitmap (0 = black), rows top to bottom.
struct GrayImage {
  const unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  int stride = 0;               // bytes per row
  double pixels_per_point = 1;  // 72 dpi -> 1
};

struct RulingOptions {
  // A pixel darker than this is ink.
  int dark_below = 128;
  // A segment is at least this long (points) and at most this thick.
  double min_length = 24;
  double max_thickness = 3;
  // A page with more segments than this, or a pixel row (column) with more
  // long runs, is hatching or noise, not a table grid: no rulings.
  size_t max_rulings = 2000;
  size_t max_runs_per_line = 256;
};

// Horizontal and vertical segments, merged across adjacent pixel rows
// (columns) and across gaps of one pixel, in points with the origin at the
// top-left corner of the image. Sorted: horizontal by y then x, then
// vertical by x then y. Empty when the page is too busy (see RulingOptions):
// work and output stay bounded on hostile pages.
std::vector<PdfRuling> FindRulings(const GrayImage& image,
                                   const RulingOptions& options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_RULINGS_H_
