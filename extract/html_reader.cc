// HTML reader: government CMS pages and Word "save as web page" files.
//
// Charset: a byte order mark wins; then <meta charset>, <meta http-equiv
// content="…charset=…"> or <?xml encoding=…?> in the first 8 KiB; then
// sniffing (valid UTF-8 -> UTF-8, else GB18030). GB2312/GBK and their
// aliases are read as GB18030 (a superset). The bytes are converted to UTF-8
// with ConvertToUtf8 before libxml2 sees them, and libxml2 is told the input
// is UTF-8 and to ignore the document's own hints. A declared charset that
// does not convert falls back to sniffing; bytes that nothing converts are
// read as UTF-8 with U+FFFD replacements. Each fallback is a finding. C0
// control characters (NUL stops libxml2) become spaces.
// metadata["encoding"] names the charset used, metadata["title"] the <title>.
//
// The article body: script/style/noscript/nav/header/footer/aside/iframe
// (and forms without paragraphs or tables) are dropped, and so are
// "nav-like" containers whose id or class contains nav, menu, header,
// footer, breadcrumb, crumb, sidebar, link or copyright (unless it also
// contains a content hint). Among the rest, the container with the article
// is chosen by the amount of visible text it holds: the deepest element whose
// id/class hints at content (content, article, zoom, TRS_Editor, detail)
// and holds at least 70% of the best such hint's text — when the best hint
// holds at least 25% of the page's text; otherwise the deepest div, section,
// article, main, td, center or form holding at least 70% of the text. The
// h1/h2 title just before that container (inside a close ancestor) is kept.
//
// Blocks: p, div and other block elements end paragraphs; br ends a line
// (a new block; inside a table cell a "\n"); h1–h6 -> kHeading with its
// level; li -> kListItem. Whitespace collapses as in a browser, except that
// a line break next to a CJK character disappears (Word-exported pages wrap
// lines inside sentences). Tables become Tables on a grid with colspan /
// rowspan (anchor spans, covered cells); thead rows count as header rows;
// <caption> is the table title; a table inside a cell becomes its own Table
// (nested_in) after the outer one. 1x1 tables and single-column tables of
// paragraphs are layout, read as flow.
// Tested by tests/extract/html_reader_test.cc and
// tests/extract/corrupt_docx_html_test.cc.
#include "base/utf8.h"
#include "extract/html_charset.h"
#include "extract/readers.h"
#include "extract/text_cleanup.h"
#include "extract/xml_tree.h"
#include "normalize/unicode.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace {

using namespace html_internal;  // NOLINT(google-build-using-namespace)

constexpr int kMaxColumns = 512;
constexpr int kMaxRowSpan = 65534;
constexpr size_t kMaxCells = 500000;

// ---- Text ----

bool IsCjkLike(char32_t c) { return c >= 0x2E80; }

// Stands for <br> in the text buffer until whitespace is collapsed.
constexpr char32_t kLineBreak = 0x1E;
constexpr char kLineBreakByte = '\x1E';

// Collapses whitespace as a browser does (NBSP counts as space here); a run
// holding a line break next to a CJK character vanishes. kLineBreak becomes
// "\n".
std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  char32_t prev = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(s, &pos);
    if (c == kLineBreak) {
      out += '\n';
      prev = 0;
      continue;
    }
    bool space = c < 0x80 ? IsAsciiSpace(static_cast<char>(c)) : c == 0xA0;
    if (!space) {
      out.append(s.substr(start, pos - start));
      prev = c;
      continue;
    }
    bool newline = c == '\n' || c == '\r';
    size_t next = pos;
    char32_t nc = 0;
    while (next < s.size()) {
      size_t at = next;
      nc = DecodeUtf8(s, &next);
      bool sp = nc < 0x80 ? IsAsciiSpace(static_cast<char>(nc)) : nc == 0xA0;
      if (!sp) {
        next = at;
        break;
      }
      newline = newline || nc == '\n' || nc == '\r';
      nc = 0;
    }
    pos = next;
    if (newline && (IsCjkLike(prev) || IsCjkLike(nc))) continue;
    if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
  }
  return out;
}

// Trims each line and drops empty ones.
std::string CleanLines(std::string_view s) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      std::string line = TrimSpaces(s.substr(start, i - start));
      if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
      start = i + 1;
    }
  }
  return out;
}

// ---- Element classes ----

bool IsDroppedTag(std::string_view n) {
  static constexpr std::string_view kDropped[] = {
      "script", "style",    "noscript", "nav",    "header", "footer",
      "aside",  "iframe",   "template", "select", "option", "button",
      "input",  "textarea", "object",   "embed",  "svg",    "canvas",
      "map",    "head",     "title",    "meta",   "link"};
  for (std::string_view d : kDropped) {
    if (n == d) return true;
  }
  return false;
}

bool IsBlockTag(std::string_view n) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",        "section", "article",  "main",   "blockquote",
      "pre",     "center",     "address", "dl",       "dt",     "dd",
      "figure",  "figcaption", "ul",      "ol",       "li",     "hr",
      "body",    "html",       "form",    "fieldset", "legend", "details",
      "summary", "caption",    "tr",      "td",       "th",     "tbody",
      "thead",   "tfoot",      "menu",    "dir",      "h1",     "h2",
      "h3",      "h4",         "h5",      "h6"};
  for (std::string_view b : kBlocks) {
    if (n == b) return true;
  }
  return false;
}

int HeadingLevel(std::string_view n) {
  if (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6') {
    return n[1] - '0';
  }
  return 0;
}

std::string IdAndClass(const XmlNode& n) {
  return Lower(n.AttrOr("id", "") + " " + n.AttrOr("class", ""));
}

bool HasContentHint(const XmlNode& n) {
  std::string ic = IdAndClass(n);
  for (std::string_view h :
       {"content", "article", "zoom", "trs_editor", "detail"}) {
    if (ic.find(h) != std::string::npos) return true;
  }
  return false;
}

bool IsNavLike(const XmlNode& n) {
  if (n.name == "body" || n.name == "html") return false;
  std::string ic = IdAndClass(n);
  bool nav = false;
  for (std::string_view h : {"nav", "menu", "header", "footer", "breadcrumb",
                             "crumb", "sidebar", "link", "copyright"}) {
    if (ic.find(h) != std::string::npos) nav = true;
  }
  return nav && !HasContentHint(n);
}

// A form with paragraphs, headings or tables inside (ASP.NET pages wrap the
// whole body in one) is content; other forms are search boxes.
bool FormHasContent(const XmlNode& n) {
  std::vector<const XmlNode*> stack = {&n};
  while (!stack.empty()) {
    const XmlNode* x = stack.back();
    stack.pop_back();
    if (x != &n && (x->Is("p") || x->Is("table") || HeadingLevel(x->name))) {
      return true;
    }
    for (const XmlNode& c : x->children) {
      if (c.is_element()) stack.push_back(&c);
    }
  }
  return false;
}

size_t VisibleChars(std::string_view text) {
  size_t n = 0, pos = 0;
  while (pos < text.size()) {
    char32_t c = DecodeUtf8(text, &pos);
    if (c > 0x20 && c != 0xA0 && c != 0x3000) ++n;
  }
  return n;
}

// ---- The reader ----

class HtmlBuilder {
 public:
  explicit HtmlBuilder(Document* doc) : doc_(doc) {}

  // Element is skipped entirely (with its subtree).
  bool Skipped(const XmlNode& n) const {
    if (n.Is("form")) return !FormHasContent(n);
    if (IsDroppedTag(n.name)) return true;
    return use_nav_filter_ && IsNavLike(n);
  }

  // Visible characters under n (excluding skipped subtrees), memoized.
  size_t TextAmount(const XmlNode& n) {
    auto it = amount_.find(&n);
    if (it != amount_.end()) return it->second;
    size_t total = 0;
    if (n.type == XmlNode::Type::kText) {
      total = VisibleChars(n.text);
    } else if (!Skipped(n)) {
      for (const XmlNode& c : n.children) total += TextAmount(c);
    }
    amount_[&n] = total;
    return total;
  }

  const XmlNode* ChooseContainer(const XmlNode& body) {
    size_t total = TextAmount(body);
    if (total == 0 && use_nav_filter_) {
      // Everything was nav-like: a page with odd class names. Read it all.
      use_nav_filter_ = false;
      amount_.clear();
      total = TextAmount(body);
    }
    if (total == 0) return &body;
    struct Cand {
      const XmlNode* node;
      int depth;
      size_t amount;
    };
    std::vector<Cand> hinted, containers;
    std::vector<std::pair<const XmlNode*, int>> stack = {{&body, 0}};
    while (!stack.empty()) {
      auto [n, depth] = stack.back();
      stack.pop_back();
      size_t amount = TextAmount(*n);
      if (amount == 0) continue;
      for (const XmlNode& c : n->children) {
        if (c.is_element()) parent_[&c] = n;
      }
      if (n != &body && HasContentHint(*n))
        hinted.push_back({n, depth, amount});
      static constexpr std::string_view kContainers[] = {
          "body", "div", "section", "article", "main", "td", "center", "form"};
      for (std::string_view c : kContainers) {
        if (n->name == c) containers.push_back({n, depth, amount});
      }
      for (const XmlNode& c : n->children) {
        if (c.is_element() && !Skipped(c)) stack.push_back({&c, depth + 1});
      }
    }
    auto deepest = [](const std::vector<Cand>& cands, size_t min_amount) {
      const Cand* best = nullptr;
      for (const Cand& c : cands) {
        if (c.amount < min_amount) continue;
        if (best == nullptr || c.depth > best->depth ||
            (c.depth == best->depth && c.amount > best->amount)) {
          best = &c;
        }
      }
      return best;
    };
    size_t best_hint = 0;
    for (const Cand& c : hinted) best_hint = std::max(best_hint, c.amount);
    if (best_hint * 4 >= total) {
      if (const Cand* c = deepest(hinted, (best_hint * 7 + 9) / 10)) {
        return c->node;
      }
    }
    if (const Cand* c = deepest(containers, (total * 7 + 9) / 10)) {
      return c->node;
    }
    return &body;
  }

  // Emits the article, preceded by its title: the h1/h2 headings that come
  // before the container inside a close ancestor (up to 3 levels up, holding
  // at most 1.5 times the container's text), so "<div class=article><h1>…
  // </h1><div class=info>…</div><div id=zoom>…" keeps the h1 and drops the
  // info line.
  void Build(const XmlNode& container) {
    kinds_.push_back({BlockKind::kParagraph, 0});
    const XmlNode* a = &container;
    size_t amount = TextAmount(container);
    for (int up = 0; up < 3; ++up) {
      auto it = parent_.find(a);
      if (it == parent_.end()) break;
      a = it->second;
      if (TextAmount(*a) * 2 > amount * 3) break;
      std::vector<const XmlNode*> headings;
      if (LeadingHeadings(*a, container, &headings) && !headings.empty()) {
        for (const XmlNode* h : headings) {
          kinds_.push_back({BlockKind::kHeading, HeadingLevel(h->name)});
          Walk(*h);
          Flush();
          kinds_.pop_back();
        }
        break;
      }
    }
    Walk(container);
    Flush();
  }

 private:
  struct Kind {
    BlockKind kind;
    int level;
  };

  // h1/h2 elements under `n` that come before `stop` in document order.
  // Returns true once `stop` was reached.
  bool LeadingHeadings(const XmlNode& n, const XmlNode& stop,
                       std::vector<const XmlNode*>* out) {
    for (const XmlNode& c : n.children) {
      if (&c == &stop) return true;
      if (!c.is_element() || Skipped(c)) continue;
      int level = HeadingLevel(c.name);
      if (level == 1 || level == 2) {
        out->push_back(&c);
      } else if (LeadingHeadings(c, stop, out)) {
        return true;
      }
    }
    return false;
  }

  void Flush() {
    std::string text = CleanLines(CollapseWhitespace(buf_));
    buf_.clear();
    if (text.empty()) return;
    if (cell_lines_ != nullptr) {
      cell_lines_->push_back(std::move(text));
      return;
    }
    // A paragraph broken by <br> is one block per line.
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        Block b;
        b.kind = kinds_.back().kind;
        b.heading_level = kinds_.back().level;
        b.text = text.substr(start, i - start);
        doc_->blocks.push_back(std::move(b));
        start = i + 1;
      }
    }
  }

  void Walk(const XmlNode& n) {
    for (const XmlNode& c : n.children) {
      if (c.type == XmlNode::Type::kText) {
        buf_ += c.text;
        continue;
      }
      if (Skipped(c)) continue;
      if (c.Is("br")) {
        buf_ += kLineBreakByte;
        continue;
      }
      if (c.Is("table")) {
        if (IsLayoutTable(c)) {
          Flush();
          Walk(c);
          Flush();
        } else {
          Flush();
          if (cell_nested_ != nullptr) {
            cell_nested_->push_back(&c);
          } else {
            EmitTable(c, -1);
          }
        }
        continue;
      }
      int level = HeadingLevel(c.name);
      if (level > 0 || c.Is("li")) {
        Flush();
        kinds_.push_back(level > 0 ? Kind{BlockKind::kHeading, level}
                                   : Kind{BlockKind::kListItem, 0});
        Walk(c);
        Flush();
        kinds_.pop_back();
        continue;
      }
      if (IsBlockTag(c.name)) {
        Flush();
        Walk(c);
        Flush();
        continue;
      }
      Walk(c);  // inline: a, span, font, b, strong, ...
    }
  }

  static void CollectRows(const XmlNode& t, std::vector<const XmlNode*>* rows,
                          size_t* head_rows) {
    for (const XmlNode& c : t.children) {
      if (c.Is("tr")) {
        rows->push_back(&c);
      } else if (c.Is("thead") || c.Is("tbody") || c.Is("tfoot")) {
        for (const XmlNode& r : c.children) {
          if (r.Is("tr")) {
            rows->push_back(&r);
            if (c.Is("thead") && rows->size() == *head_rows + 1) ++*head_rows;
          }
        }
      }
    }
  }

  static std::vector<const XmlNode*> CellsOf(const XmlNode& tr) {
    std::vector<const XmlNode*> cells;
    for (const XmlNode& c : tr.children) {
      if (c.Is("td") || c.Is("th")) cells.push_back(&c);
    }
    return cells;
  }

  bool IsLayoutTable(const XmlNode& t) {
    std::vector<const XmlNode*> rows;
    size_t head = 0;
    CollectRows(t, &rows, &head);
    size_t max_cells = 0, total_cells = 0;
    for (const XmlNode* r : rows) {
      size_t n = CellsOf(*r).size();
      max_cells = std::max(max_cells, n);
      total_cells += n;
    }
    if (total_cells <= 1) return true;
    if (max_cells != 1) return false;
    // One column: layout when its cells hold paragraphs or headings.
    for (const XmlNode* r : rows) {
      for (const XmlNode* cell : CellsOf(*r)) {
        for (const XmlNode& c : cell->children) {
          if (c.Is("p") || c.Is("div") || HeadingLevel(c.name)) return true;
        }
      }
    }
    return false;
  }

  static int IntAttr(const XmlNode& n, std::string_view name, int dflt,
                     int limit) {
    const std::string* v = n.Attr(name);
    if (v == nullptr) return dflt;
    int out = 0;
    bool any = false;
    for (char ch : *v) {
      if (ch >= '0' && ch <= '9') {
        out = std::min(out * 10 + (ch - '0'), limit);
        any = true;
      } else if (any) {
        break;
      } else if (!IsAsciiSpace(ch)) {
        return dflt;
      }
    }
    return any ? out : dflt;
  }

  std::string CellText(const XmlNode& cell,
                       std::vector<const XmlNode*>* nested) {
    std::vector<std::string> lines;
    std::string saved_buf = std::move(buf_);
    buf_.clear();
    auto* saved_lines = cell_lines_;
    auto* saved_nested = cell_nested_;
    cell_lines_ = &lines;
    cell_nested_ = nested;
    Walk(cell);
    Flush();
    cell_lines_ = saved_lines;
    cell_nested_ = saved_nested;
    buf_ = std::move(saved_buf);
    std::string text;
    for (size_t i = 0; i < lines.size(); ++i) {
      text += (i > 0 ? "\n" : "") + lines[i];
    }
    return text;
  }

  void EmitTable(const XmlNode& t, int nested_in) {
    const int index = static_cast<int>(doc_->tables.size());
    doc_->tables.emplace_back();
    Table table;
    table.nested_in = nested_in;
    if (const XmlNode* cap = t.Child("caption")) {
      table.title = TrimSpaces(CollapseWhitespace(cap->InnerText()));
    }
    std::vector<const XmlNode*> rows;
    size_t head_rows = 0;
    CollectRows(t, &rows, &head_rows);
    struct Pending {
      int rows_left = 0;
    };
    std::vector<Pending> pending;  // per column: rows still covered
    std::vector<std::vector<Cell>> grid;
    std::vector<const XmlNode*> nested;
    int width = 0;
    bool truncated = false;
    const int nrows = static_cast<int>(rows.size());
    for (int r = 0; r < nrows && !truncated; ++r) {
      std::vector<Cell> row;
      int col = 0;
      auto skip_covered = [&]() {
        while (col < static_cast<int>(pending.size()) &&
               pending[static_cast<size_t>(col)].rows_left > 0) {
          if (static_cast<int>(row.size()) <= col) {
            row.resize(static_cast<size_t>(col) + 1);
          }
          row[static_cast<size_t>(col)].covered = true;
          ++col;
        }
      };
      for (const XmlNode* cell : CellsOf(*rows[static_cast<size_t>(r)])) {
        skip_covered();
        if (col >= kMaxColumns) {
          truncated = true;
          break;
        }
        int cs = std::clamp(IntAttr(*cell, "colspan", 1, kMaxColumns), 1,
                            kMaxColumns - col);
        int rs = IntAttr(*cell, "rowspan", 1, kMaxRowSpan);
        if (rs == 0 || rs > nrows - r) rs = nrows - r;  // 0: to the end
        if (rs < 1) rs = 1;
        if (static_cast<int>(row.size()) < col + cs) {
          row.resize(static_cast<size_t>(col + cs));
        }
        if (static_cast<int>(pending.size()) < col + cs) {
          pending.resize(static_cast<size_t>(col + cs));
        }
        Cell& anchor = row[static_cast<size_t>(col)];
        anchor.text = CellText(*cell, &nested);
        anchor.col_span = cs;
        anchor.row_span = rs;
        for (int k = col; k < col + cs; ++k) {
          if (k > col) row[static_cast<size_t>(k)].covered = true;
          // +1: this row is decremented below like the others.
          pending[static_cast<size_t>(k)].rows_left = rs;
        }
        col += cs;
      }
      skip_covered();
      // Columns past the last cell that a rowspan from above still covers.
      for (int k = col; k < static_cast<int>(pending.size()); ++k) {
        if (pending[static_cast<size_t>(k)].rows_left > 0) {
          if (static_cast<int>(row.size()) <= k) {
            row.resize(static_cast<size_t>(k) + 1);
          }
          row[static_cast<size_t>(k)].covered = true;
        }
      }
      for (Pending& p : pending) {
        if (p.rows_left > 0) --p.rows_left;
      }
      width = std::max(width, static_cast<int>(row.size()));
      grid.push_back(std::move(row));
      cells_ += static_cast<size_t>(width);
      if (cells_ > kMaxCells) truncated = true;
    }
    for (auto& row : grid) {
      row.resize(static_cast<size_t>(width));
      table.AddRow(std::move(row));
    }
    table.header_rows =
        static_cast<int>(std::min(head_rows, table.rows.size()));
    if (truncated) {
      Finding f;
      f.severity = Severity::kWarning;
      f.rule = "extract.html.table_truncated";
      f.message = "table " + std::to_string(index) +
                  " cut at a safety limit (" + std::to_string(kMaxColumns) +
                  " columns, " + std::to_string(kMaxCells) +
                  " cells per document)";
      if (doc_->findings.size() < 100) doc_->findings.push_back(std::move(f));
    }
    doc_->tables[static_cast<size_t>(index)] = std::move(table);
    Block b;
    b.kind = BlockKind::kTable;
    b.table = index;
    doc_->blocks.push_back(std::move(b));
    for (const XmlNode* n : nested) {
      if (cells_ > kMaxCells) break;
      EmitTable(*n, index);
    }
  }

  Document* doc_;
  bool use_nav_filter_ = true;
  std::map<const XmlNode*, size_t> amount_;
  std::map<const XmlNode*, const XmlNode*> parent_;
  std::string buf_;
  std::vector<Kind> kinds_;
  std::vector<std::string>* cell_lines_ = nullptr;
  std::vector<const XmlNode*>* cell_nested_ = nullptr;
  size_t cells_ = 0;
};

const XmlNode* FindElement(const XmlNode& root, std::string_view name) {
  std::vector<const XmlNode*> stack = {&root};
  while (!stack.empty()) {
    const XmlNode* n = stack.back();
    stack.pop_back();
    if (n->Is(name)) return n;
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) {
      if (it->is_element()) stack.push_back(&*it);
    }
  }
  return nullptr;
}

}  // namespace

Result<Document> ReadHtml(std::string_view bytes, const ExtractOptions& opts) {
  Decoded decoded = DecodeHtml(bytes);
  Document doc;
  doc.format = Format::kHtml;
  doc.metadata["encoding"] = decoded.encoding;
  for (const std::string& p : decoded.problems) {
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.html.charset";
    f.message = p;
    doc.findings.push_back(std::move(f));
  }
  // libxml2's HTML parser stops at a NUL byte; other C0 controls are not
  // text either. (This also keeps kLineBreakByte out of the input.)
  for (char& c : decoded.text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') c = ' ';
  }
  XmlParseOptions xml_opts;
  xml_opts.max_depth = opts.max_xml_depth;
  bool flattened = false;
  BUDGETDOC_ASSIGN_OR_RETURN(XmlNode root,
                             ParseHtml(decoded.text, xml_opts, &flattened));
  if (flattened) {
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.html.too_deep";
    f.message = "elements nested deeper than max_xml_depth (" +
                std::to_string(opts.max_xml_depth) +
                ") were flattened into their ancestors";
    doc.findings.push_back(std::move(f));
  }
  if (const XmlNode* title = FindElement(root, "title")) {
    std::string t = TrimSpaces(CollapseWhitespace(title->InnerText()));
    if (!t.empty()) doc.metadata["title"] = t;
  }
  const XmlNode* body = FindElement(root, "body");
  if (body == nullptr) body = &root;
  HtmlBuilder builder(&doc);
  const XmlNode* container = builder.ChooseContainer(*body);
  builder.Build(*container);
  return doc;
}

}  // namespace budgetdoc
