// PDF tables, pure: finds table regions among a page's lines and rebuilds
// each one as a grid (extract/document.h Table) from word positions.
//
//  - Regions: runs of lines with several well separated cells (or numbers),
//    extended up over header lines and down over label-only rows.
//  - Columns: x-intervals covered by the words of the body rows (values are
//    right-aligned, labels left-aligned; both give one interval per
//    column), plus header-only columns; split where only a stray overflowing
//    word bridges two dense columns; a header printed beside a column of
//    right-aligned numbers (or left-aligned codes) without a header of its
//    own belongs to it. Vertical ruling lines, when supplied, split columns
//    further. So a blank cell stays blank in its own column.
//  - Body rows: one per line; a text-only line that continues a label which
//    filled its column ("其他城乡社区管理事务支" / "出"), or values printed
//    between the two lines of a wrapped label, join the row above.
//  - Header rows: header text is grouped into cells (wrapped header text
//    joined), each cell spans the columns it covers (extended symmetrically
//    while its text stays centred), and rows come from stacking cells per
//    column: a column with fewer stacked cells gets row spans where its
//    text is vertically centred.
//  - Title ("公开01表 收入支出决算总表", "表1") and unit ("单位：万元",
//    "金额单位：元") come from the lines just above the region.
// A table continued on the next page is merged by MergeContinuedTable.
// Thread-compatible; plain values.
// Tested by tests/extract/pdf_tables_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_TABLES_H_
#define BUDGETDOC_EXTRACT_PDF_TABLES_H_

#include "extract/document.h"
#include "extract/pdf_layout.h"

#include <vector>

namespace budgetdoc {

// A table found on one page, with what the layout needs to place it.
struct PdfTable {
  Table table;  // grid, spans, header_rows, title, unit_text, pages
  int page = 0;
  double page_height = 0;
  int first_line = 0, last_line = 0;  // region: lines [first, last]
  std::vector<int> caption_lines;     // title / unit lines used (ascending)
  BBox box;                           // region box on `page`
  // Column intervals [left, right] in points, one per grid column.
  std::vector<double> col_left, col_right;
  // Set when rows were told apart by line spacing alone and a text-only line
  // joined to the row above could also be a row of its own (it fills its
  // column as a full label does): the page's ruling lines would decide.
  bool ambiguous_rows = false;
  // Set when cells plainly wrapped inside a ruled grid: numbers cut at a
  // line break, rows of number pieces, values between the lines of their
  // label, text written down a narrow cell one character a line.
  bool wrapped_cells = false;
};

// Whether the page's ruling lines would rebuild this table better than its
// word positions did: its cells plainly wrapped, or its rows could be read
// two ways and they carry amounts.
bool NeedsRulings(const PdfTable& table);

struct PdfTableOptions {
  // A line is table-like when it has at least this many cells (or two cells
  // and a number). Cells are split at gaps of at least cell_gap font sizes.
  int min_cells = 3;
  double cell_gap = 0.9;
  // A region needs at least this many table-like lines.
  int min_table_lines = 2;
  // Lines of a region may be at most this many font sizes apart.
  double max_line_gap = 3.0;
};

// Finds the tables among `lines` (one page, top to bottom, running headers
// already removed). `page` gives the number, size and ruling lines.
std::vector<PdfTable> FindTables(const std::vector<PdfLine>& lines,
                                 const PdfPageInput& page,
                                 const PdfTableOptions& options);

// True when `next` (the first table of a page) continues `prev` (the last
// table of the page before): no title of its own, columns that line up, and
// either no header or the same header. Then appends its body rows to `prev`
// (cells keep their own page and box) and adds its page to Table::pages.
bool MergeContinuedTable(const PdfTable& next, PdfTable* prev);

// Whether `text` is a number as printed in a table cell: "2,946.25",
// "164,978,640", "-3.5", "12.5%", "(1,000.00)".
bool IsNumericCellText(std::string_view text);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_TABLES_H_
