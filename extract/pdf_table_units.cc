#include "extract/pdf_table_units.h"

#include "base/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace pdf_tables_internal {
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

bool IsNumberFragment(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789,.") == s.npos;
}

bool IsCutNumber(std::string_view t) {
  if (!IsNumberFragment(t)) return false;
  if (t.back() == '.' || t.back() == ',') return true;
  std::string_view whole = t.substr(0, t.find('.'));
  size_t comma = whole.rfind(',');
  return t.find('.') == std::string_view::npos &&
         comma != std::string_view::npos && whole.size() - comma - 1 < 3;
}

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

bool ContinuesNumber(std::string_view text, std::string_view next) {
  if (!IsNumberFragment(text) || !IsNumberFragment(next)) return false;
  std::string joined(text);
  joined += next;
  return IsWellFormedNumber(joined);
}

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

}  // namespace pdf_tables_internal
}  // namespace budgetdoc
