// Body rows of a PDF table (internal to extract/; the public API is
// extract/pdf_tables.h): one row per line; a text-only line that continues
// a label which filled its column, or values printed between the two lines
// of a wrapped label, join the row above (told apart by the table's own
// line spacing); with rulings, rows are the bands between them. Also
// whether a grid shows cells that wrapped inside a ruled grid.
// Pure functions; thread-compatible.
// Tested through tests/extract/pdf_tables_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_TABLE_ROWS_H_
#define BUDGETDOC_EXTRACT_PDF_TABLE_ROWS_H_

#include "extract/document.h"
#include "extract/pdf_layout.h"
#include "extract/pdf_table_units.h"

#include <vector>

namespace budgetdoc {
namespace pdf_tables_internal {

// `rules`: the horizontal rulings over the table body; when there are some,
// rows are the bands between them (a cell's text wrapped over several lines
// stays one row) instead of being inferred from line spacing.
void BuildBody(const std::vector<LineInfo>& infos, int first, int end,
               const std::vector<Column>& cols, int page,
               const std::vector<PdfRuling>& rules, bool* ambiguous,
               Table* table);

// Whether a grid built from word positions alone shows cells that wrapped
// inside a ruled grid, so that the page's ruling lines are worth finding:
//  - numbers cut at a line break ("17,628,90", "21,213,300.", ".00");
//  - rows of number pieces without text, beside rows of labels;
//  - a row of short pieces completing the numbers above it ("00" under
//    "101,200.", "0" under "78,700.0");
//  - values between the lines of their label ("一、财政" / 13,649.07 /
//    "拨款"), twice or more;
//  - text written down a narrow cell one character a line ("人" / "员" /
//    "经"), three rows in a row.
bool LooksWrapped(const Table& t);

}  // namespace pdf_tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_TABLE_ROWS_H_
