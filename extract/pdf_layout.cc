// Tested by tests/extract/pdf_layout_test.cc.
#include "extract/pdf_layout.h"

#include "base/utf8.h"
#include "extract/ocr_spans.h"
#include "extract/pdf_chars.h"
#include "extract/pdf_lines.h"
#include "extract/pdf_paragraphs.h"
#include "extract/pdf_running_lines.h"
#include "extract/pdf_tables.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <utility>

namespace budgetdoc {

using namespace pdf_layout_internal;  // NOLINT(google-build-using-namespace)

namespace {

// Layout thresholds (font sizes are the line's or paragraph's own).
// A prose size at least this many times the body size is a heading size.
constexpr double kHeadingSizeRatio = 1.2;
// A paragraph of at most this many lines at a heading size is a heading.
constexpr size_t kMaxHeadingLines = 2;
// A heading takes the level of a heading size within this many points.
constexpr double kHeadingSizeTolerance = 0.6;
// A paragraph continues on the next page when the last line of the page
// before ends within the width of the next line's first token plus this
// many font sizes of its right edge, the next line is not indented by more
// than kIndentFontSizes, and the sizes differ by at most kSameSizeShare.
constexpr double kFullLineSlackFontSizes = 3.0;
constexpr double kIndentFontSizes = 0.9;
constexpr double kSameSizeShare = 0.15;

// ---- Geometry helpers ---------------------------------------------------

// Turns a box (x0, y0, x1, y1) of a page as displayed, `w` by `h` points,
// by `turns` quarter turns back so that vertical text reads left to right.
template <typename Box>
void TurnUpright(Box* b, int turns, double w, double h) {
  const double x0 = b->x0, y0 = b->y0, x1 = b->x1, y1 = b->y1;
  switch (turns) {
    case 1:  // top to bottom: rotate the page a quarter turn back
      b->x0 = y0;
      b->x1 = y1;
      b->y0 = w - x1;
      b->y1 = w - x0;
      break;
    case 2:  // upside down
      b->x0 = w - x1;
      b->x1 = w - x0;
      b->y0 = h - y1;
      b->y1 = h - y0;
      break;
    case 3:  // bottom to top
      b->x0 = h - y1;
      b->x1 = h - y0;
      b->y0 = x0;
      b->y1 = x1;
      break;
  }
}

// Rotates the words of a page whose text mostly runs vertically (content
// drawn rotated on the page) so that the text reads left to right; swaps
// *width and *height accordingly and sets *turns (0 when nothing turned).
std::vector<PdfWord> UprightWords(const std::vector<PdfWord>& words,
                                  double* width, double* height, int* turns) {
  *turns = 0;
  size_t counts[4] = {0, 0, 0, 0};
  for (const PdfWord& w : words) {
    counts[static_cast<size_t>(((w.rotation % 4) + 4) % 4)] += w.text.size();
  }
  size_t best = 0;
  for (size_t r = 1; r < 4; ++r) {
    if (counts[r] > counts[best]) best = r;
  }
  if (best == 0 ||
      counts[best] * 2 <= counts[0] + counts[1] + counts[2] + counts[3]) {
    return words;
  }
  *turns = static_cast<int>(best);
  std::vector<PdfWord> out = words;
  for (PdfWord& word : out) {
    TurnUpright(&word, *turns, *width, *height);
    word.rotation = ((word.rotation - *turns) % 4 + 4) % 4;
  }
  if (best != 2) std::swap(*width, *height);
  return out;
}

// A ruling of the page as displayed, turned like the words by UprightWords
// (`w`, `h`: the displayed page size).
PdfRuling UprightRuling(PdfRuling r, int turns, double w, double h) {
  TurnUpright(&r, turns, w, h);
  return r;
}

// Order: by position, keeping the column order of prose items (stable
// sort on the y of each item's section start would break columns, so
// tables are placed before the first prose item that starts below them).
void OrderItems(std::vector<Item>* items) {
  std::vector<Item> ordered;
  std::vector<Item> prose, tables;
  for (Item& it : *items) {
    (it.kind == Item::kTable ? tables : prose).push_back(std::move(it));
  }
  std::stable_sort(tables.begin(), tables.end(),
                   [](const Item& a, const Item& b) { return a.y0 < b.y0; });
  size_t ti = 0;
  for (Item& it : prose) {
    while (ti < tables.size() && tables[ti].y0 <= it.y0) {
      ordered.push_back(std::move(tables[ti++]));
    }
    ordered.push_back(std::move(it));
  }
  while (ti < tables.size()) ordered.push_back(std::move(tables[ti++]));
  *items = std::move(ordered);
}

// The layout's view of a page: a Page for the Document (number, size,
// OCR, or unreadable with a finding added to `doc`) and, for a readable
// page, its words upright and grouped into lines in `work`. The input words
// are freed (the lines hold copies). Returns whether the page is unreadable.
bool PreparePage(PdfPageInput* input, PdfTextQuality q, PageWork* work,
                 Document* doc) {
  const PdfPageInput& in = *input;
  PageWork& p = *work;
  p.input = &in;
  Page page;
  page.number = in.number;
  page.width = in.width;
  page.height = in.height;
  page.rotation = in.rotation;
  page.ocr = in.ocr;
  if (in.ocr) page.ocr_confidence = MedianOcrConfidence(in.words);
  // Recognized text: OCR has read the page; its confidence guards the
  // checks (check/context.cc), not the gate.
  if (in.ocr) q.unreadable = false;
  page.blank = in.blank && !in.ocr && !q.unreadable;
  if (q.unreadable) {
    page.unreadable = true;
    page.reason = q.reason;
    p.unreadable = true;
    Provenance where;
    where.page = in.number;
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.pdf.unreadable_page";
    f.message = "page " + std::to_string(in.number) +
                ": unreadable: " + q.reason + "; its text is not extracted";
    f.where.push_back(where);
    doc->findings.push_back(std::move(f));
  } else {
    p.upright.number = in.number;
    p.upright.rotation = in.rotation;
    p.upright.ocr = in.ocr;
    double w = in.width, h = in.height;
    p.upright.words = NormalizeWords(UprightWords(in.words, &w, &h, &p.turns));
    for (const PdfRuling& r : in.rulings) {
      p.upright.rulings.push_back(
          UprightRuling(r, p.turns, in.width, in.height));
    }
    p.upright.width = w;
    p.upright.height = h;
    page.turns = p.turns;
    p.lines = BuildLines(p.upright.words);
    p.upright.words.clear();  // the lines hold copies
    // Nor are the input words needed again: memory then holds each
    // page's lines once, not its words twice.
    input->words = std::vector<PdfWord>();
  }
  doc->pages.push_back(std::move(page));
  return q.unreadable;
}

// What one page holds, in reading order.
struct PageItems {
  std::vector<PdfTable> tables;
  std::vector<Item> items;
};

// Tables (rebuilt with the page's rulings when they need them; counted in
// `rendered_pages`) and prose paragraphs of one readable page, in reading
// order.
void LayOutPage(const PdfLayoutOptions& options,
                const RulingFinder& find_rulings,
                const PdfTableOptions& table_options, PageWork* work,
                PageItems* items, int* rendered_pages) {
  PageWork& p = *work;
  PageItems& out = *items;
  if (options.tables) {
    out.tables = FindTables(p.lines, p.upright, table_options);
    if (find_rulings && p.upright.rulings.empty() &&
        std::any_of(out.tables.begin(), out.tables.end(), NeedsRulings)) {
      for (const PdfRuling& r : find_rulings(p.input->number)) {
        p.upright.rulings.push_back(
            UprightRuling(r, p.turns, p.input->width, p.input->height));
      }
      ++*rendered_pages;
      if (!p.upright.rulings.empty())
        out.tables = FindTables(p.lines, p.upright, table_options);
    }
  }
  std::vector<bool> used(p.lines.size(), false);
  for (size_t t = 0; t < out.tables.size(); ++t) {
    const PdfTable& tb = out.tables[t];
    for (int i = tb.first_line; i <= tb.last_line; ++i) {
      used[static_cast<size_t>(i)] = true;
    }
    for (int i : tb.caption_lines) used[static_cast<size_t>(i)] = true;
    Item item;
    item.kind = Item::kTable;
    item.table = static_cast<int>(t);
    int top = tb.caption_lines.empty() ? tb.first_line : tb.caption_lines[0];
    item.y0 = p.lines[static_cast<size_t>(top)].y0;
    out.items.push_back(std::move(item));
  }
  // Prose between tables: sections split at table positions.
  std::vector<std::vector<const PdfLine*>> sections(1);
  {
    std::vector<std::pair<double, double>> spans;  // table y ranges
    for (const PdfTable& tb : out.tables) {
      int top = tb.caption_lines.empty()
                    ? tb.first_line
                    : std::min(tb.first_line, tb.caption_lines[0]);
      spans.push_back({p.lines[static_cast<size_t>(top)].y0, tb.box.y1});
    }
    std::sort(spans.begin(), spans.end());
    size_t next_span = 0;
    for (size_t i = 0; i < p.lines.size(); ++i) {
      if (used[i]) continue;
      const PdfLine& l = p.lines[i];
      while (next_span < spans.size() && l.center() > spans[next_span].first) {
        ++next_span;
        if (!sections.back().empty()) sections.emplace_back();
      }
      sections.back().push_back(&l);
    }
  }
  for (const auto& section : sections) {
    if (section.empty()) continue;
    for (auto& group : ReadingOrderGroups(section, p.upright.width)) {
      for (Paragraph& para : SplitParagraphs(std::move(group))) {
        Item item;
        item.kind = Item::kProse;
        item.y0 = para.lines.front().y0;
        item.para = std::move(para);
        out.items.push_back(std::move(item));
      }
    }
  }
  OrderItems(&out.items);
}

// Body font size: the most common line font size of prose, by chars.
// `heading_sizes`: the larger sizes (at least 1.2 times it), largest first.
double BodyFontSize(const std::vector<PageItems>& page_items,
                    std::vector<double>* heading_sizes_out) {
  std::vector<double>& heading_sizes = *heading_sizes_out;
  std::map<long, size_t> size_chars;
  for (const PageItems& pi : page_items) {
    for (const Item& it : pi.items) {
      if (it.kind != Item::kProse) continue;
      for (const PdfLine& l : it.para.lines) {
        size_t n = 0;
        for (const PdfWord& w : l.words) n += CountCodePoints(w.text);
        size_chars[std::lround(l.font_size * 2)] += n;
      }
    }
  }
  double body_size = 0;
  {
    size_t best = 0;
    for (const auto& [k, n] : size_chars) {
      if (n > best) {
        best = n;
        body_size = static_cast<double>(k) / 2;
      }
    }
  }
  for (const auto& [k, n] : size_chars) {
    double s = static_cast<double>(k) / 2;
    if (body_size > 0 && s >= body_size * kHeadingSizeRatio) {
      heading_sizes.push_back(s);
    }
  }
  std::sort(heading_sizes.rbegin(), heading_sizes.rend());
  return body_size;
}

// Emits the blocks of every page, continuing paragraphs and tables across
// page breaks; paragraphs of heading size become headings.
void EmitBlocks(const std::vector<PageWork>& work, double body_size,
                const std::vector<double>& heading_sizes,
                std::vector<PageItems>* page_items_in, Document* doc_out) {
  std::vector<PageItems>& page_items = *page_items_in;
  Document& doc = *doc_out;
  enum class Last { kNone, kProse, kTable } last = Last::kNone;
  int last_table = -1;        // index into all_tables
  int last_table_index = -1;  // index into doc.tables
  const Paragraph* last_para = nullptr;
  std::vector<PdfTable> all_tables;  // copies, in document order
  for (size_t pi = 0; pi < page_items.size(); ++pi) {
    PageItems& items = page_items[pi];
    const PageWork& p = work[pi];
    for (size_t k = 0; k < items.items.size(); ++k) {
      Item& it = items.items[k];
      bool first_on_page = k == 0;
      if (it.kind == Item::kTable) {
        PdfTable& tb = items.tables[static_cast<size_t>(it.table)];
        if (first_on_page && last == Last::kTable && last_table >= 0 &&
            MergeContinuedTable(tb,
                                &all_tables[static_cast<size_t>(last_table)])) {
          doc.tables[static_cast<size_t>(last_table_index)] =
              all_tables[static_cast<size_t>(last_table)].table;
          continue;
        }
        // Captions first.
        for (int ci : tb.caption_lines) {
          const PdfLine& l = p.lines[static_cast<size_t>(ci)];
          Block b;
          b.kind = BlockKind::kCaption;
          std::vector<TextBox> boxes;
          b.text = LineTextAndBoxes(l, &boxes);
          for (TextBox& tb_box : boxes) tb_box.page = p.upright.number;
          b.boxes = std::move(boxes);
          b.page = p.upright.number;
          b.bbox = BBox{l.x0, l.y0, l.x1, l.y1};
          if (p.input->ocr) AppendOcrSpans({l}, b.text, 0, &b.ocr);
          doc.blocks.push_back(std::move(b));
        }
        all_tables.push_back(tb);
        last_table = static_cast<int>(all_tables.size()) - 1;
        last_table_index = static_cast<int>(doc.tables.size());
        doc.tables.push_back(tb.table);
        Block b;
        b.kind = BlockKind::kTable;
        b.table = last_table_index;
        b.page = p.upright.number;
        b.bbox = tb.box;
        doc.blocks.push_back(std::move(b));
        last = Last::kTable;
        last_para = nullptr;
        continue;
      }
      const Paragraph& para = it.para;
      std::vector<TextBox> boxes;
      std::string text = ParagraphText(para, p.upright.number, &boxes);
      if (text.empty()) continue;
      // Continue the paragraph of the previous page?
      if (first_on_page && last == Last::kProse && last_para != nullptr &&
          !doc.blocks.empty() &&
          doc.blocks.back().kind == BlockKind::kParagraph) {
        const PdfLine& prev = last_para->lines.back();
        const PdfLine& first = para.lines.front();
        double fs = std::max(1.0, first.font_size);
        bool prev_full = last_para->right - prev.x1 <=
                         FirstTokenWidth(first) + kFullLineSlackFontSizes * fs;
        bool indented = first.x0 > para.left + kIndentFontSizes * fs;
        bool same_size =
            std::fabs(prev.font_size - first.font_size) <=
            kSameSizeShare * std::max(prev.font_size, first.font_size);
        if (prev_full && !indented && same_size &&
            !StartsWithNumbering(LineText(first)) &&
            !EndsSentence(LineText(prev))) {
          Block& prev_block = doc.blocks.back();
          AppendWithBoxes(text, std::move(boxes), p.upright.number,
                          &prev_block.text, &prev_block.boxes);
          if (p.input->ocr) {
            AppendOcrSpans(
                para.lines, text,
                static_cast<int>(prev_block.text.size() - text.size()),
                &prev_block.ocr);
          }
          last_para = &para;
          continue;
        }
      }
      Block b;
      b.kind = BlockKind::kParagraph;
      if (p.input->ocr) AppendOcrSpans(para.lines, text, 0, &b.ocr);
      b.text = std::move(text);
      b.boxes = std::move(boxes);
      b.page = p.upright.number;
      b.bbox = LinesBox(para.lines);
      double fs = ParagraphFontSize(para);
      if (para.lines.size() <= kMaxHeadingLines && body_size > 0 &&
          fs >= body_size * kHeadingSizeRatio) {
        b.kind = BlockKind::kHeading;
        for (size_t h = 0; h < heading_sizes.size(); ++h) {
          if (std::fabs(heading_sizes[h] - fs) < kHeadingSizeTolerance) {
            b.heading_level = static_cast<int>(std::min<size_t>(h + 1, 9));
            break;
          }
        }
      }
      doc.blocks.push_back(std::move(b));
      last = Last::kProse;
      last_para = &para;
    }
  }
}

}  // namespace

// ---- LayOutPdf
// ---------------------------------------------------------------

Document LayOutPdf(std::vector<PdfPageInput> pages,
                   const PdfLayoutOptions& options,
                   const RulingFinder& find_rulings) {
  Document doc;
  doc.format = Format::kPdf;
  std::vector<PageWork> work(pages.size());
  int unreadable_pages = 0;
  int doc_rendered_pages = 0;  // pages rendered for their ruling lines
  std::vector<PdfTextQuality> quality;
  quality.reserve(pages.size());
  for (const PdfPageInput& in : pages)
    quality.push_back(AssessPageText(in, options));
  MarkLatinGibberish(&quality, options);
  for (size_t i = 0; i < pages.size(); ++i) {
    if (PreparePage(&pages[i], quality[i], &work[i], &doc)) ++unreadable_pages;
  }
  RemoveHeadersAndFooters(&work, options);
  RemoveClippedRepeats(&work);

  // Per page: tables, prose paragraphs, reading order.
  std::vector<PageItems> page_items(work.size());
  PdfTableOptions table_options;
  for (size_t pi = 0; pi < work.size(); ++pi) {
    PageWork& p = work[pi];
    if (p.unreadable || p.lines.empty()) continue;
    LayOutPage(options, find_rulings, table_options, &p, &page_items[pi],
               &doc_rendered_pages);
  }

  std::vector<double> heading_sizes;
  double body_size = BodyFontSize(page_items, &heading_sizes);
  EmitBlocks(work, body_size, heading_sizes, &page_items, &doc);
  for (Table& t : doc.tables) {
    for (int number : t.pages) {
      for (const PageWork& p : work) {
        if (p.input->ocr && p.input->number == number) {
          SetCellOcrConfidence(p.lines, number, &t);
        }
      }
    }
  }
  if (unreadable_pages > 0) {
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.pdf.unreadable_pages";
    f.message = std::to_string(unreadable_pages) + " of " +
                std::to_string(pages.size()) +
                " pages have no usable text layer (scanned or garbled); "
                "findings on them need review";
    doc.findings.push_back(std::move(f));
  }
  if (doc_rendered_pages > 0) {
    doc.metadata["pdf_ruled_pages"] = std::to_string(doc_rendered_pages);
  }
  return doc;
}

}  // namespace budgetdoc
