// SheetGrid: one worksheet's non-empty cells and merged ranges, as a
// workbook reader (xlsx_reader.cc, xls_reader.cc) collects them, and the
// one way a sheet becomes part of a Document. Internal to extract/.
// Tested by tests/extract/xlsx_reader_test.cc.
#ifndef BUDGETDOC_EXTRACT_SHEET_GRID_H_
#define BUDGETDOC_EXTRACT_SHEET_GRID_H_

#include "base/status.h"
#include "extract/document.h"

#include <cstddef>
#include <string>
#include <vector>

namespace budgetdoc {

struct SheetCell {
  int row = 0, col = 0;  // 0-based
  std::string text;      // as displayed (number formats applied)
};

struct SheetMerge {
  int row0 = 0, col0 = 0, row1 = 0, col1 = 0;  // inclusive, 0-based
};

struct SheetGrid {
  std::string name;
  std::vector<SheetCell> cells;  // any order; later duplicates win
  std::vector<SheetMerge> merges;
};

// A sheet's grid may hold at most this many cells (rows x columns of the
// used range), so one far-away cell cannot make a huge table.
inline constexpr size_t kMaxGridCells = 4'000'000;

// Appends the sheet to `doc`: leading title rows (every non-empty cell a
// short text: "收入支出决算总表", "单位：万元") become caption blocks, the
// rest of the used range one Table titled with the sheet name (spans from
// the merged ranges, covered cells marked, cell text trimmed) behind a
// kTable block. A sheet without cells adds nothing. ResourceExhausted when
// the used range exceeds kMaxGridCells.
Status AddSheet(const SheetGrid& sheet, Document* doc);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_SHEET_GRID_H_
