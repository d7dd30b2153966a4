// Tested by tests/extract/pdf_tables_test.cc.
#include "extract/pdf_tables.h"

#include "extract/pdf_table_columns.h"
#include "extract/pdf_table_header.h"
#include "extract/pdf_table_regions.h"
#include "extract/pdf_table_rows.h"
#include "extract/pdf_table_rulings.h"
#include "extract/pdf_table_units.h"

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

using namespace pdf_tables_internal;  // NOLINT(google-build-using-namespace)

bool IsNumericCellText(std::string_view text) {
  // Trim spaces.
  while (!text.empty() && (text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ')) text.remove_suffix(1);
  if (text.empty()) return false;
  bool paren = false;
  if (text.front() == '(' && text.back() == ')') {
    text = text.substr(1, text.size() - 2);
    paren = true;
  }
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    text.remove_prefix(1);
  } else if (StartsWith(text, "−") || StartsWith(text, "－")) {
    text.remove_prefix(3);
  }
  if (!paren && !text.empty() && text.back() == '%') text.remove_suffix(1);
  if (!paren && text.size() >= 3 && text.substr(text.size() - 3) == "％") {
    text.remove_suffix(3);
  }
  if (text.empty()) return false;
  size_t i = 0, digits = 0;
  bool seen_dot = false;
  char prev = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == ',') {
      if (seen_dot || prev < '0' || prev > '9') return false;
      if (i + 1 >= text.size() || text[i + 1] < '0' || text[i + 1] > '9') {
        return false;
      }
    } else if (c == '.') {
      if (seen_dot || prev < '0' || prev > '9') return false;
      if (i + 1 >= text.size() || text[i + 1] < '0' || text[i + 1] > '9') {
        return false;
      }
      seen_dot = true;
    } else {
      return false;
    }
    prev = c;
  }
  return digits > 0;
}

std::vector<PdfTable> FindTables(const std::vector<PdfLine>& lines,
                                 const PdfPageInput& page,
                                 const PdfTableOptions& o) {
  std::vector<PdfTable> tables;
  const int n = static_cast<int>(lines.size());
  if (n == 0) return tables;
  PageLines pl{lines, page, o, {}, {}};
  std::vector<LineInfo>& infos = pl.infos;
  infos.reserve(lines.size());
  for (int i = 0; i < n; ++i) {
    infos.push_back(AnalyzeLine(lines[static_cast<size_t>(i)], i, o));
  }
  std::vector<std::string>& texts = pl.texts;
  texts.resize(lines.size());
  for (int i = 0; i < n; ++i) {
    texts[static_cast<size_t>(i)] = LineText(lines[static_cast<size_t>(i)]);
  }
  std::vector<bool> used(lines.size(), false);
  int i = 0;
  while (i < n) {
    if (!infos[static_cast<size_t>(i)].table_like) {
      ++i;
      continue;
    }
    Region region;
    if (!GrowRegion(pl, i, &region)) {
      i = std::max(i + 1, region.last + 1);  // always forward
      continue;
    }
    region.fs = Median(region.sizes);
    ExtendUp(pl, used, &region);
    AbsorbHeaderTable(pl, &tables, &used, &region);
    CutAtBottomBorder(pl, &region);
    const int first = region.first, last = region.last;
    const double fs = region.fs;
    for (int k = first; k <= last; ++k) used[static_cast<size_t>(k)] = true;

    PdfTable pt;
    pt.page = page.number;
    pt.page_height = page.height;
    pt.first_line = first;
    pt.last_line = last;
    pt.box = BBox{kInf, kInf, -kInf, -kInf};
    for (int k = first; k <= last; ++k) {
      const PdfLine& l = lines[static_cast<size_t>(k)];
      pt.box.x0 = std::min(pt.box.x0, l.x0);
      pt.box.y0 = std::min(pt.box.y0, l.y0);
      pt.box.x1 = std::max(pt.box.x1, l.x1);
      pt.box.y1 = std::max(pt.box.y1, l.y1);
    }
    bool numbers = false;
    int body = FindBodyStart(pl, region, &numbers, &pt.ambiguous_rows);
    std::vector<const Unit*> body_units;
    std::vector<Column> cols =
        FindColumns(pl, first, body, last, pt.box, &body_units);
    if (cols.size() < 2) {
      i = std::max(i + 1, last + 1);  // always forward
      continue;
    }
    Table& t = pt.table;
    t.columns = static_cast<int>(cols.size());
    t.pages.push_back(page.number);
    if (numbers && body > first) {
      std::vector<int> align(cols.size(), kAlignUnknown);
      for (size_t c = 0; c < cols.size(); ++c) {
        align[c] = BodyAlign(body_units, cols[c]);
      }
      BuildHeader(infos, first, body, cols, align, page.number, &t);
    }
    std::vector<PdfRuling> rules = BodyRulings(pl, body, last, fs, cols);
    BuildBody(infos, body, last + 1, cols, page.number, rules,
              &pt.ambiguous_rows, &t);
    if (rules.empty()) pt.wrapped_cells = LooksWrapped(t);
    for (const Column& c : cols) {
      pt.col_left.push_back(c.a);
      pt.col_right.push_back(c.b);
    }
    FindCaption(pl, first, fs, &used, &pt);
    tables.push_back(std::move(pt));
    i = std::max(i + 1, last + 1);  // always forward
  }
  return tables;
}

bool NeedsRulings(const PdfTable& pt) {
  if (pt.wrapped_cells) return true;
  if (!pt.ambiguous_rows) return false;
  // Only where the rows carry amounts: a table of text (performance
  // targets) reads well enough line by line, and rendering is dear.
  const Table& t = pt.table;
  size_t body = 0, numbered = 0;
  for (size_t r = static_cast<size_t>(t.header_rows); r < t.rows.size(); ++r) {
    ++body;
    for (const Cell& c : t.rows[r]) {
      if (c.state() == CellState::kNumber || c.state() == CellState::kZero) {
        ++numbered;
        break;
      }
    }
  }
  return body > 0 && numbered * 2 >= body;
}

}  // namespace budgetdoc
