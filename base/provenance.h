// Provenance: where a value was printed. Every fact, mention and finding
// carries one so each output row can be traced back to the source.
// Offsets are UTF-8 byte offsets into the block text: raw_* into the text as
// extracted, norm_* into the normalized text; a PDF provenance also has the
// box the text was printed in. Plain value type.
#ifndef BUDGETDOC_BASE_PROVENANCE_H_
#define BUDGETDOC_BASE_PROVENANCE_H_

#include "base/shared_text.h"

#include <optional>
#include <string>

namespace budgetdoc {

// A rectangle on a PDF page in points, origin at the top-left corner.
// Geometry only; never used for money.
struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Provenance {
  SharedText source;  // file name as given by the caller (shared)
  int page = 0;       // 1-based; 0 = the format has no pages
  SharedText part;    // container part, e.g. "word/document.xml"; may be empty
  int block = -1;     // index into Document::blocks; -1 = none
  int raw_begin = -1, raw_end = -1;       // byte span in the raw block text
  int norm_begin = -1, norm_end = -1;     // byte span in the normalized text
  int table = -1, row = -1, column = -1;  // table cell, when relevant
  // PDF: where on `page` the value was printed, in points on the page as
  // displayed (and rendered), origin top-left. Filled by LocateOnPage
  // (normalize/normalize.h); nullopt for other formats.
  std::optional<BBox> bbox;

  // Compact form: "p3 b12 [40,52)" or "p3 t2 r4 c1"; stable, used in dumps.
  std::string ToString() const;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_BASE_PROVENANCE_H_
