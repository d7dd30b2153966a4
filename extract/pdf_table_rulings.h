// Ruling lines in PDF tables (internal to extract/; the public API is
// extract/pdf_tables.h; rulings are found in extract/pdf_rulings.h): the
// horizontal rulings that band a table's body rows, which partial rulings
// are cell borders, and whether a ruling separates a line from the row
// above.
// Pure functions; thread-compatible.
// Tested through tests/extract/pdf_tables_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_TABLE_RULINGS_H_
#define BUDGETDOC_EXTRACT_PDF_TABLE_RULINGS_H_

#include "extract/pdf_layout.h"
#include "extract/pdf_table_regions.h"
#include "extract/pdf_table_units.h"

#include <vector>

namespace budgetdoc {
namespace pdf_tables_internal {

// Whether a horizontal ruling ends, at both ends, at a cell border: at a
// vertical ruling that crosses it, or outside the text of every column (a
// border stopped by a merged cell, where the table draws no vertical).
// Glyph strokes that happen to line up end inside a column's text.
bool EndsAtBorders(const PdfRuling& h, const std::vector<PdfRuling>& all,
                   const std::vector<Column>& cols);

// Whether a ruling separates a line from the row above, cell by cell: for
// each cell of the line, a ruling over that cell lying between the cell's
// text and the text above it in the same column (`above[c]`: the centre of
// the row's last line with text in column c, or of its first line). Rulings
// of merged-cell tables stop at the merged columns, so only those over the
// line's own cells count.
bool RuledBetween(const std::vector<PdfRuling>& rules,
                  const std::vector<double>& above, double center,
                  const RowBuild& line);

// Horizontal rulings across most of the table, inside its body (lines
// `body` to `last`); none when fewer than two cross most of it.
std::vector<PdfRuling> BodyRulings(const PageLines& pl, int body, int last,
                                   double fs, const std::vector<Column>& cols);

}  // namespace pdf_tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_TABLE_RULINGS_H_
