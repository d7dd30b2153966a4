// Document: the format-neutral result of extraction. Every reader (text,
// DOCX, HTML, PDF) produces one; later stages read it and never see the
// format. Blocks are in reading order. Tables and charts live in their own
// vectors and are referenced from a block of kind kTable / kChart, so the
// block order still says where they stood. Plain value types throughout.
// DebugString() is the canonical dump that golden tests compare.
// Tested by tests/extract/document_test.cc.
#ifndef BUDGETDOC_EXTRACT_DOCUMENT_H_
#define BUDGETDOC_EXTRACT_DOCUMENT_H_

#include "base/finding.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// kDoc: a legacy Word (.doc/.wps) file read through a converter.
enum class Format { kUnknown, kText, kDocx, kHtml, kPdf, kXlsx, kXls, kDoc };
// "text", "docx", "html", "pdf", "xlsx", "xls", "doc"
std::string_view FormatName(Format f);

enum class BlockKind {
  kParagraph,
  kHeading,   // a heading candidate (style or layout said so)
  kListItem,  // an item of a bulleted or numbered list
  kTable,     // Block::table indexes Document::tables
  kChart,     // Block::chart indexes Document::charts
  kCaption,   // a figure/table caption or chart placeholder
};
std::string_view BlockKindName(BlockKind k);

// A piece of a block's text and where it was printed (PDF): bytes
// [begin, end) of Block::text lie in `box` on page `page`. The box is in
// the layout frame of its page, like Block::bbox (see Page::turns).
struct TextBox {
  int begin = 0, end = 0;
  int page = 0;
  BBox box;
};

// A stretch of a block's text recognized by OCR, with its confidence:
// [begin, end) are byte offsets into Block::text.
struct OcrSpan {
  int begin = 0, end = 0;
  int confidence = 0;  // 0-100
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;       // as extracted (raw); empty for table/chart
  int heading_level = 0;  // 1..9 from styles/outline level; 0 = unknown
  std::string style;      // source style id or name, if any
  int page = 0;           // 1-based; 0 = no pages
  // PDF only: the region of the block on `page`, in the layout frame of
  // the page (see Page::turns).
  std::optional<BBox> bbox;
  // PDF only: one box per word (or word piece), in text order, covering
  // the text; a paragraph continued on the next page has boxes there too.
  std::vector<TextBox> boxes;
  int table = -1;            // kind == kTable
  int chart = -1;            // kind == kChart
  std::vector<OcrSpan> ocr;  // per OCR word, in text order; empty otherwise
};

// What a cell holds. Blank is distinct from zero and from a dash.
enum class CellState { kBlank, kZero, kDash, kNumber, kText };
std::string_view CellStateName(CellState s);
// Classifies trimmed cell text: "" -> blank, "0"/"0.00" -> zero,
// "-"/"—"/"－" -> dash, a number -> number, otherwise text.
CellState ClassifyCellText(std::string_view text);

struct Cell {
  std::string text;  // trimmed text as extracted
  int row_span = 1;  // >1 for a merged cell's anchor
  int col_span = 1;
  bool covered = false;  // occupied by another cell's span (text empty)
  int page = 0;
  std::optional<BBox> bbox;
  // OCR: the lowest confidence (0-100) of the words in the cell; -1 = not
  // recognized (a text layer or another format).
  int ocr_confidence = -1;

  CellState state() const { return ClassifyCellText(text); }
};

struct Table {
  std::string title;  // e.g. "公开01表 收入支出决算总表"; may be empty
  std::string unit_text;  // e.g. "单位：万元"; may be empty
  // A full grid: every row has `columns` cells; spans are marked on the
  // anchor cell and the covered cells have covered = true.
  std::vector<std::vector<Cell>> rows;
  int columns = 0;
  int header_rows = 0;     // leading rows that are header, when known
  std::vector<int> pages;  // pages the table spans (PDF)
  int nested_in = -1;      // index of the enclosing table, for nested tables

  // Appends a row padded to `columns` (growing columns if needed).
  void AddRow(std::vector<Cell> row);
};

struct ChartSeries {
  std::string name;
  std::vector<std::string> values;  // cached values as printed ("1889.05")
};

struct Chart {
  std::string title;
  std::string type;  // "bar", "pie", "line", ...
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  int caption_block = -1;  // block index of its caption paragraph, if linked
  std::string part;        // e.g. "word/charts/chart1.xml"
};

struct Page {
  int number = 0;
  double width = 0, height = 0;  // as displayed (after /Rotate), points
  int rotation = 0;
  // PDF: quarter turns from the page as displayed to the layout frame the
  // text was read in (1-3 when the page's text runs vertically, e.g. a
  // table printed sideways). Block, cell and text boxes are in that frame;
  // DisplayedBox() turns them back.
  int turns = 0;
  bool unreadable = false;  // no text layer, or mostly garbage
  std::string reason;       // why unreadable
  // The words were recognized (OCR) because the text layer was missing or
  // unusable (`reason` then says why); confidence is the median word
  // confidence 0-100.
  bool ocr = false;
  int ocr_confidence = -1;
  // PDF: the page has no text at all and renders without ink (checked by
  // rendering); a scanned or garbled page is unreadable instead, never
  // blank. False when not known.
  bool blank = false;
};

struct Document {
  SharedText source;  // file name as given (provenances share it)
  Format format = Format::kUnknown;
  std::map<std::string, std::string> metadata;  // title, author, encoding...
  std::vector<Block> blocks;
  std::vector<Table> tables;
  std::vector<Chart> charts;
  std::vector<Page> pages;        // empty for formats without pages
  std::vector<Finding> findings;  // problems met while extracting

  bool PageUnreadable(int page) const;
  bool PageOcr(int page) const;  // Page::ocr of that page
};

// A box of page `page` in the layout frame, turned back to the page as
// displayed (the frame Provenance::bbox and rendering use).
BBox DisplayedBox(const Document& doc, int page, const BBox& box);

// Where raw bytes [begin, end) of block `block` were printed (PDF): one box
// per line piece (consecutive word pieces on one line merged), in the page
// as displayed. A word only partly inside the span is cut in proportion to
// the widths of its characters (ideographs one em, other characters half).
// Empty when the block has no text boxes or the span none of them.
std::vector<TextBox> LocateText(const Document& doc, int block, int begin,
                                int end);

// Canonical dump: one line per block, tables as rows of cells with their
// states, charts with series. Stable across runs; used by golden tests.
std::string DebugString(const Document& doc);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_DOCUMENT_H_
