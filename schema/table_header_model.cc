// The grid, header rows and header paths of a table (TableReader;
// schema/table_reader.h). Tested through tests/schema/tables_test.cc.
#include "base/utf8.h"
#include "schema/narrative.h"
#include "schema/table_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace tables_internal {

void TableReader::BuildOwners(Ctx* c) const {
  c->owner.assign(
      static_cast<size_t>(c->rows),
      std::vector<std::pair<int, int>>(static_cast<size_t>(c->cols)));
  for (int r = 0; r < c->rows; ++r) {
    for (int col = 0; col < c->cols; ++col) {
      c->owner[static_cast<size_t>(r)][static_cast<size_t>(col)] = {r, col};
    }
  }
  for (int r = 0; r < c->rows; ++r) {
    for (int col = 0; col < c->cols; ++col) {
      const Cell* cell = RawCell(*c, r, col);
      if (cell == nullptr || cell->covered) continue;
      int rs = std::max(1, cell->row_span), cs = std::max(1, cell->col_span);
      if (rs == 1 && cs == 1) continue;
      for (int i = r; i < std::min(c->rows, r + rs); ++i) {
        for (int j = col; j < std::min(c->cols, col + cs); ++j) {
          const Cell* covered = RawCell(*c, i, j);
          if ((i != r || j != col) && covered != nullptr && covered->covered) {
            c->owner[static_cast<size_t>(i)][static_cast<size_t>(j)] = {r, col};
          }
        }
      }
    }
  }
}

bool TableReader::LooksLikeBodyRow(const Ctx& c, int r) const {
  // A 栏次/行次 row numbering the columns ("栏次 | 1 | 2 | 3") is header.
  for (int col = 0; col < c.cols; ++col) {
    std::string f = Fold(CellText(c, r, col));
    if (f == "栏次" || f == "行次") return false;
  }
  for (int col = 0; col < c.cols; ++col) {
    const Cell* cell = RawCell(c, r, col);
    if (cell == nullptr || cell->covered) continue;
    CellState s = StateOf(CellText(c, r, col));
    if (IsNumeric(s)) return true;
  }
  return false;
}

void TableReader::FindHeaderRows(Ctx* c) const {
  int h = c->rows;
  for (int r = 0; r < c->rows; ++r) {
    if (LooksLikeBodyRow(*c, r)) {
      h = r;
      break;
    }
  }
  // Label-only body rows before the first number (a blank first item):
  // a row whose first text starts with an ordinal is body.
  for (int r = 0; r < h; ++r) {
    std::string first;
    for (int col = 0; col < c->cols && first.empty(); ++col) {
      first = Fold(CellText(*c, r, col));
    }
    if (!first.empty() && StripOrdinal(first).size() < first.size() &&
        !StartsWith(first, "(")) {
      h = r;
      break;
    }
  }
  if (c->table->header_rows > 0 && c->table->header_rows < h) {
    h = c->table->header_rows;
  }
  c->header_rows = h;
}

void TableReader::BuildPaths(Ctx* c) const {
  c->columns.assign(static_cast<size_t>(c->cols), Column{});
  InferHeaderSpans(c);
  for (int col = 0; col < c->cols; ++col) {
    Column& k = c->columns[static_cast<size_t>(col)];
    std::pair<int, int> last{-1, -1};
    for (int r = 0; r < c->header_rows; ++r) {
      std::pair<int, int> o =
          c->owner[static_cast<size_t>(r)][static_cast<size_t>(col)];
      if (o == last) continue;
      last = o;
      const std::string& text = CellText(*c, o.first, o.second);
      if (text.empty()) continue;
      std::string f = Fold(text);
      if (f.empty() || (!k.path.empty() && k.path.back() == f)) continue;
      const Cell* anchor = RawCell(*c, o.first, o.second);
      k.wide.push_back(c->cols > 2 && anchor != nullptr &&
                       anchor->col_span >= c->cols);
      k.path.push_back(f);
      k.header += (k.header.empty() ? "" : "/") + text;
    }
  }
}

void TableReader::InferHeaderSpans(Ctx* c) const {
  for (int r = 0; r < c->header_rows; ++r) {
    for (int col = 0; col < c->cols; ++col) {
      const Cell* cell = RawCell(*c, r, col);
      if (cell == nullptr || cell->covered || cell->row_span > 1 ||
          cell->col_span > 1) {
        return;  // the reader gave spans: trust them
      }
    }
  }
  auto usable = [&](int r, int col) {
    const std::string& t = CellText(*c, r, col);
    return !t.empty() && !Contains(Fold(t), ":");
  };
  for (int r = 0; r < c->header_rows; ++r) {
    for (int col = 1; col < c->cols; ++col) {
      if (!CellText(*c, r, col).empty()) continue;
      bool above = false;
      for (int a = 0; a < r && !above; ++a) above = usable(a, col);
      if (above) continue;
      // Only a group over columns that have their own header below.
      bool below = false;
      for (int b = r + 1; b < c->header_rows && !below; ++b)
        below = usable(b, col);
      if (!below) continue;
      for (int left = col - 1; left >= 0; --left) {
        if (usable(r, left)) {
          c->owner[static_cast<size_t>(r)][static_cast<size_t>(col)] = {r,
                                                                        left};
          break;
        }
        if (!CellText(*c, r, left).empty()) break;
      }
    }
  }
}

}  // namespace tables_internal
}  // namespace budgetdoc
