// Header rows of a PDF table (internal to extract/; the public API is
// extract/pdf_tables.h): header text is grouped into atoms (wrapped text
// joined), each atom spans the columns it covers (extended symmetrically
// while its text stays centred), and rows come from stacking atoms per
// column: a column with fewer stacked atoms gets row spans where its text
// is vertically centred.
// Pure; thread-compatible.
// Tested through tests/extract/pdf_tables_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_TABLE_HEADER_H_
#define BUDGETDOC_EXTRACT_PDF_TABLE_HEADER_H_

#include "extract/document.h"
#include "extract/pdf_table_units.h"

#include <vector>

namespace budgetdoc {
namespace pdf_tables_internal {

// Builds header rows into `table` (rows appended; table->header_rows set).
void BuildHeader(const std::vector<LineInfo>& infos, int first, int end,
                 const std::vector<Column>& cols, const std::vector<int>& align,
                 int page, Table* table);

}  // namespace pdf_tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_TABLE_HEADER_H_
