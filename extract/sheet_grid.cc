// Tested by tests/extract/xlsx_reader_test.cc.
#include "extract/sheet_grid.h"

#include "base/utf8.h"

#include <algorithm>
#include <map>
#include <utility>

namespace budgetdoc {
namespace {

std::string Trim(std::string s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (!s.empty() && space(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}

// A title or unit line above the grid: one short text ("收入决算表"), or
// two where one names a unit ("编制单位：…", "金额单位：元"). Two texts
// otherwise are a header row ("收入 | 支出").
bool IsTitleRow(const std::vector<const SheetCell*>& cells) {
  if (cells.empty() || cells.size() > 2) return false;
  bool unit = false;
  for (const SheetCell* c : cells) {
    CellState s = ClassifyCellText(c->text);
    if (s != CellState::kText || CountCodePoints(c->text) > 60) return false;
    unit |= c->text.find("单位") != std::string::npos;
  }
  return cells.size() == 1 || unit;
}

}  // namespace

Status AddSheet(const SheetGrid& sheet, Document* doc) {
  std::map<std::pair<int, int>, std::string> cells;
  for (const SheetCell& c : sheet.cells) {
    std::string text = Trim(c.text);
    if (text.empty()) continue;
    cells[{c.row, c.col}] = std::move(text);
  }
  if (cells.empty()) return Status::Ok();
  // Rows in order, with their cells.
  std::map<int, std::vector<const SheetCell*>> by_row;
  std::vector<SheetCell> kept;
  kept.reserve(cells.size());
  for (auto& [pos, text] : cells) {
    kept.push_back(SheetCell{pos.first, pos.second, text});
  }
  for (const SheetCell& c : kept) by_row[c.row].push_back(&c);
  // Leading title rows become captions, while more rows follow; a unit
  // line ("单位：万元") is also the table's unit text.
  std::string unit_text;
  int first_row = by_row.begin()->first;
  for (auto it = by_row.begin();
       it != by_row.end() && std::next(it) != by_row.end() &&
       IsTitleRow(it->second);
       ++it) {
    for (const SheetCell* c : it->second) {
      Block b;
      b.kind = BlockKind::kCaption;
      b.text = c->text;
      if (c->text.find("单位") != std::string::npos &&
          c->text.find("编制单位") == std::string::npos) {
        unit_text = c->text;
      }
      doc->blocks.push_back(std::move(b));
    }
    first_row = std::next(it)->first;
  }
  int last_row = by_row.rbegin()->first;
  int first_col = 1 << 30, last_col = -1;
  for (const SheetCell& c : kept) {
    if (c.row < first_row) continue;
    first_col = std::min(first_col, c.col);
    last_col = std::max(last_col, c.col);
  }
  size_t rows = static_cast<size_t>(last_row - first_row + 1);
  size_t cols = static_cast<size_t>(last_col - first_col + 1);
  if (rows * cols > kMaxGridCells) {
    return Status::ResourceExhausted(
        "sheet '" + sheet.name + "': used range of " + std::to_string(rows) +
        " x " + std::to_string(cols) + " cells exceeds " +
        std::to_string(kMaxGridCells));
  }
  Table table;
  table.title = sheet.name;
  table.unit_text = unit_text;
  table.columns = static_cast<int>(cols);
  table.rows.assign(rows, std::vector<Cell>(cols));
  for (const SheetCell& c : kept) {
    if (c.row < first_row) continue;
    table
        .rows[static_cast<size_t>(c.row - first_row)]
             [static_cast<size_t>(c.col - first_col)]
        .text = c.text;
  }
  for (const SheetMerge& m : sheet.merges) {
    int r0 = std::max(m.row0, first_row) - first_row;
    int c0 = std::max(m.col0, first_col) - first_col;
    int r1 = std::min(m.row1, last_row) - first_row;
    int c1 = std::min(m.col1, last_col) - first_col;
    if (r0 > r1 || c0 > c1 || m.row0 < first_row) continue;
    Cell& anchor = table.rows[static_cast<size_t>(r0)][static_cast<size_t>(c0)];
    if (anchor.covered) continue;
    anchor.row_span = r1 - r0 + 1;
    anchor.col_span = c1 - c0 + 1;
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) {
        if (r == r0 && c == c0) continue;
        Cell& covered =
            table.rows[static_cast<size_t>(r)][static_cast<size_t>(c)];
        covered.covered = true;
        covered.text.clear();
      }
    }
  }
  Block b;
  b.kind = BlockKind::kTable;
  b.table = static_cast<int>(doc->tables.size());
  doc->blocks.push_back(std::move(b));
  doc->tables.push_back(std::move(table));
  return Status::Ok();
}

}  // namespace budgetdoc
