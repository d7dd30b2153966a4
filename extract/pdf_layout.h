// PDF page layout, pure: positioned words in, Document out. The PDF reader
// (pdf_reader.cc, the only Poppler user) converts Poppler's words into the
// plain structs below and hands every page to LayOutPdf(), which
//   1. judges each page's text layer (empty, garbage -> Page::unreadable),
//   2. groups words into lines (one baseline, x order),
//   3. removes running headers, footers and page numbers by position (top or
//      bottom band of the page) and repetition across pages, and drops lines
//      a producer repeated, clipped, at the top of the next page,
//   4. finds tables (pdf_tables.h) and rebuilds their grids,
//   5. orders the rest in reading order (columns, then top to bottom) and
//      joins lines into paragraph blocks with CJK-aware spacing,
//   6. continues paragraphs and tables across page breaks.
// Geometry is in points with the origin at the top-left corner of the page
// as displayed (after /Rotate). Nothing here touches money: numbers stay
// text.
// All functions are pure and thread-compatible; types are plain values.
// Tested by tests/extract/pdf_layout_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_LAYOUT_H_
#define BUDGETDOC_EXTRACT_PDF_LAYOUT_H_

#include "extract/document.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// One word as the PDF's text layer gives it: a run of glyphs without a gap.
// A CJK "word" is often a whole line of a paragraph.
struct PdfWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;      // 0 = unknown (the box height is used)
  bool space_after = false;  // the producer put a space after the word
  // Text direction in quarter turns (0 = left to right, upright).
  int rotation = 0;
  // OCR confidence 0-100 (extract/ocr.h); -1 = from the text layer.
  int confidence = -1;
};

// A ruling line (table border) found on the page, horizontal or vertical.
struct PdfRuling {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool vertical() const { return (y1 - y0) > (x1 - x0); }
};

// Everything the layout needs about one page.
struct PdfPageInput {
  int number = 0;                // 1-based
  double width = 0, height = 0;  // as displayed (after /Rotate)
  int rotation = 0;              // /Rotate in degrees (0, 90, 180, 270)
  std::vector<PdfWord> words;
  // Table borders, when known. The reader leaves this empty: finding
  // rulings needs a rendered page, which costs several times the text
  // extraction (see pdf_reader.cc); LayOutPdf asks for them only where the
  // tables need them. pdf_tables splits columns at vertical rulings and
  // bands body rows between horizontal ones.
  std::vector<PdfRuling> rulings;
  // Set by the reader when the page has no words (or fewer than ten
  // characters) but renders with ink spread over it: a scanned or
  // image-only page. Its few words, if any, are not read.
  bool image_only = false;
  // Set by the reader when the page has no words and renders without ink:
  // an empty page (Page::blank).
  bool blank = false;
  // The words were recognized from the rendered page (extract/ocr.h), not
  // read from its text layer: the page is readable and marked Page::ocr.
  bool ocr = false;
};

// A text line: words sharing a baseline, sorted by x. Built by BuildLines.
struct PdfLine {
  std::vector<PdfWord> words;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // union of the word boxes
  double font_size = 0;                   // dominant word font size
  double center() const { return (y0 + y1) / 2; }
  double height() const { return y1 - y0; }
};

struct PdfLayoutOptions {
  // Header / footer bands as fractions of the page height.
  double top_band = 0.10;
  double bottom_band = 0.10;
  // A line in a band whose digits-masked text repeats on at least this many
  // pages (and on at least a third of the pages) is a running header/footer.
  int min_repeats = 3;
  // A page whose text is at least this share of garbage characters
  // (U+FFFD, private use, "(cid:NN)", controls) or of characters a Chinese
  // report does not hold (letters of other scripts: glyph ids of a font
  // without a Unicode map read as code points) is unreadable.
  double max_garbage_share = 0.3;
  // A document whose readable text is at least this share CJK is Chinese:
  // a page of it with 40 or more characters that are half Latin letters
  // and under 2% CJK is garbled.
  double min_cjk_share = 0.3;
  // Build tables (pdf_tables.h); when false every line is prose.
  bool tables = true;
};

// How usable a page's text layer is.
struct PdfTextQuality {
  int chars = 0;        // code points in all words, spaces excluded
  int garbage = 0;      // U+FFFD, private use, controls, chars of "(cid:NN)"
  int implausible = 0;  // other letters a Chinese report does not hold
  int cjk = 0;          // CJK ideographs
  int latin_letters = 0;
  bool unreadable = false;
  std::string reason;  // why unreadable, e.g. "no text layer"
};
PdfTextQuality AssessPageText(const PdfPageInput& page,
                              const PdfLayoutOptions& options);
// Marks, in a Chinese document (readable text at least min_cjk_share CJK),
// pages of Latin letters without Chinese as garbled.
void MarkLatinGibberish(std::vector<PdfTextQuality>* pages,
                        const PdfLayoutOptions& options);

// Words with implausible boxes (some producers give boxes a quarter or twice
// the font size high) get a box one font size high around their estimated
// glyph centre, so words of different fonts on one baseline line up.
// Empty and whitespace-only words are dropped.
std::vector<PdfWord> NormalizeWords(const std::vector<PdfWord>& words);

// Groups words into lines in top-to-bottom order (ties: left to right). A
// line can span several columns; callers split it by gaps.
std::vector<PdfLine> BuildLines(const std::vector<PdfWord>& words);

// Joins two pieces of text the way a reader would: no space between CJK
// characters, or between CJK and digits or punctuation; one space between
// two Latin words or numbers.
void AppendJoined(std::string_view piece, std::string* out);
// The text of a line (words joined with AppendJoined).
std::string LineText(const PdfLine& line);

// "— 5 —", "─ 14 ─", "-16-", "第3页", "第 3 页 共 20 页", "5", "3/20",
// "Page 3 of 20": text that is only a page number.
bool IsPageNumberText(std::string_view text);

// Text that starts a numbered item or heading: "一、", "（一）", "(1)",
// "1.", "1、", "第一部分", "第二条", "①".
bool StartsWithNumbering(std::string_view text);

// Ruling lines of a page (1-based number) as displayed, found on demand.
using RulingFinder = std::function<std::vector<PdfRuling>(int page)>;

// The whole layout: pages in, Document out (format kPdf, pages, blocks,
// tables, findings about unreadable pages). Pages must be in order; they
// are taken by value so each page's words are freed once laid out (pass
// them with std::move).
// `find_rulings`, when set, is asked for the ruling lines of a page whose
// tables look like wrapped cells of a ruled grid (rows of number fragments)
// and has none in its input; the page's tables are then rebuilt with them,
// rows banded by the horizontal rulings. The count of such pages is
// recorded as metadata "pdf_ruled_pages".
Document LayOutPdf(std::vector<PdfPageInput> pages,
                   const PdfLayoutOptions& options,
                   const RulingFinder& find_rulings = nullptr);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_LAYOUT_H_
