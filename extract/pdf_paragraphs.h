// Prose of a PDF page (internal to extract/; the public API is
// extract/pdf_layout.h): lines outside tables split into reading-order
// groups (sections, then columns), each group joined into paragraphs, and
// what the assembly of blocks needs: page items (a paragraph or a table),
// paragraph text with one box per word, boxes and font size.
// Pure functions; thread-compatible. Tested through
// tests/extract/pdf_layout_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_PARAGRAPHS_H_
#define BUDGETDOC_EXTRACT_PDF_PARAGRAPHS_H_

#include "extract/document.h"
#include "extract/pdf_layout.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace pdf_layout_internal {

// ---- Prose: columns and paragraphs ----------------------------------------

struct Paragraph {
  std::vector<PdfLine> lines;
  double left = 0, right = 0;  // column margins the lines were judged by
};

PdfLine LineOfWords(std::vector<PdfWord> words);

// Splits prose lines into reading-order groups: sections separated by
// lines that cross a column gutter; inside a section, the left column then
// the right column. A line with text on both sides of the gutter is split.
std::vector<std::vector<PdfLine>> ReadingOrderGroups(
    const std::vector<const PdfLine*>& lines, double page_width);

// Width of the unbreakable token a line starts with: a run of Latin
// letters, digits and punctuation ("15.16%"), else one character.
double FirstTokenWidth(const PdfLine& line);

bool EndsSentence(std::string_view text);

// Joins a group of lines (one column, top to bottom) into paragraphs.
std::vector<Paragraph> SplitParagraphs(std::vector<PdfLine> lines);

// ---- Assembly ---------------------------------------------------------------

struct Item {
  enum Kind { kProse, kTable } kind = kProse;
  Paragraph para;  // kProse
  int table = -1;  // kTable: index into the page's tables
  double y0 = 0;
};

// Appends `piece` the way AppendJoined does, and `boxes` (offsets into
// `piece`) shifted to where the piece landed in *out, on `page`.
void AppendWithBoxes(std::string_view piece, std::vector<TextBox> boxes,
                     int page, std::string* out,
                     std::vector<TextBox>* out_boxes);

// The text of a paragraph and the boxes of its words on `page`.
std::string ParagraphText(const Paragraph& p, int page,
                          std::vector<TextBox>* boxes);

BBox LinesBox(const std::vector<PdfLine>& lines);

double ParagraphFontSize(const Paragraph& p);

}  // namespace pdf_layout_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_PARAGRAPHS_H_
