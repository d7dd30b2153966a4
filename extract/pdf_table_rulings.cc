#include "extract/pdf_table_rulings.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace pdf_tables_internal {
bool EndsAtBorders(const PdfRuling& h, const std::vector<PdfRuling>& all,
                   const std::vector<Column>& cols) {
  constexpr double kSlack = 2;  // points
  double y = (h.y0 + h.y1) / 2;
  auto at_border = [&](double x) {
    for (const PdfRuling& v : all) {
      if (!v.vertical() || v.y0 > y + kSlack || v.y1 < y - kSlack) continue;
      if (std::fabs((v.x0 + v.x1) / 2 - x) <= kSlack) return true;
    }
    for (const Column& c : cols) {
      if (x > c.a - 0.5 && x < c.b + 0.5) return false;
    }
    return true;
  };
  return at_border(h.x0) && at_border(h.x1);
}

bool RuledBetween(const std::vector<PdfRuling>& rules,
                  const std::vector<double>& above, double center,
                  const RowBuild& line) {
  for (const PdfRuling& r : rules) {
    double y = (r.y0 + r.y1) / 2;
    if (y >= center) continue;
    for (size_t c = 0; c < line.cells.size(); ++c) {
      const CellBuild& cell = line.cells[c];
      if (cell.empty() || y <= above[c]) continue;
      if (std::min(r.x1, cell.x1()) - std::max(r.x0, cell.x0()) > 0)
        return true;
    }
  }
  return false;
}

std::vector<PdfRuling> BodyRulings(const PageLines& pl, int body, int last,
                                   double fs, const std::vector<Column>& cols) {
  const std::vector<PdfLine>& lines = pl.lines;
  const PdfPageInput& page = pl.page;
  std::vector<PdfRuling> rules;
  // The rulings within the body, and the borders right above its first
  // and right below its last line (rows may be much taller than their
  // text). Rulings over part of the width count (merged cells interrupt
  // them), but a ruled grid has at least two across most of it.
  double top = lines[static_cast<size_t>(body)].y0;
  double bottom = lines[static_cast<size_t>(last)].y1;
  double width = cols.back().b - cols.front().a;
  double above = -kInf, below = kInf;
  for (const PdfRuling& r : page.rulings) {
    if (r.vertical()) continue;
    double y = (r.y0 + r.y1) / 2;
    double cover =
        std::min(r.x1, cols.back().b) - std::max(r.x0, cols.front().a);
    if (cover < 0.5 * width) continue;
    if (y <= top + 0.2 * fs) above = std::max(above, y);
    if (y >= bottom - 0.2 * fs) below = std::min(below, y);
  }
  int across = 0;
  for (const PdfRuling& r : page.rulings) {
    if (r.vertical()) continue;
    double y = (r.y0 + r.y1) / 2;
    double cover =
        std::min(r.x1, cols.back().b) - std::max(r.x0, cols.front().a);
    if (y < above || y > below || cover <= 0) continue;
    if (cover >= 0.5 * width) {
      ++across;
    } else if (!EndsAtBorders(r, page.rulings, cols)) {
      continue;  // a run of ink in the text, not a cell border
    }
    rules.push_back(r);
  }
  if (across < 2) rules.clear();  // too few to band rows by
  return rules;
}

}  // namespace pdf_tables_internal
}  // namespace budgetdoc
