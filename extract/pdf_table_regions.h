// Table regions on a PDF page (internal to extract/; the public API is
// extract/pdf_tables.h): runs of table-like lines grown over label-only and
// header lines, extended up over header lines, joined with a header found
// as a table of its own, cut at the table's bottom border; where the body
// starts; and the title and unit lines just above.
// PageLines borrows the page's lines, input and options, which must outlive
// it. Pure functions; thread-compatible.
// Tested through tests/extract/pdf_tables_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_TABLE_REGIONS_H_
#define BUDGETDOC_EXTRACT_PDF_TABLE_REGIONS_H_

#include "extract/pdf_layout.h"
#include "extract/pdf_table_units.h"
#include "extract/pdf_tables.h"

#include <string>
#include <vector>

namespace budgetdoc {
namespace pdf_tables_internal {

// Region thresholds (font sizes are the region's median body size unless
// said otherwise).
// Vertical rulings this many points beyond two lines' extent still count
// for whether the lines share a ruled grid.
constexpr double kGridMarginPoints = 20;
// A one-cell line with prose punctuation at least this share of the
// region's width is prose, not a table line.
constexpr double kProseWidthShare = 0.7;
// A table line further than this many font sizes below the region ends it.
constexpr double kMaxRowGapFontSizes = 15;
// A one-cell line in a font this many times larger than the table's is a
// title, not a header line.
constexpr double kTitleFontRatio = 1.15;
// Title and unit lines are looked for among at most this many lines above
// the region, no further than kMaxCaptionGapFontSizes apart; a title has at
// most kMaxTitleChars characters, a label line above it ("表1")
// kMaxTitleLabelChars.
constexpr int kMaxCaptionLines = 4;
constexpr double kMaxCaptionGapFontSizes = 5;
constexpr size_t kMaxTitleChars = 60;
constexpr size_t kMaxTitleLabelChars = 10;

// One page's lines as table finding sees them: each line analyzed into
// units, and its text.
struct PageLines {
  const std::vector<PdfLine>& lines;
  const PdfPageInput& page;
  const PdfTableOptions& o;
  std::vector<LineInfo> infos;
  std::vector<std::string> texts;

  // Two lines inside one ruled grid belong together however tall its rows
  // are: the vertical rulings at either line mostly run on to the other
  // (the sub-grids of a form share only their outer borders).
  bool SameGrid(int upper, int lower) const {
    const PdfLine& a = lines[static_cast<size_t>(upper)];
    const PdfLine& b = lines[static_cast<size_t>(lower)];
    double lo = std::min(a.x0, b.x0) - kGridMarginPoints,
           hi = std::max(a.x1, b.x1) + kGridMarginPoints;
    int at_a = 0, at_b = 0, both = 0;
    for (const PdfRuling& r : page.rulings) {
      if (!r.vertical()) continue;
      double x = (r.x0 + r.x1) / 2;
      if (x < lo || x > hi) continue;
      bool ca = r.y0 <= a.center() && r.y1 >= a.center();
      bool cb = r.y0 <= b.center() && r.y1 >= b.center();
      at_a += ca;
      at_b += cb;
      both += ca && cb && r.y1 >= b.center() && r.y0 <= a.center();
    }
    return both >= 2 && both * 4 >= 3 * std::max(at_a, at_b);
  }
  // `grid_from`: a line of the table; a later line in the same ruled grid
  // as it is bridged to whatever the gap (rows downwards; header lines
  // upwards are only taken by spacing: a form's key-value lines above a
  // table of amounts are not its header). -1: spacing only.
  bool GapOk(int upper, int lower, double fs, int grid_from = -1) const {
    double gap = lines[static_cast<size_t>(lower)].y0 -
                 lines[static_cast<size_t>(upper)].y1;
    return gap <= o.max_line_gap * std::max(fs, 1.0) ||
           (grid_from >= 0 && SameGrid(grid_from, lower));
  }
  bool SizeOk(int i, double fs, double lo, double hi) const {
    double f = infos[static_cast<size_t>(i)].fs;
    return f >= lo * fs && f <= hi * fs;
  }
  bool ProseLike(int i, double width) const {
    const LineInfo& info = infos[static_cast<size_t>(i)];
    const PdfLine& l = lines[static_cast<size_t>(i)];
    return info.cells <= 1 && l.x1 - l.x0 > kProseWidthShare * width &&
           HasProsePunctuation(texts[static_cast<size_t>(i)]);
  }
};

// A run of table lines grown into a table region.
struct Region {
  int start = 0;              // the table-like line the run started at
  int first = 0, last = 0;    // lines [first, last]
  std::vector<double> sizes;  // font sizes of its table lines
  double x0 = 0, x1 = 0;      // horizontal extent
  int table_lines = 0;
  double fs = 0;  // median font size of its table lines
};

// Grows a run of table lines from the table-like line `start`: table lines,
// and the label-only, wrapped or header lines between them (taken when
// table lines follow, or when they sit inside the table's box). False when
// the run is no table: fewer than min_table_lines lines and not one row of
// several numbers (a "三公" table). `r` holds the run either way.
bool GrowRegion(const PageLines& pl, int start, Region* region);

// Extends the region upwards over header lines: close enough, of a
// table's size, not prose, a unit, issuer or note line, and not a title.
void ExtendUp(const PageLines& pl, const std::vector<bool>& used,
              Region* region);

void AbsorbHeaderTable(const PageLines& pl, std::vector<PdfTable>* tables_io,
                       std::vector<bool>* used_io, Region* region);

void CutAtBottomBorder(const PageLines& pl, Region* region);

// The first body line of the region (its header lines are above it), and
// whether the region has numbers. Sets `ambiguous` when a lone header line
// could be the first line of the first row's label (only rulings tell).
int FindBodyStart(const PageLines& pl, const Region& region, bool* numbers_out,
                  bool* ambiguous);

// Title and unit of the table from the lines just above its region (at
// most four, not used by another table); marks them used.
void FindCaption(const PageLines& pl, int first, double fs,
                 std::vector<bool>* used_io, PdfTable* pt);

}  // namespace pdf_tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_TABLE_REGIONS_H_
