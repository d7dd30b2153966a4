#include "normalize/normalize.h"

#include "base/utf8.h"

#include <algorithm>
#include <map>
#include <utility>

namespace budgetdoc {
namespace {

bool EndsWith(std::string_view s, std::string_view e) {
  return s.size() >= e.size() && s.substr(s.size() - e.size()) == e;
}

// A line that cannot end where it does: a quotation left open
// ("6.“社会保障和就业支出（类）行政事业单位离退休（款）"), or a 类/款/项 path
// that stops after its 类 or 款. Such a line, even a numbered heading, goes on.
bool ObviouslyContinues(std::string_view s) {
  size_t open = 0, close = 0;
  for (size_t p = s.find("“"); p != std::string_view::npos;
       p = s.find("“", p + 3)) {
    ++open;
  }
  for (size_t p = s.find("”"); p != std::string_view::npos;
       p = s.find("”", p + 3)) {
    ++close;
  }
  return open > close || EndsWith(s, "（类）") || EndsWith(s, "（款）") ||
         EndsWith(s, "(类)") || EndsWith(s, "(款)");
}

// Sentence-final or clause-final punctuation: a line ending in one of these
// is complete, unless it obviously continues. A colon is not final:
// "主要用于：" goes on on the next line.
bool EndsComplete(std::string_view s) {
  if (ObviouslyContinues(s)) return false;
  static constexpr std::string_view kEnds[] = {
      "。", "！", "？", "；", "”", "）", ")", ";", "!", "?", "…", "》", "」"};
  for (std::string_view e : kEnds) {
    if (EndsWith(s, e)) return true;
  }
  return false;
}

// A 类/款/项 path broken inside a name: "20、卫生健康支出（类）行政事业单位医疗
// （款）行政单位" / "医疗（项）。主要用于：…". The line holds a 类 or 款 marker
// but no 项 after its last one, and the next line reaches a marker before
// any clause punctuation.
bool PathContinues(std::string_view line, std::string_view next) {
  // Position of the last 类 or 款 marker, full-width or ASCII brackets.
  size_t last = std::string_view::npos;
  for (std::string_view marker : {"（类）", "(类)", "（款）", "(款)"}) {
    size_t p = line.rfind(marker);
    if (p != std::string_view::npos &&
        (last == std::string_view::npos || p > last)) {
      last = p;
    }
  }
  if (last == std::string_view::npos) return false;
  if (line.find("（项）", last) != std::string_view::npos ||
      line.find("(项)", last) != std::string_view::npos) {
    return false;
  }
  size_t stop = next.size();
  for (std::string_view d : {"，", "。", "：", "；", ",", ":"}) {
    stop =
        std::min(stop, next.find(d) == std::string_view::npos ? next.size()
                                                              : next.find(d));
  }
  std::string_view head = next.substr(0, stop);
  return head.find("（项）") != std::string_view::npos ||
         head.find("（款）") != std::string_view::npos ||
         head.find("(项)") != std::string_view::npos ||
         head.find("(款)") != std::string_view::npos;
}

// "323.47 万元，…", "1,322.92万元": a line opening with an amount.
bool StartsWithAmount(std::string_view s) {
  size_t i = 0;
  while (i < s.size() &&
         ((s[i] >= '0' && s[i] <= '9') || s[i] == ',' || s[i] == '.')) {
    ++i;
  }
  if (i == 0) return false;
  while (i < s.size() && s[i] == ' ') ++i;
  std::string_view rest = s.substr(i);
  for (std::string_view unit : {"万元", "元", "亿元"}) {
    if (rest.substr(0, unit.size()) == unit) return true;
  }
  return false;
}

// Display width: CJK characters and full-width punctuation take two columns.
// Lines of one page are as wide as each other, not as long: digits and
// Latin letters are narrow.
size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t p = 0; p < s.size();) {
    char32_t c = DecodeUtf8(s, &p);
    bool wide = IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303F) ||
                (c >= 0xFF00 && c <= 0xFFEF) || c == 0x201C || c == 0x201D;
    w += wide ? 2 : 1;
  }
  return w;
}

// Prose lines (mostly CJK) set the typical line length; flattened table rows
// ("2080501 行政单位离退休 252.74 252.74") do not.
bool IsProseLine(std::string_view s) {
  size_t cjk = 0, other = 0;
  for (size_t p = 0; p < s.size();) {
    char32_t c = DecodeUtf8(s, &p);
    if (c == ' ') continue;
    (IsCjkIdeograph(c) ? cjk : other) += 1;
  }
  return cjk >= 8 && cjk >= other;
}

// Plain text keeps the line breaks of its source; a hard-wrapped paragraph
// (from a PDF-to-text conversion, a crawler) arrives as several lines, and a
// PDF layout may leave a paragraph split into line blocks. A paragraph line
// is joined with the next when it is full (reaches the right margin: by its
// box in a PDF, by its length against the document's long lines in text),
// does not end a sentence, and the next does not start a heading. A line
// ending in a digit followed by a bare page number is always joined, so the
// page number can be dropped ("222.5" / "28" / "万元"). The joined block
// keeps the line breaks in its raw text.
void JoinWrappedLines(Document* doc) {
  // Typical long-line width (90th percentile of prose lines).
  std::vector<size_t> lengths;
  for (const Block& b : doc->blocks) {
    if (b.kind == BlockKind::kParagraph && IsProseLine(b.text))
      lengths.push_back(DisplayWidth(b.text));
  }
  size_t p90 = 0;
  if (!lengths.empty()) {
    std::sort(lengths.begin(), lengths.end());
    p90 = lengths[lengths.size() * 9 / 10];
  }
  // Right margin per page (PDF).
  std::map<int, double> right;
  for (const Block& b : doc->blocks) {
    if (b.bbox) right[b.page] = std::max(right[b.page], b.bbox->x1);
  }
  auto full = [&](const Block& b, const std::string& norm) {
    if (b.bbox && right.count(b.page) > 0) {
      double width = right[b.page] - b.bbox->x0;
      return b.bbox->x1 >= right[b.page] - std::max(12.0, 0.03 * width);
    }
    // Needs enough lines to know what a full one is.
    size_t n = DisplayWidth(norm);
    return lengths.size() >= 8 && p90 >= 50 && n * 4 >= p90 * 3;
  };
  auto page_number_only = [](const std::string& norm) {
    if (norm.empty() || norm.size() > 12) return false;
    for (char c : norm) {
      if (!(c >= '0' && c <= '9') && c != '-' && c != ' ') return false;
    }
    return true;
  };
  // Each source line is normalized once; the decision to join looks only at
  // the last line of the growing block, so joining stays linear.
  std::vector<Block> out;
  std::string last_norm;        // normalized text of the last joined line
  const Block* last = nullptr;  // that line's source block (for its box)
  bool out_is_heading = false;  // the output block opens with a heading
  std::vector<Block> source = std::move(doc->blocks);
  for (size_t i = 0; i < source.size(); ++i) {
    Block& b = source[i];
    std::string next = b.kind == BlockKind::kParagraph
                           ? NormalizeText(b.text).text
                           : std::string();
    if (!out.empty() && b.kind == BlockKind::kParagraph &&
        out.back().kind == BlockKind::kParagraph && last != nullptr) {
      HeadingLabel label;
      bool next_heading = ParseHeadingLabel(next, &label);
      bool digit_end = !last_norm.empty() && last_norm.back() >= '0' &&
                       last_norm.back() <= '9';
      // A path printed alone ("“…（类）…（款）…（项）”") takes the amount
      // printed at the start of the next line.
      bool amount_follows =
          (EndsWith(last_norm, "（项）”") || EndsWith(last_norm, "（项）") ||
           EndsWith(last_norm, "（款）”") || EndsWith(last_norm, "（类）”")) &&
          StartsWithAmount(next);
      bool continues = (ObviouslyContinues(last_norm) || amount_follows ||
                        PathContinues(last_norm, next)) &&
                       !next_heading;
      bool joinable =
          !last_norm.empty() && !next.empty() && !next_heading &&
          ((!EndsComplete(last_norm) && (!out_is_heading || continues)) ||
           amount_follows);
      bool page_gap =
          digit_end && page_number_only(next) && i + 1 < source.size();
      // The line before this one was a page number caught in a sentence.
      bool after_page_number = page_number_only(last_norm) &&
                               out.back().text.find('\n') != std::string::npos;
      if (joinable && (full(*last, last_norm) || page_gap ||
                       after_page_number || continues)) {
        int shift = static_cast<int>(out.back().text.size()) + 1;
        out.back().text += "\n" + b.text;
        for (TextBox t : b.boxes) {
          t.begin += shift;
          t.end += shift;
          out.back().boxes.push_back(t);
        }
        // A numbered heading whose line went on into body text is a list
        // item with its body, not a heading.
        for (std::string_view body : {"，", "。", "：", "；"}) {
          if (next.find(body) != std::string::npos) out_is_heading = false;
        }
        last_norm = std::move(next);
        last = &b;
        continue;
      }
    }
    HeadingLabel label;
    out_is_heading = b.kind == BlockKind::kParagraph &&
                     ParseHeadingLabel(next, &label) && !label.list_like;
    last_norm = std::move(next);
    out.push_back(b);
    last = &b;
  }
  out.shrink_to_fit();  // grown by doubling; kept through every later stage
  doc->blocks = std::move(out);
}

}  // namespace

NormalizedDocument Normalize(Document doc, const NormalizeOptions& options) {
  NormalizedDocument nd;
  nd.doc = std::move(doc);
  // Block indexes are final after this; tables and charts are not moved.
  if ((nd.doc.format == Format::kText || nd.doc.format == Format::kPdf) &&
      options.join_wrapped_lines) {
    JoinWrappedLines(&nd.doc);
  }
  FindingSink sink(options.max_findings);

  std::vector<SectionInput> inputs;
  nd.blocks.reserve(nd.doc.blocks.size());
  for (size_t i = 0; i < nd.doc.blocks.size(); ++i) {
    const Block& b = nd.doc.blocks[i];
    bool textual = b.kind != BlockKind::kTable && b.kind != BlockKind::kChart;
    nd.blocks.push_back(textual ? NormalizeText(b.text) : NormalizedText());
    SectionInput in;
    if (textual && b.kind != BlockKind::kCaption)
      in.text = nd.blocks.back().text;
    in.heading_hint = b.kind == BlockKind::kHeading;
    in.heading_level = b.heading_level;
    inputs.push_back(std::move(in));
  }
  for (const Table& t : nd.doc.tables) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const Cell& c : row) cells.push_back(NormalizeText(c.text).text);
      rows.push_back(std::move(cells));
    }
    nd.cells.push_back(std::move(rows));
  }
  nd.sections = BuildSections(inputs, &sink);

  for (size_t i = 0; i < nd.blocks.size(); ++i) {
    const BlockKind kind = nd.doc.blocks[i].kind;
    if (kind == BlockKind::kTable || kind == BlockKind::kChart ||
        kind == BlockKind::kCaption) {
      continue;
    }
    const NormalizedText& nt = nd.blocks[i];
    for (Mention& m : FindMentions(nt.text)) {
      m.block = static_cast<int>(i);
      m.raw_begin = static_cast<int>(nt.RawBegin(static_cast<size_t>(m.begin)));
      m.raw_end = static_cast<int>(nt.RawEnd(static_cast<size_t>(m.end)));
      nd.mentions.push_back(std::move(m));
    }
  }
  nd.findings = sink.Take();
  // Grown by doubling; the document lives through every later stage.
  nd.mentions.shrink_to_fit();
  return nd;
}

void LocateOnPage(const NormalizedDocument& nd, Provenance* p) {
  const Document& doc = nd.doc;
  if (doc.format != Format::kPdf) return;
  if (p->table >= 0 && p->row >= 0 && p->column >= 0) {
    if (p->table >= static_cast<int>(doc.tables.size())) return;
    const Table& t = doc.tables[static_cast<size_t>(p->table)];
    if (p->row >= static_cast<int>(t.rows.size())) return;
    const std::vector<Cell>& row = t.rows[static_cast<size_t>(p->row)];
    if (p->column >= static_cast<int>(row.size())) return;
    const Cell& c = row[static_cast<size_t>(p->column)];
    if (c.bbox && c.page > 0) {
      p->page = c.page;
      p->bbox = DisplayedBox(doc, c.page, *c.bbox);
    }
    return;
  }
  if (p->block < 0 || p->block >= static_cast<int>(doc.blocks.size())) return;
  const size_t bi = static_cast<size_t>(p->block);
  const Block& b = doc.blocks[bi];
  int begin = p->raw_begin, end = p->raw_end;
  if (begin < 0 && p->norm_begin >= 0 && bi < nd.blocks.size() &&
      p->norm_begin <= p->norm_end &&
      static_cast<size_t>(p->norm_end) <= nd.blocks[bi].text.size()) {
    const NormalizedText& nt = nd.blocks[bi];
    begin = static_cast<int>(nt.RawBegin(static_cast<size_t>(p->norm_begin)));
    end = static_cast<int>(nt.RawEnd(static_cast<size_t>(p->norm_end)));
  }
  if (begin < 0 || begin >= end) {
    begin = 0;
    end = static_cast<int>(b.text.size());
  }
  std::vector<TextBox> boxes = LocateText(doc, p->block, begin, end);
  if (!boxes.empty()) {
    int page = boxes.front().page;
    BBox u = boxes.front().box;
    for (const TextBox& t : boxes) {
      if (t.page != page) continue;
      u.x0 = std::min(u.x0, t.box.x0);
      u.y0 = std::min(u.y0, t.box.y0);
      u.x1 = std::max(u.x1, t.box.x1);
      u.y1 = std::max(u.y1, t.box.y1);
    }
    p->page = page;
    p->bbox = u;
    return;
  }
  if (b.bbox && b.page > 0) {
    p->page = b.page;
    p->bbox = DisplayedBox(doc, b.page, *b.bbox);
  }
}

std::string DebugString(const NormalizedDocument& nd) {
  std::string out = "normalized blocks:\n";
  for (size_t i = 0; i < nd.blocks.size(); ++i) {
    const Block& b = nd.doc.blocks[i];
    if (b.kind == BlockKind::kTable || b.kind == BlockKind::kChart) continue;
    out += "[" + std::to_string(i) + "] s" +
           std::to_string(nd.sections.block_section[i]) + " " +
           nd.blocks[i].text + "\n";
  }
  out += "sections:\n" + SectionsDebugString(nd.sections);
  out += "mentions:\n" + MentionsDebugString(nd.mentions);
  out += "findings:\n";
  for (const Finding& f : nd.findings) {
    out += std::string(SeverityName(f.severity)) + " " + f.rule + " " +
           f.where.front().ToString() + ": " + f.message + "\n";
  }
  return out;
}

}  // namespace budgetdoc
