// Tested by tests/extract/pdf_tables_test.cc.
#include "extract/pdf_tables.h"

#include "base/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace budgetdoc {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A piece of a line: words merged across tiny gaps. The unit of column
// analysis.
struct Unit {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double fs = 0;
  bool numeric = false;
  int line = 0;  // index into the page's lines
  double center_x() const { return (x0 + x1) / 2; }
  double center_y() const { return (y0 + y1) / 2; }
};

struct LineInfo {
  std::vector<Unit> units;
  int cells = 0;            // segments split at cell_gap
  bool has_number = false;  // a unit that is a number
  bool table_like = false;
  double fs = 0;
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(),
                   v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2),
                   v.end());
  return v[v.size() / 2];
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string WordsText(const std::vector<const PdfWord*>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    // Reuse the line joiner through a one-word line per piece.
    PdfLine l;
    l.words.push_back(*words[i]);
    std::string piece = LineText(l);
    if (i == 0) {
      out = piece;
      continue;
    }
    double gap = words[i]->x0 - words[i - 1]->x1;
    if (words[i - 1]->space_after || gap > 0.2 * words[i]->font_size) {
      AppendJoined(piece, &out);
    } else {
      out += piece;
    }
  }
  return out;
}

// "单位：万元", "金额单位：元", "编制部门：… 单位:万元": the last "单位"
// followed by a colon and an amount unit.
bool IsUnitLine(std::string_view text) {
  size_t pos = text.rfind("单位");
  if (pos == std::string_view::npos) return false;
  std::string_view tail = text.substr(pos + 6);
  if (!StartsWith(tail, "：") && !StartsWith(tail, ":")) return false;
  return tail.find("元") != std::string_view::npos;
}

bool IsIssuerLine(std::string_view text) {
  return StartsWith(text, "编制部门") || StartsWith(text, "编制单位") ||
         StartsWith(text, "部门：") || StartsWith(text, "部门:") ||
         StartsWith(text, "单位名称：") || StartsWith(text, "预算单位：");
}

LineInfo AnalyzeLine(const PdfLine& line, int index, const PdfTableOptions& o) {
  LineInfo info;
  info.fs = line.font_size > 0 ? line.font_size : line.height();
  std::vector<const PdfWord*> cur;
  auto flush = [&]() {
    if (cur.empty()) return;
    Unit u;
    u.text = WordsText(cur);
    u.x0 = cur.front()->x0;
    u.x1 = cur.back()->x1;
    u.y0 = kInf;
    u.y1 = -kInf;
    for (const PdfWord* w : cur) {
      u.y0 = std::min(u.y0, w->y0);
      u.y1 = std::max(u.y1, w->y1);
      u.x1 = std::max(u.x1, w->x1);
      u.fs = std::max(u.fs, w->font_size);
    }
    u.numeric = IsNumericCellText(u.text);
    u.line = index;
    info.units.push_back(std::move(u));
    cur.clear();
  };
  // Text spread over a cell one character at a time ("因 公 出 国") is one
  // unit: single characters may be further apart than letters of a word.
  auto single_char = [](const PdfWord& w) {
    return CountCodePoints(w.text) == 1 &&
           static_cast<unsigned char>(w.text[0]) >= 0x80;
  };
  for (const PdfWord& w : line.words) {
    if (!cur.empty()) {
      double gap = w.x0 - cur.back()->x1;
      double fs = std::max(1.0, std::min(w.font_size, cur.back()->font_size));
      // Word spacing inside a label ("上海市 XX 局") may reach a third of
      // the font size; a number next to a label is another cell sooner.
      double limit =
          single_char(w) && single_char(*cur.back()) ? 0.6
          : IsNumericCellText(w.text) || IsNumericCellText(cur.back()->text)
              ? 0.25
              : 0.4;
      if (gap >= limit * fs) flush();
    }
    cur.push_back(&w);
  }
  flush();
  // Cells: units split at large gaps.
  info.cells = info.units.empty() ? 0 : 1;
  for (size_t i = 1; i < info.units.size(); ++i) {
    double gap = info.units[i].x0 - info.units[i - 1].x1;
    if (gap >= o.cell_gap * info.fs) ++info.cells;
  }
  for (const Unit& u : info.units) info.has_number |= u.numeric;
  info.table_like =
      info.cells >= o.min_cells || (info.cells >= 2 && info.has_number);
  // "部门：… 单位：万元" above a table is its caption, not a row.
  std::string text = LineText(line);
  if (IsUnitLine(text) || IsIssuerLine(text)) info.table_like = false;
  return info;
}

bool IsNoteLine(std::string_view text) {
  return StartsWith(text, "注：") || StartsWith(text, "注:") ||
         StartsWith(text, "说明：") || StartsWith(text, "备注：") ||
         StartsWith(text, "数据来源") || StartsWith(text, "注 ");
}

// "…单位：万元" -> "单位：万元"; "（金额单位：元）" -> "金额单位：元";
// "预算单位：上海市财政局单位:万元" -> "单位:万元".
std::string ExtractUnitText(std::string_view text) {
  // The last "单位" names the unit ("预算单位：上海市财政局 单位:万元").
  size_t pos = text.rfind("单位");
  if (pos == std::string_view::npos) return std::string(text);
  if (pos >= 6 && text.substr(pos - 6, 6) == "金额") pos -= 6;
  std::string out(text.substr(pos));
  for (std::string_view tail : {"）", ")", "】", "]"}) {
    if (out.size() >= tail.size() &&
        out.compare(out.size() - tail.size(), tail.size(), tail) == 0) {
      out.erase(out.size() - tail.size());
    }
  }
  return out;
}

bool HasProsePunctuation(std::string_view text) {
  return text.find("，") != std::string_view::npos ||
         text.find("。") != std::string_view::npos ||
         text.find("；") != std::string_view::npos;
}

// ---- Columns
// -----------------------------------------------------------------

struct Column {
  double a = 0, b = 0;  // covered interval
};

// How a column's body text is aligned (from what it holds).
enum { kAlignUnknown = 0, kAlignLeft = 1, kAlignRight = 2 };

// Intervals covered by units, merged where they touch or overlap.
std::vector<Column> Project(const std::vector<const Unit*>& units) {
  std::vector<const Unit*> sorted = units;
  std::sort(sorted.begin(), sorted.end(),
            [](const Unit* a, const Unit* b) { return a->x0 < b->x0; });
  std::vector<Column> cols;
  for (const Unit* u : sorted) {
    if (!cols.empty() && u->x0 <= cols.back().b) {
      cols.back().b = std::max(cols.back().b, u->x1);
    } else {
      cols.push_back({u->x0, u->x1});
    }
  }
  return cols;
}

// Splits a column where a few overflowing units bridge two dense groups, at
// least one of them numbers (a long label running into an empty value cell).
void SplitBridged(const std::vector<const Unit*>& units,
                  std::vector<Column>* cols) {
  std::vector<Column> out;
  for (const Column& c : *cols) {
    std::vector<const Unit*> in;
    for (const Unit* u : units) {
      if (u->x0 >= c.a - 0.01 && u->x1 <= c.b + 0.01) in.push_back(u);
    }
    std::vector<Column> pending{c};
    bool split_once = false;
    if (in.size() >= 5) {
      // Candidate cut points: just right of each unit end.
      double best_x = 0;
      size_t best_cross = in.size();
      for (const Unit* cand : in) {
        double x = cand->x1 + 0.01;
        if (x >= c.b) continue;
        size_t cross = 0, left = 0, right = 0, left_num = 0, right_num = 0;
        for (const Unit* u : in) {
          if (u->x1 <= x) {
            ++left;
            left_num += u->numeric;
          } else if (u->x0 >= x) {
            ++right;
            right_num += u->numeric;
          } else {
            ++cross;
          }
        }
        if (left < 2 || right < 2) continue;
        size_t limit = std::max<size_t>(1, in.size() / 10);
        if (cross > limit) continue;
        bool numbers = left_num * 10 >= left * 6 || right_num * 10 >= right * 6;
        if (!numbers) continue;
        if (cross < best_cross) {
          best_cross = cross;
          best_x = x;
        }
      }
      if (best_cross < in.size()) {
        // Right part starts at the leftmost unit entirely right of the cut.
        double right_a = c.b, left_b = c.a;
        for (const Unit* u : in) {
          if (u->x0 >= best_x) right_a = std::min(right_a, u->x0);
          if (u->x1 <= best_x) left_b = std::max(left_b, u->x1);
        }
        out.push_back({c.a, left_b});
        out.push_back({right_a, c.b});
        split_once = true;
      }
    }
    if (!split_once) out.push_back(c);
  }
  *cols = std::move(out);
}

// How the body text of a column is aligned: from geometry when the left or
// right edges agree, else numbers count as right-aligned and text as
// left-aligned.
int BodyAlign(const std::vector<const Unit*>& units, const Column& col) {
  double lo0 = kInf, hi0 = -kInf, lo1 = kInf, hi1 = -kInf;
  size_t n = 0, num = 0;
  for (const Unit* u : units) {
    if (std::min(u->x1, col.b) - std::max(u->x0, col.a) <= 0) continue;
    ++n;
    num += u->numeric;
    lo0 = std::min(lo0, u->x0);
    hi0 = std::max(hi0, u->x0);
    lo1 = std::min(lo1, u->x1);
    hi1 = std::max(hi1, u->x1);
  }
  if (n == 0) return kAlignUnknown;
  double spread0 = hi0 - lo0, spread1 = hi1 - lo1;
  if (spread1 < 1.5 && spread0 > 3) return kAlignRight;
  if (spread0 < 1.5 && spread1 > 3) return kAlignLeft;
  if (num * 10 >= n * 6) return kAlignRight;
  if (num * 10 <= n * 2) return kAlignLeft;
  return kAlignUnknown;
}

// Index of the column a unit belongs to: largest overlap; numbers by their
// right edge and text by its left edge when they span several columns.
int ColumnOf(const Unit& u, const std::vector<Column>& cols) {
  int best = -1;
  double best_ov = 0;
  int hits = 0;
  for (size_t i = 0; i < cols.size(); ++i) {
    double ov = std::min(u.x1, cols[i].b) - std::max(u.x0, cols[i].a);
    if (ov > 0) {
      ++hits;
      if (ov > best_ov) {
        best_ov = ov;
        best = static_cast<int>(i);
      }
    }
  }
  if (hits > 1) {
    double edge = u.numeric ? u.x1 - 0.01 : u.x0 + 0.01;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (edge >= cols[i].a - 0.5 && edge <= cols[i].b + 0.5) {
        return static_cast<int>(i);
      }
    }
  }
  if (best >= 0) return best;
  // In a gap: nearest column by centre.
  double cx = u.center_x(), best_d = kInf;
  for (size_t i = 0; i < cols.size(); ++i) {
    double d = cx < cols[i].a   ? cols[i].a - cx
               : cx > cols[i].b ? cx - cols[i].b
                                : 0;
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

// Columns a header atom covers by overlap (first, last); (-1,-1) if none.
std::pair<int, int> Covered(double x0, double x1,
                            const std::vector<Column>& cols) {
  int first = -1, last = -1;
  for (size_t i = 0; i < cols.size(); ++i) {
    double ov = std::min(x1, cols[i].b) - std::max(x0, cols[i].a);
    double w = std::min(x1 - x0, cols[i].b - cols[i].a);
    if (ov > 0.2 * std::max(1.0, w) || (ov > 0 && w < 2)) {
      if (first < 0) first = static_cast<int>(i);
      last = static_cast<int>(i);
    }
  }
  return {first, last};
}

// ---- Cells under construction
// ------------------------------------------------

struct CellBuild {
  std::vector<const Unit*> units;
  void Add(const Unit* u) { units.push_back(u); }
  bool empty() const { return units.empty(); }
  bool numeric() const {
    for (const Unit* u : units) {
      if (u->numeric) return true;
    }
    return false;
  }
  double x0() const {
    double v = kInf;
    for (const Unit* u : units) v = std::min(v, u->x0);
    return v;
  }
  double x1() const {
    double v = -kInf;
    for (const Unit* u : units) v = std::max(v, u->x1);
    return v;
  }
};

bool IsNumberFragment(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789,.") == s.npos;
}

// A number cut by a line or page break inside its cell: "21,213,300.",
// "17,628,90" (a short last thousands group), "1,234,".
bool IsCutNumber(std::string_view t) {
  if (!IsNumberFragment(t)) return false;
  if (t.back() == '.' || t.back() == ',') return true;
  std::string_view whole = t.substr(0, t.find('.'));
  size_t comma = whole.rfind(',');
  return t.find('.') == std::string_view::npos &&
         comma != std::string_view::npos && whole.size() - comma - 1 < 3;
}

// A number with well-formed separators: at most one '.', thousands groups
// of exactly three digits; a bare digit run of at most nine digits.
bool IsWellFormedNumber(std::string_view t) {
  if (!IsNumberFragment(t) || t.front() == '.' || t.front() == ',')
    return false;
  size_t dot = t.find('.');
  if (dot != std::string_view::npos &&
      (t.find('.', dot + 1) != std::string_view::npos ||
       t.find(',', dot) != std::string_view::npos || dot + 1 == t.size())) {
    return false;
  }
  std::string_view whole = t.substr(0, dot);
  if (whole.find(',') == std::string_view::npos) return whole.size() <= 9;
  size_t group = 0;
  for (size_t i = whole.size(); i-- > 0;) {
    if (whole[i] == ',') {
      if (group != 3) return false;
      group = 0;
    } else {
      ++group;
    }
  }
  return group >= 1 && group <= 3;
}

// Whether `next`, printed on the line below `text` in the same cell,
// continues it without a space: the rest of a cut number ("17,628,90" /
// "0.00", "8,125,700.0" / "0") or the next digits of a code written down a
// narrow cell ("2" / "0" / "1"). Two whole amounts ("20.00" / "20.00")
// never run together.
bool ContinuesNumber(std::string_view text, std::string_view next) {
  if (!IsNumberFragment(text) || !IsNumberFragment(next)) return false;
  std::string joined(text);
  joined += next;
  return IsWellFormedNumber(joined);
}

// Text of a cell: units in reading order (by line, then x).
std::string CellText(std::vector<const Unit*> units) {
  std::stable_sort(units.begin(), units.end(),
                   [](const Unit* a, const Unit* b) {
                     if (a->line != b->line) return a->line < b->line;
                     return a->x0 < b->x0;
                   });
  std::string out;
  int line = -1;
  for (const Unit* u : units) {
    // A number or code wrapped inside its cell ("17,628,90" / "0.00", "2" /
    // "0" / "1") continues without a space.
    if (u->line != line && ContinuesNumber(out, u->text)) {
      out += u->text;
    } else {
      AppendJoined(u->text, &out);
    }
    line = u->line;
  }
  return out;
}

std::optional<BBox> UnitsBox(const std::vector<const Unit*>& units) {
  if (units.empty()) return std::nullopt;
  BBox b{kInf, kInf, -kInf, -kInf};
  for (const Unit* u : units) {
    b.x0 = std::min(b.x0, u->x0);
    b.y0 = std::min(b.y0, u->y0);
    b.x1 = std::max(b.x1, u->x1);
    b.y1 = std::max(b.y1, u->y1);
  }
  return b;
}

struct RowBuild {
  std::vector<CellBuild> cells;
  double y0 = kInf, y1 = -kInf;
  double center_sum = 0;
  int line_count = 0;
  bool has_number() const {
    for (const CellBuild& c : cells) {
      if (c.numeric()) return true;
    }
    return false;
  }
  double center() const { return line_count > 0 ? center_sum / line_count : 0; }
};

// ---- Header
// ---------------------------------------------------------------------

struct Atom {
  std::vector<const Unit*> units;
  double x0 = kInf, y0 = kInf, x1 = -kInf, y1 = -kInf;
  double fs = 0;
  int first = -1, last = -1;  // columns spanned
  int r0 = -1, r1 = -1;       // header rows spanned
  void Add(const Unit* u) {
    units.push_back(u);
    x0 = std::min(x0, u->x0);
    y0 = std::min(y0, u->y0);
    x1 = std::max(x1, u->x1);
    y1 = std::max(y1, u->y1);
    fs = std::max(fs, u->fs);
  }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
};

// Header text as atoms: per line, units merged across small gaps while they
// cover the same columns; top line first.
std::vector<Atom> HeaderAtoms(const std::vector<LineInfo>& infos, int first,
                              int end, const std::vector<Column>& cols) {
  std::vector<std::vector<Atom>> by_line;
  for (int li = first; li < end; ++li) {
    std::vector<Atom> atoms;
    for (const Unit& u : infos[static_cast<size_t>(li)].units) {
      if (!atoms.empty()) {
        Atom& a = atoms.back();
        double gap = u.x0 - a.x1;
        auto ca = Covered(a.x0, a.x1, cols);
        auto cu = Covered(u.x0, u.x1, cols);
        bool same_cols = ca == cu;
        if (gap < 0.6 * std::max(1.0, u.fs) && same_cols) {
          a.Add(&u);
          continue;
        }
      }
      Atom a;
      a.Add(&u);
      atoms.push_back(std::move(a));
    }
    by_line.push_back(std::move(atoms));
  }
  std::vector<Atom> atoms;
  for (auto& line_atoms : by_line) {
    for (Atom& a : line_atoms) atoms.push_back(std::move(a));
  }
  return atoms;
}

// The cell edges of the header's columns and their uncertainty, per column.
// A column of right-aligned numbers ends just right of its numbers; a
// column of left-aligned labels starts just left of them; otherwise the
// edge is midway between the neighbouring texts, with an uncertainty of
// half the gap.
struct CellEdges {
  std::vector<double> edge_l, edge_r, unc_l, unc_r;
};

CellEdges HeaderCellEdges(const std::vector<Column>& cols,
                          const std::vector<int>& align,
                          const std::vector<Atom>& atoms) {
  const int ncols = static_cast<int>(cols.size());
  CellEdges edges;
  std::vector<double>& edge_l = edges.edge_l;
  std::vector<double>& edge_r = edges.edge_r;
  std::vector<double>& unc_l = edges.unc_l;
  std::vector<double>& unc_r = edges.unc_r;
  edge_l.resize(static_cast<size_t>(ncols));
  edge_r.resize(static_cast<size_t>(ncols));
  unc_l.resize(static_cast<size_t>(ncols));
  unc_r.resize(static_cast<size_t>(ncols));
  double pad = 0;
  {
    std::vector<double> gaps, sizes;
    for (int c = 0; c + 1 < ncols; ++c) {
      gaps.push_back(cols[static_cast<size_t>(c + 1)].a -
                     cols[static_cast<size_t>(c)].b);
    }
    for (const Atom& a : atoms) sizes.push_back(a.fs);
    pad = gaps.empty() ? 0 : std::max(0.0, Median(gaps) / 2);
    // Padding between text and border, and the uncertainty of an edge
    // placed by alignment (cells are not always tight around their text).
    const double p = 0.3 * (sizes.empty() ? 10.0 : Median(sizes));
    const double q = p / 0.3;
    auto al = [&](int c) { return align[static_cast<size_t>(c)]; };
    for (int c = 0; c < ncols; ++c) {
      const Column& col = cols[static_cast<size_t>(c)];
      if (c == 0) {
        edge_l[0] = al(0) == kAlignLeft ? col.a - p : col.a - pad;
        unc_l[0] = al(0) == kAlignLeft ? q : pad;
      }
      if (c + 1 == ncols) {
        edge_r[static_cast<size_t>(c)] =
            al(c) == kAlignRight ? col.b + p : col.b + pad;
        unc_r[static_cast<size_t>(c)] = al(c) == kAlignRight ? q : pad;
        continue;
      }
      const Column& next = cols[static_cast<size_t>(c + 1)];
      bool right = al(c) == kAlignRight, left = al(c + 1) == kAlignLeft;
      double b1 = col.b + p, b2 = next.a - p, e, u;
      if (right && left) {
        e = (b1 + b2) / 2;
        u = std::max(q, std::fabs(b2 - b1) / 2);
      } else if (right) {
        e = std::min(b1, next.a);
        u = q;
      } else if (left) {
        e = std::max(b2, col.b);
        u = q;
      } else {
        e = (col.b + next.a) / 2;
        u = (next.a - col.b) / 2;
      }
      edge_r[static_cast<size_t>(c)] = e;
      edge_l[static_cast<size_t>(c + 1)] = e;
      unc_r[static_cast<size_t>(c)] = u;
      unc_l[static_cast<size_t>(c + 1)] = u;
    }
  }
  return edges;
}

// 2. Column spans: covered columns, extended symmetrically while the text
// stays centred and the columns are free at this level. Returns the atoms'
// indices top-down.
std::vector<size_t> SpanAtoms(const std::vector<Column>& cols,
                              const CellEdges& edges,
                              std::vector<Atom>* atoms_io) {
  const int ncols = static_cast<int>(cols.size());
  std::vector<Atom>& atoms = *atoms_io;
  const std::vector<double>& edge_l = edges.edge_l;
  const std::vector<double>& edge_r = edges.edge_r;
  const std::vector<double>& unc_l = edges.unc_l;
  const std::vector<double>& unc_r = edges.unc_r;
  for (Atom& a : atoms) {
    auto [f, l] = Covered(a.x0, a.x1, cols);
    if (f < 0) {
      // Between columns: nearest column by centre.
      Unit tmp;
      tmp.x0 = a.x0;
      tmp.x1 = a.x1;
      f = l = ColumnOf(tmp, cols);
    }
    a.first = f;
    a.last = l;
  }
  auto same_level = [](const Atom& a, const Atom& b) {
    double ov = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    return ov > 0.3 * std::min(a.y1 - a.y0, b.y1 - b.y0);
  };
  // Process top-down: spans above are final when a span below is chosen,
  // so spans nest. Among centred spans the widest wins (centred text over
  // equal columns is centred over each symmetric extension too; blocked
  // columns stop the growth).
  std::vector<size_t> order(atoms.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return atoms[x].y0 < atoms[y].y0;
  });
  std::vector<bool> done(atoms.size(), false);
  for (size_t i : order) {
    Atom& a = atoms[i];
    const int f0 = a.first, l0 = a.last;
    auto above = [&](const Atom& o) {
      return o.y1 <= a.y0 + 0.3 * std::min(a.y1 - a.y0, o.y1 - o.y0) &&
             !same_level(a, o);
    };
    auto free_col = [&](int c) {
      for (size_t j = 0; j < atoms.size(); ++j) {
        if (j == i) continue;
        const Atom& o = atoms[j];
        bool in_c = c >= o.first && c <= o.last;
        // A same-level atom owns the column.
        if (in_c && same_level(a, o)) return false;
        if (!above(o)) continue;
        // An atom above in column c that does not cover a's own columns
        // belongs to another branch of the header.
        if (in_c && (o.first > f0 || o.last < l0)) return false;
        // An atom above over a's columns (final) must also cover c.
        if (done[j] && o.first <= l0 && o.last >= f0 && !in_c) return false;
      }
      return true;
    };
    auto centre = [&](int f, int l) {
      return (edge_l[static_cast<size_t>(f)] + edge_r[static_cast<size_t>(l)]) /
             2;
    };
    // Centred within the uncertainty of the cell edges (columns are bounded
    // by text extents, not borders).
    auto centred = [&](int f, int l) {
      double tol = 0.5 * a.fs + 0.5 * (unc_l[static_cast<size_t>(f)] +
                                       unc_r[static_cast<size_t>(l)]);
      return std::fabs(centre(f, l) - a.cx()) <= tol;
    };
    int best_f = f0, best_l = l0;
    bool is_centred = centred(f0, l0);
    for (int f = f0; f >= 0; --f) {
      if (f < f0 && !free_col(f)) break;
      for (int l = l0; l < ncols; ++l) {
        if (l > l0 && !free_col(l)) break;
        if (centred(f, l) && (l - f > best_l - best_f || !is_centred)) {
          best_f = f;
          best_l = l;
          is_centred = true;
        }
      }
    }
    a.first = best_f;
    a.last = best_l;
    done[i] = true;
  }
  return order;
}

// 3. Joins wrapped header text: an atom right below another (the nearest
// atom above that overlaps it) spanning the same columns, no more than a
// line spacing apart.
void JoinWrappedAtoms(const std::vector<size_t>& order,
                      std::vector<Atom>* atoms_io) {
  std::vector<Atom>& atoms = *atoms_io;
  {
    std::vector<bool> dead(atoms.size(), false);
    for (size_t i : order) {
      Atom& a = atoms[i];
      int nearest = -1;
      for (size_t k = 0; k < atoms.size(); ++k) {
        if (k == i || dead[k]) continue;
        const Atom& up = atoms[k];
        if (std::min(a.x1, up.x1) - std::max(a.x0, up.x0) <= 0) continue;
        if (up.y1 > a.y0 + 0.3 * a.fs || up.y0 >= a.y0) continue;
        if (nearest < 0 || up.y1 > atoms[static_cast<size_t>(nearest)].y1) {
          nearest = static_cast<int>(k);
        }
      }
      if (nearest < 0) continue;
      Atom& up = atoms[static_cast<size_t>(nearest)];
      double gap = a.y0 - up.y1;
      bool under = a.cx() > up.x0 - 0.5 * a.fs && a.cx() < up.x1 + 0.5 * a.fs;
      if (up.first == a.first && up.last == a.last && under &&
          gap <= 0.6 * std::max(a.fs, up.fs)) {
        for (const Unit* u : a.units) up.Add(u);
        dead[i] = true;
      }
    }
    std::vector<Atom> alive;
    for (size_t i = 0; i < atoms.size(); ++i) {
      if (!dead[i]) alive.push_back(std::move(atoms[i]));
    }
    atoms = std::move(alive);
  }
}

// 4. Rows: stacks atoms per column; the tallest stack gives the row count
// (at most 8), shorter stacks get row spans where their text is centred.
// Sets each atom's rows; returns the row count (0: none).
int StackRows(int ncols, std::vector<Atom>* atoms_io) {
  std::vector<Atom>& atoms = *atoms_io;
  std::vector<std::vector<int>> stacks(static_cast<size_t>(ncols));
  for (size_t i = 0; i < atoms.size(); ++i) {
    for (int c = atoms[i].first; c <= atoms[i].last; ++c) {
      stacks[static_cast<size_t>(c)].push_back(static_cast<int>(i));
    }
  }
  int rows = 0;
  for (auto& s : stacks) {
    std::sort(s.begin(), s.end(), [&](int x, int y) {
      return atoms[static_cast<size_t>(x)].cy() <
             atoms[static_cast<size_t>(y)].cy();
    });
    rows = std::max(rows, static_cast<int>(s.size()));
  }
  if (rows == 0) return 0;
  rows = std::min(rows, 8);
  std::vector<double> row_center(static_cast<size_t>(rows), 0);
  std::vector<int> row_n(static_cast<size_t>(rows), 0);
  for (auto& s : stacks) {
    if (static_cast<int>(s.size()) != rows) continue;
    for (int k = 0; k < rows; ++k) {
      Atom& a = atoms[static_cast<size_t>(s[static_cast<size_t>(k)])];
      row_center[static_cast<size_t>(k)] += a.cy();
      ++row_n[static_cast<size_t>(k)];
      if (a.r0 < 0) {
        a.r0 = a.r1 = k;
      } else {
        a.r0 = std::min(a.r0, k);
        a.r1 = std::max(a.r1, k);
      }
    }
  }
  for (int k = 0; k < rows; ++k) {
    if (row_n[static_cast<size_t>(k)] > 0) {
      row_center[static_cast<size_t>(k)] /= row_n[static_cast<size_t>(k)];
    }
  }
  // Shorter stacks: choose row ranges (in order, covering all rows) whose
  // centres best match the atoms' centres.
  for (auto& s : stacks) {
    int m = static_cast<int>(s.size());
    if (m == 0 || m >= rows) continue;
    // Enumerate cut positions: starts[0] = 0 < starts[1] < ... < rows.
    std::vector<int> starts(static_cast<size_t>(m));
    std::vector<int> best_starts;
    double best_cost = kInf;
    // Iterative enumeration of combinations of m-1 cuts from 1..rows-1.
    std::vector<int> cuts(static_cast<size_t>(m - 1));
    for (int k = 0; k < m - 1; ++k) cuts[static_cast<size_t>(k)] = k + 1;
    while (true) {
      starts[0] = 0;
      for (int k = 1; k < m; ++k) {
        starts[static_cast<size_t>(k)] = cuts[static_cast<size_t>(k - 1)];
      }
      double cost = 0;
      bool ok = true;
      for (int k = 0; k < m; ++k) {
        int r0 = starts[static_cast<size_t>(k)];
        int r1 = k + 1 < m ? starts[static_cast<size_t>(k + 1)] - 1 : rows - 1;
        const Atom& a = atoms[static_cast<size_t>(s[static_cast<size_t>(k)])];
        if (a.r0 >= 0 && (a.r0 != r0 || a.r1 != r1)) {
          cost += 1000;  // prefer agreeing with full stacks
        }
        double c = (row_center[static_cast<size_t>(r0)] +
                    row_center[static_cast<size_t>(r1)]) /
                   2;
        cost += std::fabs(c - a.cy());
      }
      if (ok && cost < best_cost) {
        best_cost = cost;
        best_starts = starts;
      }
      // Next combination.
      int k = m - 2;
      while (k >= 0 && cuts[static_cast<size_t>(k)] == rows - 1 - (m - 2 - k)) {
        --k;
      }
      if (k < 0) break;
      ++cuts[static_cast<size_t>(k)];
      for (int j = k + 1; j < m - 1; ++j) {
        cuts[static_cast<size_t>(j)] = cuts[static_cast<size_t>(j - 1)] + 1;
      }
    }
    for (int k = 0; k < m; ++k) {
      Atom& a = atoms[static_cast<size_t>(s[static_cast<size_t>(k)])];
      if (a.r0 >= 0) continue;
      a.r0 = best_starts[static_cast<size_t>(k)];
      a.r1 = k + 1 < m ? best_starts[static_cast<size_t>(k + 1)] - 1 : rows - 1;
    }
  }
  return rows;
}

// 5. The header grid: each atom's cell at its anchor, shrunk to the free
// rectangle; text of an atom whose anchor is taken joins the owner's.
void FillHeaderGrid(int rows, int ncols, int page, std::vector<Atom>* atoms_io,
                    Table* table) {
  std::vector<Atom>& atoms = *atoms_io;
  std::vector<std::vector<Cell>> grid(
      static_cast<size_t>(rows), std::vector<Cell>(static_cast<size_t>(ncols)));
  std::vector<std::vector<int>> owner(
      static_cast<size_t>(rows),
      std::vector<int>(static_cast<size_t>(ncols), -1));
  for (size_t i = 0; i < atoms.size(); ++i) {
    Atom& a = atoms[i];
    if (a.r0 < 0) a.r0 = a.r1 = std::min(rows - 1, 0);
    a.r1 = std::min(a.r1, rows - 1);
    // Shrink to the free rectangle starting at the anchor.
    int r0 = a.r0, c0 = a.first;
    int existing = owner[static_cast<size_t>(r0)][static_cast<size_t>(c0)];
    if (existing >= 0) {
      // Occupied: append the text to the owner so nothing is lost.
      Cell& anchor =
          grid[static_cast<size_t>(atoms[static_cast<size_t>(existing)].r0)]
              [static_cast<size_t>(atoms[static_cast<size_t>(existing)].first)];
      AppendJoined(CellText(a.units), &anchor.text);
      continue;
    }
    int r1 = a.r1, c1 = a.last;
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) {
        if (owner[static_cast<size_t>(r)][static_cast<size_t>(c)] >= 0) {
          if (r == r0) {
            c1 = std::min(c1, c - 1);
          } else {
            r1 = std::min(r1, r - 1);
          }
        }
      }
    }
    a.r1 = r1;
    a.last = c1;
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) {
        owner[static_cast<size_t>(r)][static_cast<size_t>(c)] =
            static_cast<int>(i);
        if (r != r0 || c != c0) {
          grid[static_cast<size_t>(r)][static_cast<size_t>(c)].covered = true;
          grid[static_cast<size_t>(r)][static_cast<size_t>(c)].page = page;
        }
      }
    }
    Cell& cell = grid[static_cast<size_t>(r0)][static_cast<size_t>(c0)];
    cell.text = CellText(a.units);
    cell.row_span = r1 - r0 + 1;
    cell.col_span = c1 - c0 + 1;
    cell.page = page;
    cell.bbox = BBox{a.x0, a.y0, a.x1, a.y1};
  }
  for (auto& row : grid) {
    for (Cell& c : row) {
      if (c.page == 0) c.page = page;
    }
    table->AddRow(std::move(row));
  }
  table->header_rows = rows;
}

// Builds header rows into `table` (rows appended; table->header_rows set).
void BuildHeader(const std::vector<LineInfo>& infos, int first, int end,
                 const std::vector<Column>& cols, const std::vector<int>& align,
                 int page, Table* table) {
  const int ncols = static_cast<int>(cols.size());
  std::vector<Atom> atoms = HeaderAtoms(infos, first, end, cols);
  if (atoms.empty()) return;
  CellEdges edges = HeaderCellEdges(cols, align, atoms);
  std::vector<size_t> order = SpanAtoms(cols, edges, &atoms);
  JoinWrappedAtoms(order, &atoms);
  int rows = StackRows(ncols, &atoms);
  if (rows == 0) return;
  FillHeaderGrid(rows, ncols, page, &atoms, table);
}

// ---- Body
// ---------------------------------------------------------------------

// Whether the last line of a cell's text reaches the right end of its
// column (so the text may continue on the next line).
bool FillsColumn(const CellBuild& cell, const Column& col, double fs) {
  if (cell.empty()) return false;
  int last_line = -1;
  for (const Unit* u : cell.units) last_line = std::max(last_line, u->line);
  double x1 = -kInf;
  for (const Unit* u : cell.units) {
    if (u->line == last_line) x1 = std::max(x1, u->x1);
  }
  return x1 >= col.b - 1.2 * fs;
}

// Whether a horizontal ruling ends, at both ends, at a cell border: at a
// vertical ruling that crosses it, or outside the text of every column (a
// border stopped by a merged cell, where the table draws no vertical).
// Glyph strokes that happen to line up end inside a column's text.
bool EndsAtBorders(const PdfRuling& h, const std::vector<PdfRuling>& all,
                   const std::vector<Column>& cols) {
  constexpr double kSlack = 2;  // points
  double y = (h.y0 + h.y1) / 2;
  auto at_border = [&](double x) {
    for (const PdfRuling& v : all) {
      if (!v.vertical() || v.y0 > y + kSlack || v.y1 < y - kSlack) continue;
      if (std::fabs((v.x0 + v.x1) / 2 - x) <= kSlack) return true;
    }
    for (const Column& c : cols) {
      if (x > c.a - 0.5 && x < c.b + 0.5) return false;
    }
    return true;
  };
  return at_border(h.x0) && at_border(h.x1);
}

// Whether a ruling separates a line from the row above, cell by cell: for
// each cell of the line, a ruling over that cell lying between the cell's
// text and the text above it in the same column (`above[c]`: the centre of
// the row's last line with text in column c, or of its first line). Rulings
// of merged-cell tables stop at the merged columns, so only those over the
// line's own cells count.
bool RuledBetween(const std::vector<PdfRuling>& rules,
                  const std::vector<double>& above, double center,
                  const RowBuild& line) {
  for (const PdfRuling& r : rules) {
    double y = (r.y0 + r.y1) / 2;
    if (y >= center) continue;
    for (size_t c = 0; c < line.cells.size(); ++c) {
      const CellBuild& cell = line.cells[c];
      if (cell.empty() || y <= above[c]) continue;
      if (std::min(r.x1, cell.x1()) - std::max(r.x0, cell.x0()) > 0)
        return true;
    }
  }
  return false;
}

// The body lines from `first` to `end`, each split into the cells of
// `cols`; `line_fs`: each line's font size (at least 1).
std::vector<RowBuild> BodyLines(const std::vector<LineInfo>& infos, int first,
                                int end, const std::vector<Column>& cols,
                                std::vector<double>* line_fs_out) {
  const size_t ncols = cols.size();
  std::vector<double>& line_fs = *line_fs_out;
  std::vector<RowBuild> lines;
  for (int li = first; li < end; ++li) {
    const LineInfo& info = infos[static_cast<size_t>(li)];
    if (info.units.empty()) continue;
    RowBuild line;
    line.cells.resize(ncols);
    for (const Unit& u : info.units) {
      int c = ColumnOf(u, cols);
      if (c < 0) continue;
      line.cells[static_cast<size_t>(c)].Add(&u);
      line.y0 = std::min(line.y0, u.y0);
      line.y1 = std::max(line.y1, u.y1);
    }
    line.center_sum = (line.y0 + line.y1) / 2;
    line.line_count = 1;
    lines.push_back(std::move(line));
    line_fs.push_back(std::max(1.0, info.fs));
  }
  return lines;
}

// The table's own spacing: the gap between the two lines of a label that
// surely wraps (its rest is short: "款", "出") and the gap between rows
// that surely differ (both hold numbers). A label-only line as long as a
// full label is then a row of its own when it sits a row gap below.
void TableSpacing(const std::vector<RowBuild>& lines,
                  const std::vector<double>& line_fs,
                  const std::vector<Column>& cols,
                  std::optional<double>* wrap_gap,
                  std::optional<double>* row_gap) {
  const size_t ncols = cols.size();
  std::vector<double> wrap_gaps, row_gaps;
  for (size_t k = 1; k < lines.size(); ++k) {
    const RowBuild& a = lines[k - 1];
    const RowBuild& b = lines[k];
    double gap = b.y0 - a.y1;
    if (a.has_number() && b.has_number()) {
      row_gaps.push_back(gap);
      continue;
    }
    if (b.has_number()) continue;
    bool sure_wrap = true, any = false;
    for (size_t c = 0; c < ncols && sure_wrap; ++c) {
      if (b.cells[c].empty()) continue;
      any = true;
      sure_wrap = !a.cells[c].empty() && !a.cells[c].numeric() &&
                  FillsColumn(a.cells[c], cols[c], line_fs[k]) &&
                  !FillsColumn(b.cells[c], cols[c], line_fs[k]);
    }
    if (any && sure_wrap) wrap_gaps.push_back(gap);
  }
  if (!wrap_gaps.empty()) *wrap_gap = Median(wrap_gaps);
  if (!row_gaps.empty()) *row_gap = Median(row_gaps);
}

// `rules`: the horizontal rulings over the table body; when there are some,
// rows are the bands between them (a cell's text wrapped over several lines
// stays one row) instead of being inferred from line spacing.
void BuildBody(const std::vector<LineInfo>& infos, int first, int end,
               const std::vector<Column>& cols, int page,
               const std::vector<PdfRuling>& rules, bool* ambiguous,
               Table* table) {
  const size_t ncols = cols.size();
  std::vector<double> line_fs;
  std::vector<RowBuild> lines = BodyLines(infos, first, end, cols, &line_fs);
  std::optional<double> wrap_gap, row_gap;
  TableSpacing(lines, line_fs, cols, &wrap_gap, &row_gap);

  auto gap_to = [](const RowBuild& a, const RowBuild& b) {
    return b.y0 - a.y1;
  };
  std::vector<RowBuild> rows;
  // Per column: centre of the last line of rows.back() with text there (or
  // of its first line).
  std::vector<double> above(ncols, 0);
  for (size_t k = 0; k < lines.size(); ++k) {
    RowBuild line = lines[k];
    if (!rows.empty() && !rules.empty()) {
      RowBuild& prev = rows.back();
      double center = line.center();
      if (!RuledBetween(rules, above, center, line)) {
        for (size_t c = 0; c < ncols; ++c) {
          for (const Unit* u : line.cells[c].units) prev.cells[c].Add(u);
        }
        prev.y0 = std::min(prev.y0, line.y0);
        prev.y1 = std::max(prev.y1, line.y1);
        for (size_t c = 0; c < ncols; ++c) {
          if (!line.cells[c].empty()) above[c] = center;
        }
        continue;
      }
    } else if (!rows.empty()) {
      RowBuild& prev = rows.back();
      double fs = line_fs[k];
      bool disjoint = true;
      for (size_t c = 0; c < ncols; ++c) {
        if (!line.cells[c].empty() && !prev.cells[c].empty()) disjoint = false;
      }
      double dc = std::fabs(line.center() - (prev.y0 + prev.y1) / 2);
      // (a) Closer than a row pitch, in other columns: the same row.
      bool same_row = disjoint && dc < 0.85 * fs;
      // (b) A text-only line continuing labels that filled their column.
      bool wrapped = false;
      if (!same_row && !line.has_number()) {
        wrapped = true;
        for (size_t c = 0; c < ncols && wrapped; ++c) {
          const CellBuild& lc = line.cells[c];
          if (lc.empty()) continue;
          const CellBuild& pc = prev.cells[c];
          if (pc.empty() || pc.numeric() || !FillsColumn(pc, cols[c], fs)) {
            wrapped = false;
            break;
          }
          std::string text = CellText(lc.units);
          if (StartsWithNumbering(text)) wrapped = false;
          if (lc.x0() > pc.x0() + 1.5 * fs) wrapped = false;  // indented
        }
        double gap = line.y0 - prev.y1;
        if (gap > 0.8 * fs) wrapped = false;
        // A "continuation" that fills its column too may as well be a row
        // of its own with blank values: the table's spacing tells when its
        // wrap and row gaps differ, else only rulings can.
        bool fills = false;
        for (size_t c = 0; c < ncols; ++c) {
          if (!line.cells[c].empty() &&
              FillsColumn(line.cells[c], cols[c], fs)) {
            fills = true;
          }
        }
        if (wrapped && fills) {
          if (wrap_gap && row_gap && *row_gap - *wrap_gap > 0.15 * fs) {
            wrapped = std::fabs(gap - *wrap_gap) < std::fabs(gap - *row_gap);
          } else if (ambiguous != nullptr) {
            *ambiguous = true;
          }
        }
      }
      // (c) A label alone on its line that fills its column, then a line
      // with numbers whose label starts where it does: a label wrapped with
      // its values on its last line ("机关事业单位" / "基本养老保险缴费支出
      // 6.18"), or a row with blank values above another row.
      bool label_first = false;
      if (!same_row && !wrapped && line.has_number() && !prev.has_number() &&
          prev.line_count == 1) {
        label_first = true;
        bool shared = false;
        for (size_t c = 0; c < ncols && label_first; ++c) {
          const CellBuild& pc = prev.cells[c];
          if (pc.empty()) continue;
          const CellBuild& lc = line.cells[c];
          if (pc.numeric() || !FillsColumn(pc, cols[c], fs) || lc.empty() ||
              lc.numeric() || std::fabs(lc.x0() - pc.x0()) > 0.5 * fs ||
              StartsWithNumbering(CellText(lc.units))) {
            label_first = false;
          }
          shared = true;
        }
        label_first = label_first && shared && line.y0 - prev.y1 <= 0.8 * fs;
        if (label_first) {
          if (wrap_gap && row_gap && *row_gap - *wrap_gap > 0.15 * fs) {
            label_first = std::fabs(gap_to(prev, line) - *wrap_gap) <
                          std::fabs(gap_to(prev, line) - *row_gap);
          } else {
            if (ambiguous != nullptr) *ambiguous = true;
            label_first = false;
          }
        }
      }
      if (same_row || wrapped || label_first) {
        for (size_t c = 0; c < ncols; ++c) {
          for (const Unit* u : line.cells[c].units) prev.cells[c].Add(u);
        }
        prev.y0 = std::min(prev.y0, line.y0);
        prev.y1 = std::max(prev.y1, line.y1);
        prev.line_count += label_first ? 1 : 0;
        continue;
      }
    }
    above.assign(ncols, line.center());
    rows.push_back(std::move(line));
  }
  for (const RowBuild& r : rows) {
    std::vector<Cell> row(ncols);
    for (size_t c = 0; c < ncols; ++c) {
      row[c].page = page;
      if (r.cells[c].empty()) continue;
      row[c].text = CellText(r.cells[c].units);
      row[c].bbox = UnitsBox(r.cells[c].units);
    }
    table->AddRow(std::move(row));
  }
}

std::string HeaderKey(const Table& t) {
  std::string key;
  for (int r = 0; r < t.header_rows && r < static_cast<int>(t.rows.size());
       ++r) {
    for (const Cell& c : t.rows[static_cast<size_t>(r)]) {
      for (char ch : c.text) {
        if (ch != ' ') key.push_back(ch);
      }
      key.push_back('|');
    }
  }
  return key;
}

}  // namespace

bool IsNumericCellText(std::string_view text) {
  // Trim spaces.
  while (!text.empty() && (text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ')) text.remove_suffix(1);
  if (text.empty()) return false;
  bool paren = false;
  if (text.front() == '(' && text.back() == ')') {
    text = text.substr(1, text.size() - 2);
    paren = true;
  }
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    text.remove_prefix(1);
  } else if (StartsWith(text, "−") || StartsWith(text, "－")) {
    text.remove_prefix(3);
  }
  if (!paren && !text.empty() && text.back() == '%') text.remove_suffix(1);
  if (!paren && text.size() >= 3 && text.substr(text.size() - 3) == "％") {
    text.remove_suffix(3);
  }
  if (text.empty()) return false;
  size_t i = 0, digits = 0;
  bool seen_dot = false;
  char prev = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == ',') {
      if (seen_dot || prev < '0' || prev > '9') return false;
      if (i + 1 >= text.size() || text[i + 1] < '0' || text[i + 1] > '9') {
        return false;
      }
    } else if (c == '.') {
      if (seen_dot || prev < '0' || prev > '9') return false;
      if (i + 1 >= text.size() || text[i + 1] < '0' || text[i + 1] > '9') {
        return false;
      }
      seen_dot = true;
    } else {
      return false;
    }
    prev = c;
  }
  return digits > 0;
}

// Whether a grid built from word positions alone shows cells that wrapped
// inside a ruled grid, so that the page's ruling lines are worth finding:
//  - numbers cut at a line break ("17,628,90", "21,213,300.", ".00");
//  - rows of number pieces without text, beside rows of labels;
//  - a row of short pieces completing the numbers above it ("00" under
//    "101,200.", "0" under "78,700.0");
//  - values between the lines of their label ("一、财政" / 13,649.07 /
//    "拨款"), twice or more;
//  - text written down a narrow cell one character a line ("人" / "员" /
//    "经"), three rows in a row.
bool LooksWrapped(const Table& t) {
  const size_t first = static_cast<size_t>(t.header_rows);
  int orphan_rows = 0, cut_numbers = 0, label_rows = 0;
  for (size_t r = first; r < t.rows.size(); ++r) {
    bool text = false, fragment = false;
    for (const Cell& c : t.rows[r]) {
      if (c.text.empty() || c.covered) continue;
      if (!IsNumberFragment(c.text)) {
        text = true;
        continue;
      }
      fragment = true;
      if (c.text.front() == '.' || c.text.back() == ',' ||
          c.text.back() == '.') {
        ++cut_numbers;
        continue;
      }
      // Thousands groups of three digits: "17,628,90" is cut.
      std::string_view whole =
          std::string_view(c.text).substr(0, c.text.find('.'));
      size_t last = whole.rfind(',');
      if (last != std::string_view::npos && whole.size() - last - 1 != 3)
        ++cut_numbers;
    }
    if (text) ++label_rows;
    if (fragment && !text) ++orphan_rows;
  }
  if (cut_numbers >= 2 || (orphan_rows >= 2 && label_rows >= 2)) return true;

  for (size_t r = first + 1; r < t.rows.size(); ++r) {
    int pieces = 0;
    bool all = true;
    for (size_t c = 0; c < t.rows[r].size() && all; ++c) {
      const std::string& below = t.rows[r][c].text;
      if (below.empty()) continue;
      const std::string& above = t.rows[r - 1][c].text;
      all = below.size() <= 3 && ContinuesNumber(above, below);
      ++pieces;
    }
    if (all && pieces >= 2) return true;
  }

  auto has_number = [](const std::vector<Cell>& row) {
    for (const Cell& c : row) {
      if (c.state() == CellState::kNumber) return true;
    }
    return false;
  };
  int sandwiched = 0;
  for (size_t r = first + 1; r + 1 < t.rows.size(); ++r) {
    const std::vector<Cell>& up = t.rows[r - 1];
    const std::vector<Cell>& row = t.rows[r];
    const std::vector<Cell>& down = t.rows[r + 1];
    if (!has_number(row) || has_number(up) || has_number(down)) continue;
    for (size_t c = 0; c < row.size(); ++c) {
      if (row[c].text.empty() && up[c].state() == CellState::kText &&
          down[c].state() == CellState::kText) {
        ++sandwiched;
        break;
      }
    }
    if (sandwiched >= 2) return true;
  }

  int run = 0;
  for (size_t r = first; r < t.rows.size(); ++r) {
    bool single = false, other = false;
    for (const Cell& c : t.rows[r]) {
      if (c.text.empty()) continue;
      size_t at = 0;
      if (CountCodePoints(c.text) == 1 &&
          IsCjkIdeograph(DecodeUtf8(c.text, &at))) {
        single = true;
      } else if (c.state() == CellState::kText) {
        other = true;
      }
    }
    run = single && !other ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

namespace {

// One page's lines as table finding sees them: each line analyzed into
// units, and its text.
struct PageLines {
  const std::vector<PdfLine>& lines;
  const PdfPageInput& page;
  const PdfTableOptions& o;
  std::vector<LineInfo> infos;
  std::vector<std::string> texts;

  // Two lines inside one ruled grid belong together however tall its rows
  // are: the vertical rulings at either line mostly run on to the other
  // (the sub-grids of a form share only their outer borders).
  bool SameGrid(int upper, int lower) const {
    const PdfLine& a = lines[static_cast<size_t>(upper)];
    const PdfLine& b = lines[static_cast<size_t>(lower)];
    double lo = std::min(a.x0, b.x0) - 20, hi = std::max(a.x1, b.x1) + 20;
    int at_a = 0, at_b = 0, both = 0;
    for (const PdfRuling& r : page.rulings) {
      if (!r.vertical()) continue;
      double x = (r.x0 + r.x1) / 2;
      if (x < lo || x > hi) continue;
      bool ca = r.y0 <= a.center() && r.y1 >= a.center();
      bool cb = r.y0 <= b.center() && r.y1 >= b.center();
      at_a += ca;
      at_b += cb;
      both += ca && cb && r.y1 >= b.center() && r.y0 <= a.center();
    }
    return both >= 2 && both * 4 >= 3 * std::max(at_a, at_b);
  }
  // `grid_from`: a line of the table; a later line in the same ruled grid
  // as it is bridged to whatever the gap (rows downwards; header lines
  // upwards are only taken by spacing: a form's key-value lines above a
  // table of amounts are not its header). -1: spacing only.
  bool GapOk(int upper, int lower, double fs, int grid_from = -1) const {
    double gap = lines[static_cast<size_t>(lower)].y0 -
                 lines[static_cast<size_t>(upper)].y1;
    return gap <= o.max_line_gap * std::max(fs, 1.0) ||
           (grid_from >= 0 && SameGrid(grid_from, lower));
  }
  bool SizeOk(int i, double fs, double lo, double hi) const {
    double f = infos[static_cast<size_t>(i)].fs;
    return f >= lo * fs && f <= hi * fs;
  }
  bool ProseLike(int i, double width) const {
    const LineInfo& info = infos[static_cast<size_t>(i)];
    const PdfLine& l = lines[static_cast<size_t>(i)];
    return info.cells <= 1 && l.x1 - l.x0 > 0.7 * width &&
           HasProsePunctuation(texts[static_cast<size_t>(i)]);
  }
};

// A run of table lines grown into a table region.
struct Region {
  int start = 0;              // the table-like line the run started at
  int first = 0, last = 0;    // lines [first, last]
  std::vector<double> sizes;  // font sizes of its table lines
  double x0 = 0, x1 = 0;      // horizontal extent
  int table_lines = 0;
  double fs = 0;  // median font size of its table lines
};

// Grows a run of table lines from the table-like line `start`: table lines,
// and the label-only, wrapped or header lines between them (taken when
// table lines follow, or when they sit inside the table's box). False when
// the run is no table: fewer than min_table_lines lines and not one row of
// several numbers (a "三公" table). `r` holds the run either way.
bool GrowRegion(const PageLines& pl, int start, Region* region) {
  const int i = start;
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<LineInfo>& infos = pl.infos;
  const std::vector<std::string>& texts = pl.texts;
  const PdfTableOptions& o = pl.o;
  const int n = static_cast<int>(pl.lines.size());
  int first = i, last = i;
  std::vector<double> sizes{infos[static_cast<size_t>(i)].fs};
  double x0 = lines[static_cast<size_t>(i)].x0,
         x1 = lines[static_cast<size_t>(i)].x1;
  int table_lines = 1;
  for (int j = i + 1; j < n; ++j) {
    double fs = Median(sizes);
    const LineInfo& info = infos[static_cast<size_t>(j)];
    const std::string& t = texts[static_cast<size_t>(j)];
    if (!pl.GapOk(last, j, fs, /*grid_from=*/i)) {
      // Blank rows or a tall row: a table line may follow further down.
      double gap = lines[static_cast<size_t>(j)].y0 -
                   lines[static_cast<size_t>(last)].y1;
      if (!info.table_like ||
          !pl.SizeOk(j, fs, 0.8, info.has_number ? 2.0 : 1.25) ||
          gap > 15 * fs) {
        break;
      }
    }
    if (info.table_like && pl.SizeOk(j, fs, 0.5, info.has_number ? 2.0 : 1.6)) {
      last = j;
      ++table_lines;
      sizes.push_back(info.fs);
      x0 = std::min(x0, lines[static_cast<size_t>(j)].x0);
      x1 = std::max(x1, lines[static_cast<size_t>(j)].x1);
      continue;
    }
    // A non-table line: a label-only row, a wrapped label or a header
    // line between table lines. Taken when table lines follow, or when
    // it sits inside the table's box and looks like the table.
    if (!pl.SizeOk(j, fs, 0.7, 1.4) || pl.ProseLike(j, x1 - x0) ||
        IsNoteLine(t) || IsUnitLine(t) || IsIssuerLine(t)) {
      break;
    }
    bool bridged = false;
    for (int k = j + 1; k < n && k <= j + 3; ++k) {
      if (!pl.GapOk(k - 1, k, fs)) break;
      const std::string& tk = texts[static_cast<size_t>(k)];
      if (IsNoteLine(tk) || IsUnitLine(tk) || IsIssuerLine(tk) ||
          pl.ProseLike(k, x1 - x0)) {
        break;
      }
      if (infos[static_cast<size_t>(k)].table_like &&
          pl.SizeOk(k, fs, 0.6, 1.6)) {
        bridged = true;
        break;
      }
    }
    bool inside = lines[static_cast<size_t>(j)].x0 >= x0 - fs &&
                  lines[static_cast<size_t>(j)].x1 <= x1 + fs;
    if (!bridged && !inside && !pl.SameGrid(i, j)) break;
    last = j;
  }
  region->start = i;
  region->first = first;
  region->last = last;
  region->sizes = std::move(sizes);
  region->x0 = x0;
  region->x1 = x1;
  region->table_lines = table_lines;
  // Trailing non-table lines that are not followed by table lines are
  // kept only when inside the table box (label-only rows); drop a final
  // line that looks like a caption of something below.
  // One row of several numbers (a "三公" table) is a table too.
  int numbers_in_first = 0;
  for (const Unit& u : infos[static_cast<size_t>(i)].units) {
    numbers_in_first += u.numeric;
  }
  if (table_lines < o.min_table_lines && numbers_in_first < 3) {
    return false;
  }
  return true;
}

// Extends the region upwards over header lines: close enough, of a
// table's size, not prose, a unit, issuer or note line, and not a title.
void ExtendUp(const PageLines& pl, const std::vector<bool>& used,
              Region* region) {
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<LineInfo>& infos = pl.infos;
  const std::vector<std::string>& texts = pl.texts;
  int& first = region->first;
  double& x0 = region->x0;
  double& x1 = region->x1;
  const double fs = region->fs;
  const int i = region->start;
  while (first > 0) {
    int j = first - 1;
    if (used[static_cast<size_t>(j)]) break;
    const std::string& t = texts[static_cast<size_t>(j)];
    const LineInfo& info = infos[static_cast<size_t>(j)];
    // Header rows may be tall, and header text larger than the body's.
    // (A tall first row or header row: allow more room right above the
    // body.)
    double room = info.cells >= 2 ? std::max(fs, info.fs) : fs;
    if (!pl.GapOk(j, first, first == i && info.cells >= 2 ? 2 * room : room)) {
      break;
    }
    if (IsUnitLine(t) || IsIssuerLine(t) || IsNoteLine(t)) break;
    if (!pl.SizeOk(j, fs, 0.6, 2.0)) break;
    if (pl.ProseLike(j, x1 - x0)) break;
    const PdfLine& l = lines[static_cast<size_t>(j)];
    // Header lines may reach over blank columns to the right, but not
    // start far left of the table; a single wide cell is a title.
    if (l.x0 < x0 - 2 * std::max(fs, info.fs) - 0.1 * (x1 - x0)) break;
    if (info.cells <= 1 && l.x1 - l.x0 > 0.5 * (x1 - x0)) break;
    // A single line in a larger font than the table below is its title.
    double below_fs = std::max(fs, infos[static_cast<size_t>(first)].fs);
    if (info.cells <= 1 && info.fs > below_fs * 1.15) break;
    if (info.cells <= 1 && t.size() > 3 && (t.rfind("表") == t.size() - 3) &&
        info.fs >= fs * 1.1) {
      break;
    }
    first = j;
    x0 = std::min(x0, l.x0);
    x1 = std::max(x1, l.x1);
  }
}

void AbsorbHeaderTable(const PageLines& pl, std::vector<PdfTable>* tables_io,
                       std::vector<bool>* used_io, Region* region) {
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<LineInfo>& infos = pl.infos;
  int& first = region->first;
  double& x0 = region->x0;
  double& x1 = region->x1;
  const double fs = region->fs;
  std::vector<PdfTable>& tables = *tables_io;
  std::vector<bool>& used = *used_io;
  // A header found as a table of its own (no numbers) right above: one
  // table. Its title and unit lines are found again below.
  if (!tables.empty() && tables.back().last_line == first - 1) {
    PdfTable& prev = tables.back();
    bool prev_numbers = false;
    for (int k = prev.first_line; k <= prev.last_line; ++k) {
      prev_numbers |= infos[static_cast<size_t>(k)].has_number;
    }
    double gap = lines[static_cast<size_t>(first)].y0 -
                 lines[static_cast<size_t>(first - 1)].y1;
    double prev_fs = infos[static_cast<size_t>(first - 1)].fs;
    if (!prev_numbers && gap <= 6 * std::max({fs, prev_fs, 1.0})) {
      first = prev.first_line;
      for (int c : prev.caption_lines) used[static_cast<size_t>(c)] = false;
      for (int k = prev.first_line; k <= prev.last_line; ++k) {
        x0 = std::min(x0, lines[static_cast<size_t>(k)].x0);
        x1 = std::max(x1, lines[static_cast<size_t>(k)].x1);
      }
      tables.pop_back();
    }
  }
}

void CutAtBottomBorder(const PageLines& pl, Region* region) {
  const std::vector<PdfLine>& lines = pl.lines;
  const PdfPageInput& page = pl.page;
  int& first = region->first;
  int& last = region->last;
  double& x0 = region->x0;
  double& x1 = region->x1;
  const double fs = region->fs;
  const int i = region->start;
  // Lines below the table's bottom border (a ruling across it) are not
  // the table's: the label of the next table, a note.
  {
    // The bottom border is the lowest ruling across the table below its
    // first line: a grid's rows may be much taller than its text.
    double top = lines[static_cast<size_t>(first)].y0 - 2 * fs;
    double y_bottom = -kInf;
    int across = 0;
    for (const PdfRuling& r : page.rulings) {
      if (r.vertical()) continue;
      double y = (r.y0 + r.y1) / 2;
      double cover = std::min(r.x1, x1) - std::max(r.x0, x0);
      if (y < top || cover < 0.5 * (x1 - x0)) continue;
      ++across;
      y_bottom = std::max(y_bottom, y);
    }
    if (across >= 2) {
      while (last > i && lines[static_cast<size_t>(last)].y0 > y_bottom) --last;
    }
  }
}

// The first body line of the region (its header lines are above it), and
// whether the region has numbers. Sets `ambiguous` when a lone header line
// could be the first line of the first row's label (only rulings tell).
int FindBodyStart(const PageLines& pl, const Region& region, bool* numbers_out,
                  bool* ambiguous) {
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<LineInfo>& infos = pl.infos;
  const PdfPageInput& page = pl.page;
  const int first = region.first;
  const int last = region.last;
  const double x0 = region.x0;
  const double x1 = region.x1;
  const double fs = region.fs;
  // Body starts at the first line with a number; without numbers there
  // is no header.
  int body = first;
  bool numbers = false;
  for (int k = first; k <= last; ++k) {
    const LineInfo& info = infos[static_cast<size_t>(k)];
    bool numbered = false;
    for (const Unit& u : info.units) numbered |= StartsWithNumbering(u.text);
    if (info.has_number || numbered) {
      body = k;
      numbers = info.has_number;
      if (!numbers) {
        for (int m = k; m <= last; ++m) {
          numbers |= infos[static_cast<size_t>(m)].has_number;
        }
      }
      break;
    }
  }
  if (!numbers) body = first;
  // A lone header line that starts where the body's labels start may be
  // the first line of the first row's label ("一般公共服务" / "201 支出
  // 264.87"): only rulings tell.
  if (numbers && body > first && page.rulings.empty()) {
    const LineInfo& edge = infos[static_cast<size_t>(body - 1)];
    if (edge.units.size() == 1 && !edge.units[0].numeric) {
      const Unit& u = edge.units[0];
      int aligned = 0;
      for (int k = body; k <= last; ++k) {
        for (const Unit& b : infos[static_cast<size_t>(k)].units) {
          if (!b.numeric && std::fabs(b.x0 - u.x0) < 0.5 * fs) ++aligned;
        }
      }
      if (aligned >= 2) *ambiguous = true;
    }
  }
  // In a ruled grid the first body row starts at the ruling above its
  // number: a label wrapped above the number is the row's, not header.
  if (numbers && body > first) {
    const PdfLine& nl = lines[static_cast<size_t>(body)];
    double row_top = -kInf;
    for (const PdfRuling& r : page.rulings) {
      if (r.vertical()) continue;
      double y = (r.y0 + r.y1) / 2;
      if (y < nl.center() && y > row_top &&
          std::min(r.x1, x1) - std::max(r.x0, x0) > 0.5 * (x1 - x0)) {
        row_top = y;
      }
    }
    while (row_top > -kInf && body > first &&
           lines[static_cast<size_t>(body - 1)].center() > row_top) {
      --body;
    }
  }
  *numbers_out = numbers;
  return body;
}

// Whether header unit `u` is the second line of a wrapped title over
// existing columns (not a column of its own).
bool ContinuesTitle(const Unit& u, const std::vector<const Unit*>& header_units,
                    const std::vector<Column>& cols) {
  for (const Unit* v : header_units) {
    if (v == &u || v->y1 > u.y0 + 0.3 * u.fs) continue;
    if (u.y0 - v->y1 > 0.6 * u.fs) continue;
    if (v->x0 > u.x0 + 1 || v->x1 < u.x1 - 1) continue;
    // Several units under it on u's line ("小计 购置费 运行费" under
    // "公务用车购置及运行费"): children, not a wrapped line.
    int under = 0;
    for (const Unit* w : header_units) {
      if (w->line == u.line && w->x1 > v->x0 && w->x0 < v->x1) ++under;
    }
    if (under >= 2) continue;
    for (const Column& c : cols) {
      if (std::min(v->x1, c.b) - std::max(v->x0, c.a) > 0) return true;
    }
  }
  return false;
}

// Whether header text is printed under header unit `u`.
bool HasTextBelow(const Unit& u, const std::vector<const Unit*>& header_units) {
  for (const Unit* v : header_units) {
    if (v == &u || v->y0 < u.y1 - 0.3 * u.fs) continue;
    if (std::min(v->x1, u.x1) - std::max(v->x0, u.x0) > 0) return true;
  }
  return false;
}

// Whether header unit `u` is a parent title (with header text further
// below it), not a column's own header.
bool IsParentHeader(const Unit& u,
                    const std::vector<const Unit*>& header_units) {
  // Centred over the gap between two headers on the next line ("项目"
  // over "科目编码" and "科目名称"), with nothing right under it.
  const Unit* next_left = nullptr;
  const Unit* next_right = nullptr;
  bool under_centre = false;
  double cx = u.center_x();
  for (const Unit* v : header_units) {
    if (v == &u || v->y0 < u.y1 - 0.3 * u.fs) continue;
    if (v->y0 - u.y1 > 1.5 * u.fs) continue;  // not the next line
    if (v->x0 <= cx && v->x1 >= cx) under_centre = true;
    if (v->x1 < cx && (!next_left || v->x1 > next_left->x1)) next_left = v;
    if (v->x0 > cx && (!next_right || v->x0 < next_right->x0)) next_right = v;
  }
  if (!under_centre && next_left != nullptr && next_right != nullptr) {
    // Its own line holds nothing between it and those two (a header of
    // its own beside wrapped neighbours has peers in between).
    // Nor above either of them: they are its children, not the
    // wrapped lines of its peers.
    bool between = false;
    for (const Unit* w : header_units) {
      if (w == &u || w->line != u.line) continue;
      if ((w->x0 >= next_left->x1 && w->x1 <= u.x0) ||
          (w->x0 >= u.x1 && w->x1 <= next_right->x0)) {
        between = true;
      }
      for (const Unit* child : {next_left, next_right}) {
        if (std::min(w->x1, child->x1) - std::max(w->x0, child->x0) > 0)
          between = true;
      }
    }
    if (!between) return true;
  }
  for (const Unit* v : header_units) {
    if (v == &u || v->y0 < u.y1 - 0.3 * u.fs) continue;
    if (v->x0 < u.x0 - u.fs || v->x1 > u.x1 + u.fs) continue;
    if (v->y0 - u.y1 > 0.6 * u.fs) return true;  // not a wrapped line
  }
  return false;
}

// Body columns without a header of their own: 0 = has a header (or no
// body), 1 = unheaded text, 2 = unheaded numbers.
std::vector<int> UnheadedColumns(const std::vector<const Unit*>& body_units,
                                 const std::vector<const Unit*>& header_units,
                                 const std::vector<Column>& cols) {
  std::vector<int> unheaded(cols.size(), 0);
  for (size_t c = 0; c < cols.size(); ++c) {
    int align = BodyAlign(body_units, cols[c]);
    // Headed: a header unit over this column and no other; a parent
    // title (with header text further below it) does not count.
    bool headed = false;
    for (const Unit* u : header_units) {
      if (IsParentHeader(*u, header_units)) continue;
      int hits = 0;
      bool here = false;
      for (size_t d = 0; d < cols.size(); ++d) {
        if (std::min(u->x1, cols[d].b) - std::max(u->x0, cols[d].a) > 0) {
          ++hits;
          here |= d == c;
        }
      }
      if (here && hits == 1) headed = true;
    }
    if (align != kAlignUnknown && !headed) {
      unheaded[c] = align == kAlignRight ? 2 : 1;
    }
  }
  return unheaded;
}

// Header-only columns (blank in the body): header units in the gaps,
// bottom header line first so that a spanning parent does not swallow its
// children; a unit only makes a column if its gap has room for one. A
// header beside an unheaded column (`unheaded`, UnheadedColumns) is that
// column's own and widens it instead.
void AddHeaderColumns(const PageLines& pl, int first, int body,
                      const std::vector<const Unit*>& header_units,
                      std::vector<Column>* cols_io,
                      std::vector<int>* unheaded_io) {
  const std::vector<LineInfo>& infos = pl.infos;
  std::vector<Column>& cols = *cols_io;
  std::vector<int>& unheaded = *unheaded_io;
  double band_top = kInf, band_bottom = -kInf;
  for (const Unit* u : header_units) {
    band_top = std::min(band_top, u->y0);
    band_bottom = std::max(band_bottom, u->y1);
  }
  for (int k = body - 1; k >= first; --k) {
    std::vector<Column> added;
    // Right to left: of several header units in one gap only the one
    // next to the numbers can be theirs.
    const std::vector<Unit>& line_units = infos[static_cast<size_t>(k)].units;
    for (auto it = line_units.rbegin(); it != line_units.rend(); ++it) {
      const Unit& u = *it;
      // At the top of the band, only a header with nothing printed under
      // it ("上年结转" on one line beside wrapped headers) makes a column.
      bool top = u.center_y() < band_top + 0.4 * (band_bottom - band_top);
      if (top && HasTextBelow(u, header_units)) continue;
      if (ContinuesTitle(u, header_units, cols)) continue;
      bool overlaps = false;
      double gap_l = -kInf, gap_r = kInf;
      int left = -1, right = -1;
      for (size_t c = 0; c < cols.size(); ++c) {
        const Column& col = cols[c];
        if (std::min(u.x1, col.b) - std::max(u.x0, col.a) > 0) {
          overlaps = true;
        }
        if (col.b <= u.x0 && col.b > gap_l) {
          gap_l = col.b;
          left = static_cast<int>(c);
        }
        if (col.a >= u.x1 && col.a < gap_r) {
          gap_r = col.a;
          right = static_cast<int>(c);
        }
      }
      if (overlaps) continue;
      // A header at the top of the band is a column's own only when a
      // neighbouring column's header starts on its line too (a peer, not
      // a parent title like "收入" over a panel).
      if (top) {
        bool peer = false;
        for (int c : {left, right}) {
          if (c < 0) continue;
          // The neighbour's own header: its lowest header text and the
          // lines it wraps from, up to the first gap (a parent above).
          const Column& col = cols[static_cast<size_t>(c)];
          std::vector<const Unit*> over;
          for (const Unit* v : header_units) {
            if (std::min(v->x1, col.b) - std::max(v->x0, col.a) > 0)
              over.push_back(v);
          }
          if (over.empty()) continue;
          std::sort(over.begin(), over.end(),
                    [](const Unit* a, const Unit* b) { return a->y0 > b->y0; });
          double leaf_top = over[0]->y0;
          for (size_t k = 1; k < over.size(); ++k) {
            double vfs = std::max(1.0, over[k]->fs);
            if (leaf_top - over[k]->y1 > 0.6 * vfs) break;
            // A parent reaches past the column; a wrapped line does not.
            double lo = std::min(col.a, over[0]->x0) - vfs;
            double hi = std::max(col.b, over[0]->x1) + vfs;
            if (over[k]->x0 < lo || over[k]->x1 > hi) break;
            leaf_top = std::min(leaf_top, over[k]->y0);
          }
          if (std::fabs(leaf_top - u.y0) < 0.5 * std::max(1.0, u.fs))
            peer = true;
        }
        if (!peer) continue;
      }
      auto flag = [&](int c) {
        return c >= 0 && static_cast<size_t>(c) < unheaded.size()
                   ? unheaded[static_cast<size_t>(c)]
                   : 0;
      };
      int owner = -1;
      if (flag(right) == 2) {
        owner = right;  // right-aligned numbers: the header is left of them
      } else if (flag(left) == 1) {
        owner = left;  // left-aligned codes or labels: it is right of them
      }
      if (owner >= 0) {
        Column& col = cols[static_cast<size_t>(owner)];
        col.a = std::min(col.a, u.x0);
        col.b = std::max(col.b, u.x1);
        unheaded[static_cast<size_t>(owner)] = 0;
        continue;
      }
      double room = (gap_r - gap_l) - (u.x1 - u.x0);
      if (room < 1.0 * std::max(1.0, u.fs)) continue;
      if (!added.empty() && u.x1 >= added.back().a) {
        added.back().a = std::min(added.back().a, u.x0);
      } else {
        added.push_back({u.x0, u.x1});
      }
    }
    if (added.empty()) continue;
    // Keep the flags with their columns while sorting.
    std::vector<std::pair<Column, int>> tagged;
    for (size_t c = 0; c < cols.size(); ++c) {
      tagged.push_back({cols[c], unheaded[c]});
    }
    for (const Column& c : added) tagged.push_back({c, 0});
    std::sort(tagged.begin(), tagged.end(), [](const auto& a, const auto& b) {
      return a.first.a < b.first.a;
    });
    cols.clear();
    unheaded.clear();
    for (const auto& [c, f] : tagged) {
      cols.push_back(c);
      unheaded.push_back(f);
    }
  }
}

// Widens each header-only column over header text that lies in it alone,
// so that it gets its full width (a wrapped header's last line may be a
// single character).
void WidenHeaderOnlyColumns(const std::vector<const Unit*>& body_units,
                            const std::vector<const Unit*>& header_units,
                            std::vector<Column>* cols_io) {
  std::vector<Column>& cols = *cols_io;
  std::vector<bool> has_body(cols.size(), false);
  for (const Unit* u : body_units) {
    for (size_t c = 0; c < cols.size(); ++c) {
      if (std::min(u->x1, cols[c].b) - std::max(u->x0, cols[c].a) > 0) {
        has_body[c] = true;
      }
    }
  }
  for (const Unit* u : header_units) {
    int hit = -1, hits = 0;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (std::min(u->x1, cols[c].b) - std::max(u->x0, cols[c].a) > 0) {
        hit = static_cast<int>(c);
        ++hits;
      }
    }
    if (hits != 1 || has_body[static_cast<size_t>(hit)]) continue;
    size_t c = static_cast<size_t>(hit);
    double lo = c > 0 ? cols[c - 1].b + 1 : -kInf;
    double hi = c + 1 < cols.size() ? cols[c + 1].a - 1 : kInf;
    if (u->x0 < lo || u->x1 > hi) continue;
    cols[c].a = std::min(cols[c].a, u->x0);
    cols[c].b = std::max(cols[c].b, u->x1);
  }
}

// Vertical ruling lines crossing most of the region (`box`) split columns
// with body text on both sides.
void SplitAtVerticalRulings(const PdfPageInput& page, const BBox& box,
                            const std::vector<const Unit*>& body_units,
                            std::vector<Column>* cols_io) {
  std::vector<Column>& cols = *cols_io;
  for (const PdfRuling& r : page.rulings) {
    if (!r.vertical()) continue;
    double x = (r.x0 + r.x1) / 2;
    double cover = std::min(r.y1, box.y1) - std::max(r.y0, box.y0);
    if (cover < 0.5 * (box.y1 - box.y0)) continue;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (x <= cols[c].a + 1 || x >= cols[c].b - 1) continue;
      bool left = false, right = false;
      for (const Unit* u : body_units) {
        if (u->x1 <= x && u->x0 >= cols[c].a - 0.01) left = true;
        if (u->x0 >= x && u->x1 <= cols[c].b + 0.01) right = true;
      }
      if (left && right) {
        Column rc{x, cols[c].b};
        cols[c].b = x;
        cols.insert(cols.begin() + static_cast<std::ptrdiff_t>(c) + 1, rc);
        break;
      }
    }
  }
}

// The region's columns: x-intervals covered by the body units (split where
// a stray unit bridges two dense groups), then header-only columns, widened,
// then split at vertical rulings. `body_units` and `header_units`: the
// units of lines from `body` on and of the lines above.
std::vector<Column> FindColumns(const PageLines& pl, int first, int body,
                                int last, const BBox& box,
                                std::vector<const Unit*>* body_units_out) {
  const std::vector<LineInfo>& infos = pl.infos;
  std::vector<const Unit*>& body_units = *body_units_out;
  std::vector<const Unit*> header_units;
  for (int k = first; k <= last; ++k) {
    for (const Unit& u : infos[static_cast<size_t>(k)].units) {
      (k >= body ? body_units : header_units).push_back(&u);
    }
  }
  std::vector<Column> cols = Project(body_units);
  SplitBridged(body_units, &cols);
  std::vector<int> unheaded = UnheadedColumns(body_units, header_units, cols);
  AddHeaderColumns(pl, first, body, header_units, &cols, &unheaded);
  WidenHeaderOnlyColumns(body_units, header_units, &cols);
  SplitAtVerticalRulings(pl.page, box, body_units, &cols);
  return cols;
}

// Horizontal rulings across most of the table, inside its body (lines
// `body` to `last`); none when fewer than two cross most of it.
std::vector<PdfRuling> BodyRulings(const PageLines& pl, int body, int last,
                                   double fs, const std::vector<Column>& cols) {
  const std::vector<PdfLine>& lines = pl.lines;
  const PdfPageInput& page = pl.page;
  std::vector<PdfRuling> rules;
  // The rulings within the body, and the borders right above its first
  // and right below its last line (rows may be much taller than their
  // text). Rulings over part of the width count (merged cells interrupt
  // them), but a ruled grid has at least two across most of it.
  double top = lines[static_cast<size_t>(body)].y0;
  double bottom = lines[static_cast<size_t>(last)].y1;
  double width = cols.back().b - cols.front().a;
  double above = -kInf, below = kInf;
  for (const PdfRuling& r : page.rulings) {
    if (r.vertical()) continue;
    double y = (r.y0 + r.y1) / 2;
    double cover =
        std::min(r.x1, cols.back().b) - std::max(r.x0, cols.front().a);
    if (cover < 0.5 * width) continue;
    if (y <= top + 0.2 * fs) above = std::max(above, y);
    if (y >= bottom - 0.2 * fs) below = std::min(below, y);
  }
  int across = 0;
  for (const PdfRuling& r : page.rulings) {
    if (r.vertical()) continue;
    double y = (r.y0 + r.y1) / 2;
    double cover =
        std::min(r.x1, cols.back().b) - std::max(r.x0, cols.front().a);
    if (y < above || y > below || cover <= 0) continue;
    if (cover >= 0.5 * width) {
      ++across;
    } else if (!EndsAtBorders(r, page.rulings, cols)) {
      continue;  // a run of ink in the text, not a cell border
    }
    rules.push_back(r);
  }
  if (across < 2) rules.clear();  // too few to band rows by
  return rules;
}

// Title and unit of the table from the lines just above its region (at
// most four, not used by another table); marks them used.
void FindCaption(const PageLines& pl, int first, double fs,
                 std::vector<bool>* used_io, PdfTable* pt) {
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<std::string>& texts = pl.texts;
  Table& t = pt->table;
  std::vector<bool>& used = *used_io;
  int k = first - 1;
  double top = lines[static_cast<size_t>(first)].y0;
  int looked = 0;
  std::vector<int> captions;
  std::string title;
  while (k >= 0 && looked < 4 && !used[static_cast<size_t>(k)]) {
    const PdfLine& l = lines[static_cast<size_t>(k)];
    double lf = std::max(1.0, l.font_size);
    double below_fs = lines[static_cast<size_t>(k + 1)].font_size;
    if (top - l.y1 > 5 * std::max({lf, fs, below_fs})) break;
    const std::string& text = texts[static_cast<size_t>(k)];
    if (IsUnitLine(text)) {
      if (t.unit_text.empty()) t.unit_text = ExtractUnitText(text);
      captions.push_back(k);
    } else if (IsIssuerLine(text)) {
      captions.push_back(k);
    } else {
      bool title_like =
          !HasProsePunctuation(text) && CountCodePoints(text) <= 60 &&
          (text.find("表") != std::string::npos || l.font_size > fs * 1.15);
      if (!title_like) break;
      title = text;
      captions.push_back(k);
      // A short label line just above ("表1", "公开01表").
      if (k > 0 && !used[static_cast<size_t>(k - 1)]) {
        const PdfLine& up = lines[static_cast<size_t>(k - 1)];
        const std::string& ut = texts[static_cast<size_t>(k - 1)];
        if (l.y0 - up.y1 < 1.5 * lf && CountCodePoints(ut) <= 10 &&
            ut.find("表") != std::string::npos && !HasProsePunctuation(ut)) {
          title = ut + " " + title;
          captions.push_back(k - 1);
        }
      }
      break;
    }
    top = l.y0;
    --k;
    ++looked;
  }
  // A unit printed on the line right below the title may also sit at
  // the right end of the first region line; leave that to the grid.
  t.title = title;
  std::sort(captions.begin(), captions.end());
  for (int c : captions) used[static_cast<size_t>(c)] = true;
  pt->caption_lines = std::move(captions);
}

}  // namespace

std::vector<PdfTable> FindTables(const std::vector<PdfLine>& lines,
                                 const PdfPageInput& page,
                                 const PdfTableOptions& o) {
  std::vector<PdfTable> tables;
  const int n = static_cast<int>(lines.size());
  if (n == 0) return tables;
  PageLines pl{lines, page, o, {}, {}};
  std::vector<LineInfo>& infos = pl.infos;
  infos.reserve(lines.size());
  for (int i = 0; i < n; ++i) {
    infos.push_back(AnalyzeLine(lines[static_cast<size_t>(i)], i, o));
  }
  std::vector<std::string>& texts = pl.texts;
  texts.resize(lines.size());
  for (int i = 0; i < n; ++i) {
    texts[static_cast<size_t>(i)] = LineText(lines[static_cast<size_t>(i)]);
  }
  std::vector<bool> used(lines.size(), false);
  int i = 0;
  while (i < n) {
    if (!infos[static_cast<size_t>(i)].table_like) {
      ++i;
      continue;
    }
    Region region;
    if (!GrowRegion(pl, i, &region)) {
      i = std::max(i + 1, region.last + 1);  // always forward
      continue;
    }
    region.fs = Median(region.sizes);
    ExtendUp(pl, used, &region);
    AbsorbHeaderTable(pl, &tables, &used, &region);
    CutAtBottomBorder(pl, &region);
    const int first = region.first, last = region.last;
    const double fs = region.fs;
    for (int k = first; k <= last; ++k) used[static_cast<size_t>(k)] = true;

    PdfTable pt;
    pt.page = page.number;
    pt.page_height = page.height;
    pt.first_line = first;
    pt.last_line = last;
    pt.box = BBox{kInf, kInf, -kInf, -kInf};
    for (int k = first; k <= last; ++k) {
      const PdfLine& l = lines[static_cast<size_t>(k)];
      pt.box.x0 = std::min(pt.box.x0, l.x0);
      pt.box.y0 = std::min(pt.box.y0, l.y0);
      pt.box.x1 = std::max(pt.box.x1, l.x1);
      pt.box.y1 = std::max(pt.box.y1, l.y1);
    }
    bool numbers = false;
    int body = FindBodyStart(pl, region, &numbers, &pt.ambiguous_rows);
    std::vector<const Unit*> body_units;
    std::vector<Column> cols =
        FindColumns(pl, first, body, last, pt.box, &body_units);
    if (cols.size() < 2) {
      i = std::max(i + 1, last + 1);  // always forward
      continue;
    }
    Table& t = pt.table;
    t.columns = static_cast<int>(cols.size());
    t.pages.push_back(page.number);
    if (numbers && body > first) {
      std::vector<int> align(cols.size(), kAlignUnknown);
      for (size_t c = 0; c < cols.size(); ++c) {
        align[c] = BodyAlign(body_units, cols[c]);
      }
      BuildHeader(infos, first, body, cols, align, page.number, &t);
    }
    std::vector<PdfRuling> rules = BodyRulings(pl, body, last, fs, cols);
    BuildBody(infos, body, last + 1, cols, page.number, rules,
              &pt.ambiguous_rows, &t);
    if (rules.empty()) pt.wrapped_cells = LooksWrapped(t);
    for (const Column& c : cols) {
      pt.col_left.push_back(c.a);
      pt.col_right.push_back(c.b);
    }
    FindCaption(pl, first, fs, &used, &pt);
    tables.push_back(std::move(pt));
    i = std::max(i + 1, last + 1);  // always forward
  }
  return tables;
}

namespace {

// The first body row of `next` when it holds only the rest of numbers cut
// at the bottom of `prev` ("00" under "21,213,300."): appends each piece to
// its cut number, in column order, and returns true. Columns need not line
// up: the next page's part may be too small to place them.
bool JoinCutRow(const Table& nt, Table* pt) {
  size_t r = static_cast<size_t>(nt.header_rows);
  if (r >= nt.rows.size() || pt->rows.empty()) return false;
  std::vector<const Cell*> pieces;
  for (const Cell& c : nt.rows[r]) {
    if (c.covered || c.text.empty()) continue;
    if (!IsNumberFragment(c.text)) return false;
    pieces.push_back(&c);
  }
  // Cut right before the decimals ("21,213,300" / ".00"): the numbers
  // without decimals are the cut ones.
  bool decimals = true;
  for (const Cell* p : pieces) decimals &= p->text.front() == '.';
  std::vector<Cell*> cut;
  for (Cell& c : pt->rows.back()) {
    if (c.covered || c.text.empty()) continue;
    if (decimals
            ? IsNumberFragment(c.text) && c.text.find('.') == std::string::npos
            : IsCutNumber(c.text)) {
      cut.push_back(&c);
    }
  }
  if (pieces.empty() || pieces.size() != cut.size()) return false;
  for (size_t i = 0; i < cut.size(); ++i) cut[i]->text += pieces[i]->text;
  return true;
}

}  // namespace

bool MergeContinuedTable(const PdfTable& next, PdfTable* prev) {
  const Table& nt = next.table;
  Table& pt = prev->table;
  if (!nt.title.empty() && nt.title != pt.title &&
      nt.title.find("续") == std::string::npos) {
    return false;
  }
  if (nt.columns == 0 || pt.columns == 0) return false;
  // A part holding only the cut row's rest (and a repeated header).
  if (static_cast<size_t>(nt.header_rows) + 1 == nt.rows.size() &&
      JoinCutRow(nt, &pt)) {
    if (pt.pages.empty() || pt.pages.back() != next.page) {
      pt.pages.push_back(next.page);
    }
    return true;
  }
  // Map next columns onto prev columns by overlap, in order; a blank
  // column may be missing on the next page, but the ones present must line
  // up well. A column of the next part with nothing in it at all (a split
  // its few words made) maps to nothing.
  std::vector<int> map(static_cast<size_t>(nt.columns), -1);
  int last = -1;
  for (int c = 0; c < nt.columns; ++c) {
    bool empty = true;
    for (const std::vector<Cell>& row : nt.rows) {
      if (!row[static_cast<size_t>(c)].text.empty()) empty = false;
    }
    double a = next.col_left[static_cast<size_t>(c)],
           b = next.col_right[static_cast<size_t>(c)];
    int best = -1;
    double best_ov = 0;
    for (int d = 0; d < pt.columns; ++d) {
      double pa = prev->col_left[static_cast<size_t>(d)],
             pb = prev->col_right[static_cast<size_t>(d)];
      double ov = std::min(b, pb) - std::max(a, pa);
      if (ov > best_ov && ov >= 0.5 * std::min(b - a, pb - pa)) {
        best_ov = ov;
        best = d;
      }
    }
    if (best < 0 || best <= last) {
      if (empty) continue;
      return false;
    }
    map[static_cast<size_t>(c)] = best;
    last = best;
  }
  if (nt.columns < 2) return false;
  int skip = 0;
  if (nt.header_rows > 0) {
    std::string a, b;
    for (int r = 0; r < nt.header_rows; ++r) {
      for (const Cell& c : nt.rows[static_cast<size_t>(r)]) a += c.text;
    }
    for (int r = 0; r < pt.header_rows; ++r) {
      for (const Cell& c : pt.rows[static_cast<size_t>(r)]) b += c.text;
    }
    // The rest of a label cut at the page break may sit in the repeated
    // header's last line ("国有资本经营预算财政拨" / header / "款").
    const Cell* rest = nullptr;
    size_t rest_col = 0;
    if (a != b && a.size() > b.size() && a.compare(0, b.size(), b) == 0 &&
        CountCodePoints(std::string_view(a).substr(b.size())) <= 4) {
      const std::vector<Cell>& hl =
          nt.rows[static_cast<size_t>(nt.header_rows - 1)];
      int filled = 0;
      for (size_t c = 0; c < hl.size(); ++c) {
        if (hl[c].covered || hl[c].text.empty()) continue;
        ++filled;
        rest = &hl[c];
        rest_col = c;
      }
      if (filled != 1 || rest->text != a.substr(b.size())) rest = nullptr;
    }
    if (HeaderKey(nt) == HeaderKey(pt) || a == b || rest != nullptr) {
      skip = nt.header_rows;  // a repeated header
      if (rest != nullptr && map[rest_col] >= 0 && !pt.rows.empty()) {
        Cell& cut = pt.rows.back()[static_cast<size_t>(map[rest_col])];
        if (!cut.text.empty() && cut.state() == CellState::kText)
          cut.text += rest->text;
      }
    } else {
      // Not the same header: only a table that runs off the bottom of one
      // page and onto the top of the next continues; its "header" lines
      // are body rows then.
      bool prev_at_bottom =
          prev->page_height <= 0 || prev->box.y1 >= 0.7 * prev->page_height;
      bool next_at_top =
          next.page_height <= 0 || next.box.y0 <= 0.3 * next.page_height;
      if (!prev_at_bottom || !next_at_top || !nt.title.empty()) return false;
    }
  }
  for (size_t r = static_cast<size_t>(skip); r < nt.rows.size(); ++r) {
    std::vector<Cell> row(static_cast<size_t>(pt.columns));
    for (Cell& c : row) c.page = next.page;
    for (size_t c = 0; c < nt.rows[r].size(); ++c) {
      Cell cell = nt.rows[r][c];
      size_t target = c;
      if (static_cast<int>(r) < nt.header_rows) {
        // Header structure of a non-repeated header becomes plain cells,
        // each in the column its text overlaps most.
        if (cell.covered) continue;
        if (cell.col_span > 1 && cell.bbox) {
          double best = 0;
          for (size_t d = c; d < c + static_cast<size_t>(cell.col_span) &&
                             d < next.col_left.size();
               ++d) {
            double ov = std::min(cell.bbox->x1, next.col_right[d]) -
                        std::max(cell.bbox->x0, next.col_left[d]);
            if (ov > best) {
              best = ov;
              target = d;
            }
          }
        }
        cell.row_span = cell.col_span = 1;
      }
      if (map[target] < 0) continue;  // an empty column (see above)
      row[static_cast<size_t>(map[target])] = std::move(cell);
    }
    pt.AddRow(std::move(row));
  }
  if (pt.pages.empty() || pt.pages.back() != next.page) {
    pt.pages.push_back(next.page);
  }
  if (pt.unit_text.empty()) pt.unit_text = nt.unit_text;
  return true;
}

bool NeedsRulings(const PdfTable& pt) {
  if (pt.wrapped_cells) return true;
  if (!pt.ambiguous_rows) return false;
  // Only where the rows carry amounts: a table of text (performance
  // targets) reads well enough line by line, and rendering is dear.
  const Table& t = pt.table;
  size_t body = 0, numbered = 0;
  for (size_t r = static_cast<size_t>(t.header_rows); r < t.rows.size(); ++r) {
    ++body;
    for (const Cell& c : t.rows[r]) {
      if (c.state() == CellState::kNumber || c.state() == CellState::kZero) {
        ++numbered;
        break;
      }
    }
  }
  return body > 0 && numbered * 2 >= body;
}

}  // namespace budgetdoc
