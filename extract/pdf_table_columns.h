// Columns of a PDF table (internal to extract/; the public API is
// extract/pdf_tables.h): x-intervals covered by the body's units, split
// where a stray overflowing unit bridges two dense columns, plus
// header-only columns; a header printed beside a column of right-aligned
// numbers (or left-aligned codes) without a header of its own belongs to
// it; vertical rulings split columns further. Also where a unit or a header
// atom falls among the columns, and a column's body alignment.
// Pure functions; thread-compatible.
// Tested through tests/extract/pdf_tables_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_TABLE_COLUMNS_H_
#define BUDGETDOC_EXTRACT_PDF_TABLE_COLUMNS_H_

#include "extract/pdf_table_regions.h"
#include "extract/pdf_table_units.h"

#include <utility>
#include <vector>

namespace budgetdoc {
namespace pdf_tables_internal {

// Intervals covered by units, merged where they touch or overlap.
std::vector<Column> Project(const std::vector<const Unit*>& units);

// Splits a column where a few overflowing units bridge two dense groups, at
// least one of them numbers (a long label running into an empty value cell).
void SplitBridged(const std::vector<const Unit*>& units,
                  std::vector<Column>* cols);

// How the body text of a column is aligned: from geometry when the left or
// right edges agree, else numbers count as right-aligned and text as
// left-aligned.
int BodyAlign(const std::vector<const Unit*>& units, const Column& col);

// Index of the column a unit belongs to: largest overlap; numbers by their
// right edge and text by its left edge when they span several columns.
int ColumnOf(const Unit& u, const std::vector<Column>& cols);

// Columns a header atom covers by overlap (first, last); (-1,-1) if none.
std::pair<int, int> Covered(double x0, double x1,
                            const std::vector<Column>& cols);

// The region's columns: x-intervals covered by the body units (split where
// a stray unit bridges two dense groups), then header-only columns, widened,
// then split at vertical rulings. `body_units` and `header_units`: the
// units of lines from `body` on and of the lines above.
std::vector<Column> FindColumns(const PageLines& pl, int first, int body,
                                int last, const BBox& box,
                                std::vector<const Unit*>* body_units_out);

}  // namespace pdf_tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_TABLE_COLUMNS_H_
