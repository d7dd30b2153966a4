#include "extract/document.h"

#include "base/decimal.h"

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

}  // namespace budgetdoc
