// Tables continued across a page break (MergeContinuedTable,
// extract/pdf_tables.h). Tested by tests/extract/pdf_tables_test.cc.
#include "base/utf8.h"
#include "extract/pdf_table_units.h"
#include "extract/pdf_tables.h"

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

namespace {

std::string HeaderKey(const Table& t) {
  std::string key;
  for (int r = 0; r < t.header_rows && r < static_cast<int>(t.rows.size());
       ++r) {
    for (const Cell& c : t.rows[static_cast<size_t>(r)]) {
      for (char ch : c.text) {
        if (ch != ' ') key.push_back(ch);
      }
      key.push_back('|');
    }
  }
  return key;
}

// The first body row of `next` when it holds only the rest of numbers cut
// at the bottom of `prev` ("00" under "21,213,300."): appends each piece to
// its cut number, in column order, and returns true. Columns need not line
// up: the next page's part may be too small to place them.
bool JoinCutRow(const Table& nt, Table* pt) {
  size_t r = static_cast<size_t>(nt.header_rows);
  if (r >= nt.rows.size() || pt->rows.empty()) return false;
  std::vector<const Cell*> pieces;
  for (const Cell& c : nt.rows[r]) {
    if (c.covered || c.text.empty()) continue;
    if (!IsNumberFragment(c.text)) return false;
    pieces.push_back(&c);
  }
  // Cut right before the decimals ("21,213,300" / ".00"): the numbers
  // without decimals are the cut ones.
  bool decimals = true;
  for (const Cell* p : pieces) decimals &= p->text.front() == '.';
  std::vector<Cell*> cut;
  for (Cell& c : pt->rows.back()) {
    if (c.covered || c.text.empty()) continue;
    if (decimals
            ? IsNumberFragment(c.text) && c.text.find('.') == std::string::npos
            : IsCutNumber(c.text)) {
      cut.push_back(&c);
    }
  }
  if (pieces.empty() || pieces.size() != cut.size()) return false;
  for (size_t i = 0; i < cut.size(); ++i) cut[i]->text += pieces[i]->text;
  return true;
}

}  // namespace

bool MergeContinuedTable(const PdfTable& next, PdfTable* prev) {
  const Table& nt = next.table;
  Table& pt = prev->table;
  if (!nt.title.empty() && nt.title != pt.title &&
      nt.title.find("续") == std::string::npos) {
    return false;
  }
  if (nt.columns == 0 || pt.columns == 0) return false;
  // A part holding only the cut row's rest (and a repeated header).
  if (static_cast<size_t>(nt.header_rows) + 1 == nt.rows.size() &&
      JoinCutRow(nt, &pt)) {
    if (pt.pages.empty() || pt.pages.back() != next.page) {
      pt.pages.push_back(next.page);
    }
    return true;
  }
  // Map next columns onto prev columns by overlap, in order; a blank
  // column may be missing on the next page, but the ones present must line
  // up well. A column of the next part with nothing in it at all (a split
  // its few words made) maps to nothing.
  std::vector<int> map(static_cast<size_t>(nt.columns), -1);
  int last = -1;
  for (int c = 0; c < nt.columns; ++c) {
    bool empty = true;
    for (const std::vector<Cell>& row : nt.rows) {
      if (!row[static_cast<size_t>(c)].text.empty()) empty = false;
    }
    double a = next.col_left[static_cast<size_t>(c)],
           b = next.col_right[static_cast<size_t>(c)];
    int best = -1;
    double best_ov = 0;
    for (int d = 0; d < pt.columns; ++d) {
      double pa = prev->col_left[static_cast<size_t>(d)],
             pb = prev->col_right[static_cast<size_t>(d)];
      double ov = std::min(b, pb) - std::max(a, pa);
      if (ov > best_ov && ov >= 0.5 * std::min(b - a, pb - pa)) {
        best_ov = ov;
        best = d;
      }
    }
    if (best < 0 || best <= last) {
      if (empty) continue;
      return false;
    }
    map[static_cast<size_t>(c)] = best;
    last = best;
  }
  if (nt.columns < 2) return false;
  int skip = 0;
  if (nt.header_rows > 0) {
    std::string a, b;
    for (int r = 0; r < nt.header_rows; ++r) {
      for (const Cell& c : nt.rows[static_cast<size_t>(r)]) a += c.text;
    }
    for (int r = 0; r < pt.header_rows; ++r) {
      for (const Cell& c : pt.rows[static_cast<size_t>(r)]) b += c.text;
    }
    // The rest of a label cut at the page break may sit in the repeated
    // header's last line ("国有资本经营预算财政拨" / header / "款").
    const Cell* rest = nullptr;
    size_t rest_col = 0;
    if (a != b && a.size() > b.size() && a.compare(0, b.size(), b) == 0 &&
        CountCodePoints(std::string_view(a).substr(b.size())) <= 4) {
      const std::vector<Cell>& hl =
          nt.rows[static_cast<size_t>(nt.header_rows - 1)];
      int filled = 0;
      for (size_t c = 0; c < hl.size(); ++c) {
        if (hl[c].covered || hl[c].text.empty()) continue;
        ++filled;
        rest = &hl[c];
        rest_col = c;
      }
      if (filled != 1 || rest->text != a.substr(b.size())) rest = nullptr;
    }
    if (HeaderKey(nt) == HeaderKey(pt) || a == b || rest != nullptr) {
      skip = nt.header_rows;  // a repeated header
      if (rest != nullptr && map[rest_col] >= 0 && !pt.rows.empty()) {
        Cell& cut = pt.rows.back()[static_cast<size_t>(map[rest_col])];
        if (!cut.text.empty() && cut.state() == CellState::kText)
          cut.text += rest->text;
      }
    } else {
      // Not the same header: only a table that runs off the bottom of one
      // page and onto the top of the next continues; its "header" lines
      // are body rows then.
      bool prev_at_bottom =
          prev->page_height <= 0 || prev->box.y1 >= 0.7 * prev->page_height;
      bool next_at_top =
          next.page_height <= 0 || next.box.y0 <= 0.3 * next.page_height;
      if (!prev_at_bottom || !next_at_top || !nt.title.empty()) return false;
    }
  }
  for (size_t r = static_cast<size_t>(skip); r < nt.rows.size(); ++r) {
    std::vector<Cell> row(static_cast<size_t>(pt.columns));
    for (Cell& c : row) c.page = next.page;
    for (size_t c = 0; c < nt.rows[r].size(); ++c) {
      Cell cell = nt.rows[r][c];
      size_t target = c;
      if (static_cast<int>(r) < nt.header_rows) {
        // Header structure of a non-repeated header becomes plain cells,
        // each in the column its text overlaps most.
        if (cell.covered) continue;
        if (cell.col_span > 1 && cell.bbox) {
          double best = 0;
          for (size_t d = c; d < c + static_cast<size_t>(cell.col_span) &&
                             d < next.col_left.size();
               ++d) {
            double ov = std::min(cell.bbox->x1, next.col_right[d]) -
                        std::max(cell.bbox->x0, next.col_left[d]);
            if (ov > best) {
              best = ov;
              target = d;
            }
          }
        }
        cell.row_span = cell.col_span = 1;
      }
      if (map[target] < 0) continue;  // an empty column (see above)
      row[static_cast<size_t>(map[target])] = std::move(cell);
    }
    pt.AddRow(std::move(row));
  }
  if (pt.pages.empty() || pt.pages.back() != next.page) {
    pt.pages.push_back(next.page);
  }
  if (pt.unit_text.empty()) pt.unit_text = nt.unit_text;
  return true;
}

}  // namespace budgetdoc
