// Rendering PDF pages to grayscale bitmaps: whole pages for recognition
// (OCR, RenderPdfPage) and regions for the page images of the HTML report
// (PdfRenderer, output/html_report.h). Implemented in pdf_reader.cc, the
// only Poppler user. PdfRenderer's coordinates are points on the page as
// displayed (after /Rotate), origin top-left: the frame of
// Provenance::bbox. Renders share the PDF reader's lock (Poppler reports
// problems through one process-global callback; they are dropped here).
// Tested by tests/extract/pdf_render_test.cc and tests/extract/ocr_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_RENDER_H_
#define BUDGETDOC_EXTRACT_PDF_RENDER_H_

#include "base/provenance.h"
#include "base/result.h"
#include "extract/pdf_rulings.h"

#include <memory>
#include <string_view>
#include <vector>

namespace budgetdoc {

// An owned 8-bit grayscale bitmap (0 = black), rows top to bottom, `width`
// bytes each.
struct PageBitmap {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  double pixels_per_point = 1;  // the resolution it was rendered at / 72
  GrayImage view() const {
    return GrayImage{pixels.data(), width, height, width, pixels_per_point};
  }
};

// A whole page rendered with antialiasing for OCR. The resolution is `dpi`,
// lowered when the bitmap would exceed `max_pixels` (a hostile page can
// claim to be metres wide).
struct RenderOptions {
  int dpi = 300;
  long long max_pixels = 50'000'000;
};

// Renders page `page` (1-based) of the PDF in `bytes`.
Result<PageBitmap> RenderPdfPage(std::string_view bytes, int page,
                                 const RenderOptions& options);

class PdfRenderer {
 public:
  // Opens the PDF in `bytes`, which must outlive the renderer. Fails when
  // Poppler cannot open it or it is encrypted with a user password.
  static Result<std::unique_ptr<PdfRenderer>> Open(std::string_view bytes);
  ~PdfRenderer();
  PdfRenderer(const PdfRenderer&) = delete;
  PdfRenderer& operator=(const PdfRenderer&) = delete;

  int page_count() const;

  // Region `box` of page `page` (1-based) at `dpi` (18..600), antialiased;
  // the box is clamped to the page. The whole page is rendered once and
  // kept until another page (or resolution) is asked for, so callers that
  // ask for the regions of one page in a row render it once. Fails for a
  // page out of range, an empty region, or a page Poppler cannot render.
  // Not thread-safe: use one renderer from one thread.
  Result<PageBitmap> RenderRegion(int page, const BBox& box, double dpi);

 private:
  struct Impl;
  explicit PdfRenderer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_RENDER_H_
