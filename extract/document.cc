#include "extract/document.h"

#include "base/decimal.h"
#include "base/utf8.h"

#include <algorithm>
#include <cstdio>

namespace budgetdoc {

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kUnknown:
      return "unknown";
    case Format::kText:
      return "text";
    case Format::kDocx:
      return "docx";
    case Format::kHtml:
      return "html";
    case Format::kPdf:
      return "pdf";
    case Format::kXlsx:
      return "xlsx";
    case Format::kXls:
      return "xls";
    case Format::kDoc:
      return "doc";
  }
  return "unknown";
}

std::string_view BlockKindName(BlockKind k) {
  switch (k) {
    case BlockKind::kParagraph:
      return "para";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kListItem:
      return "item";
    case BlockKind::kTable:
      return "table";
    case BlockKind::kChart:
      return "chart";
    case BlockKind::kCaption:
      return "caption";
  }
  return "para";
}

std::string_view CellStateName(CellState s) {
  switch (s) {
    case CellState::kBlank:
      return "blank";
    case CellState::kZero:
      return "zero";
    case CellState::kDash:
      return "dash";
    case CellState::kNumber:
      return "number";
    case CellState::kText:
      return "text";
  }
  return "text";
}

CellState ClassifyCellText(std::string_view text) {
  // Trim ASCII and ideographic spaces.
  auto is_space = [](std::string_view s, size_t i) {
    return s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
  };
  while (!text.empty() && is_space(text, 0)) text.remove_prefix(1);
  while (!text.empty() && is_space(text, text.size() - 1))
    text.remove_suffix(1);
  while (text.size() >= 3 && text.substr(0, 3) == "\xE3\x80\x80")
    text.remove_prefix(3);
  while (text.size() >= 3 && text.substr(text.size() - 3) == "\xE3\x80\x80") {
    text.remove_suffix(3);
  }
  if (text.empty()) return CellState::kBlank;
  if (text == "-" || text == "--" || text == "—" || text == "－" ||
      text == "/" || text == "―" || text == "─") {
    return CellState::kDash;
  }
  Result<Decimal> d = Decimal::Parse(text);
  if (d.ok()) return d->is_zero() ? CellState::kZero : CellState::kNumber;
  return CellState::kText;
}

void Table::AddRow(std::vector<Cell> row) {
  if (static_cast<int>(row.size()) > columns) {
    columns = static_cast<int>(row.size());
    for (auto& r : rows) r.resize(static_cast<size_t>(columns));
  }
  row.resize(static_cast<size_t>(columns));
  row.shrink_to_fit();  // a row built cell by cell has room to spare
  rows.push_back(std::move(row));
}

bool Document::PageOcr(int page) const {
  for (const Page& p : pages) {
    if (p.number == page) return p.ocr;
  }
  return false;
}

bool Document::PageUnreadable(int page) const {
  for (const Page& p : pages) {
    if (p.number == page) return p.unreadable;
  }
  return false;
}

namespace {

// Turns a box of a frame `w` by `h` points by `turns` quarter turns (the
// layout's TurnUpright, pdf_layout.cc).
BBox Turn(const BBox& b, int turns, double w, double h) {
  switch (turns) {
    case 1:
      return {b.y0, w - b.x1, b.y1, w - b.x0};
    case 2:
      return {w - b.x1, h - b.y1, w - b.x0, h - b.y0};
    case 3:
      return {h - b.y1, b.x0, h - b.y0, b.x1};
    default:
      return b;
  }
}

// Typeset width of a code point in ems, for cutting a word's box.
double CharWidth(char32_t c) {
  bool wide = IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x30FF) ||
              (c >= 0xFF01 && c <= 0xFF60);
  return wide ? 1.0 : 0.52;
}

double TextWidth(std::string_view s) {
  double w = 0;
  for (size_t i = 0; i < s.size();) w += CharWidth(DecodeUtf8(s, &i));
  return w;
}

// The part of word box `t` that holds bytes [lo, hi) of `text`.
BBox CutBox(const std::string& text, const TextBox& t, int lo, int hi) {
  auto piece = [&](int a, int b) {
    return std::string_view(text).substr(static_cast<size_t>(a),
                                         static_cast<size_t>(b - a));
  };
  double before = TextWidth(piece(t.begin, lo));
  double inside = TextWidth(piece(lo, hi));
  double total = before + inside + TextWidth(piece(hi, t.end));
  if (!(total > 0)) return t.box;
  BBox b = t.box;
  double w = b.x1 - b.x0, h = b.y1 - b.y0;
  // A box much taller than wide holds a word set vertically.
  if (h > 1.5 * w && CountCodePoints(piece(t.begin, t.end)) > 1) {
    b.y0 = t.box.y0 + h * before / total;
    b.y1 = t.box.y0 + h * (before + inside) / total;
  } else {
    b.x0 = t.box.x0 + w * before / total;
    b.x1 = t.box.x0 + w * (before + inside) / total;
  }
  return b;
}

bool SameLine(const BBox& a, const BBox& b) {
  double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  double h = std::min(a.y1 - a.y0, b.y1 - b.y0);
  return h > 0 && overlap >= 0.5 * h && b.x0 >= a.x0;
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string DebugString(const Document& doc) {
  std::string out;
  out += "document format=" + std::string(FormatName(doc.format)) +
         " blocks=" + std::to_string(doc.blocks.size()) +
         " tables=" + std::to_string(doc.tables.size()) +
         " charts=" + std::to_string(doc.charts.size()) +
         " pages=" + std::to_string(doc.pages.size()) + "\n";
  for (const auto& [k, v] : doc.metadata) {
    out += "meta " + k + "=" + Escape(v) + "\n";
  }
  for (const Page& p : doc.pages) {
    if (p.ocr) {
      out += "page " + std::to_string(p.number) +
             " ocr confidence=" + std::to_string(p.ocr_confidence) + ": " +
             Escape(p.reason) + "\n";
    }
    if (p.unreadable) {
      out += "page " + std::to_string(p.number) + " unreadable: " + p.reason +
             "\n";
    }
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    out += "[" + std::to_string(i) + "] " + std::string(BlockKindName(b.kind));
    if (b.page > 0) out += " p" + std::to_string(b.page);
    if (b.heading_level > 0) out += " h" + std::to_string(b.heading_level);
    if (b.kind == BlockKind::kTable && b.table >= 0 &&
        b.table < static_cast<int>(doc.tables.size())) {
      const Table& t = doc.tables[static_cast<size_t>(b.table)];
      out += " #" + std::to_string(b.table) + " " +
             std::to_string(t.rows.size()) + "x" + std::to_string(t.columns);
      if (!t.title.empty()) out += " title=" + Escape(t.title);
      if (!t.unit_text.empty()) out += " unit=" + Escape(t.unit_text);
      if (t.nested_in >= 0) out += " nested_in=" + std::to_string(t.nested_in);
      out += "\n";
      for (size_t r = 0; r < t.rows.size(); ++r) {
        out += "  r" + std::to_string(r) + ":";
        for (const Cell& c : t.rows[r]) {
          if (c.covered) {
            out += " |^";
            continue;
          }
          out += " |";
          if (c.state() == CellState::kBlank) {
            out += "_";
          } else {
            out += Escape(c.text);
          }
          if (c.row_span > 1 || c.col_span > 1) {
            out += "{" + std::to_string(c.row_span) + "x" +
                   std::to_string(c.col_span) + "}";
          }
        }
        out += "\n";
      }
      continue;
    }
    if (b.kind == BlockKind::kChart && b.chart >= 0 &&
        b.chart < static_cast<int>(doc.charts.size())) {
      const Chart& c = doc.charts[static_cast<size_t>(b.chart)];
      out += " #" + std::to_string(b.chart) + " type=" + c.type +
             " title=" + Escape(c.title);
      if (c.caption_block >= 0) {
        out += " caption=[" + std::to_string(c.caption_block) + "]";
      }
      out += "\n  categories:";
      for (const auto& cat : c.categories) out += " |" + Escape(cat);
      out += "\n";
      for (const auto& s : c.series) {
        out += "  series " + Escape(s.name) + ":";
        for (const auto& v : s.values) out += " " + v;
        out += "\n";
      }
      continue;
    }
    out += " " + Escape(b.text) + "\n";
  }
  for (const Finding& f : doc.findings) {
    out += "finding " + std::string(SeverityName(f.severity)) + " " + f.rule +
           ": " + f.message + "\n";
  }
  return out;
}

BBox DisplayedBox(const Document& doc, int page, const BBox& box) {
  for (const Page& p : doc.pages) {
    if (p.number != page) continue;
    // The inverse of the layout's turn: the other way round, in the frame
    // the layout turned the page into.
    bool odd = p.turns % 2 == 1;
    return Turn(box, (4 - p.turns) % 4, odd ? p.height : p.width,
                odd ? p.width : p.height);
  }
  return box;
}

std::vector<TextBox> LocateText(const Document& doc, int block, int begin,
                                int end) {
  std::vector<TextBox> out;
  if (block < 0 || block >= static_cast<int>(doc.blocks.size()) || begin >= end)
    return out;
  const Block& b = doc.blocks[static_cast<size_t>(block)];
  const int size = static_cast<int>(b.text.size());
  for (const TextBox& t : b.boxes) {
    int lo = std::max(begin, t.begin), hi = std::min(end, t.end);
    if (lo >= hi || t.begin < 0 || t.end > size) continue;
    TextBox piece{
        lo, hi, t.page,
        lo > t.begin || hi < t.end ? CutBox(b.text, t, lo, hi) : t.box};
    if (!out.empty() && out.back().page == piece.page &&
        SameLine(out.back().box, piece.box)) {
      BBox& u = out.back().box;
      u.x0 = std::min(u.x0, piece.box.x0);
      u.y0 = std::min(u.y0, piece.box.y0);
      u.x1 = std::max(u.x1, piece.box.x1);
      u.y1 = std::max(u.y1, piece.box.y1);
      out.back().end = hi;
      continue;
    }
    out.push_back(piece);
  }
  for (TextBox& t : out) t.box = DisplayedBox(doc, t.page, t.box);
  return out;
}

}  // namespace budgetdoc
