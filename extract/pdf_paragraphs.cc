#include "extract/pdf_paragraphs.h"

#include "base/utf8.h"
#include "extract/pdf_chars.h"
#include "extract/pdf_lines.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace pdf_layout_internal {

PdfLine LineOfWords(std::vector<PdfWord> words) {
  PdfLine line;
  line.x0 = line.y0 = 1e18;
  line.x1 = line.y1 = -1e18;
  for (const PdfWord& w : words) {
    line.x0 = std::min(line.x0, w.x0);
    line.y0 = std::min(line.y0, w.y0);
    line.x1 = std::max(line.x1, w.x1);
    line.y1 = std::max(line.y1, w.y1);
    line.font_size = std::max(line.font_size, WordFontSize(w));
  }
  line.words = std::move(words);
  return line;
}

std::vector<std::vector<PdfLine>> ReadingOrderGroups(
    const std::vector<const PdfLine*>& lines, double page_width) {
  std::vector<std::vector<PdfLine>> groups;
  auto single = [&]() {
    std::vector<PdfLine> g;
    g.reserve(lines.size());
    for (const PdfLine* l : lines) g.push_back(*l);
    groups.push_back(std::move(g));
    return groups;
  };
  if (lines.size() < 6) return single();
  // Coverage of each x (1 pt bins) by words.
  int bins = static_cast<int>(std::ceil(page_width)) + 1;
  if (bins <= 0 || bins > 20000) return single();
  std::vector<int> cover(static_cast<size_t>(bins), 0);
  double fs = 0;
  for (const PdfLine* l : lines) {
    fs += l->font_size;
    for (const PdfWord& w : l->words) {
      int a = std::max(0, static_cast<int>(std::floor(w.x0)));
      int b = std::min(bins - 1, static_cast<int>(std::ceil(w.x1)));
      for (int x = a; x <= b; ++x) ++cover[static_cast<size_t>(x)];
    }
  }
  fs /= static_cast<double>(lines.size());
  // Widest run of low coverage in the middle of the page.
  int limit = std::max(1, static_cast<int>(lines.size() / 10));
  int lo = static_cast<int>(page_width * 0.3),
      hi = static_cast<int>(page_width * 0.7);
  int best_a = -1, best_b = -1;
  for (int x = lo; x <= hi && x < bins; ++x) {
    if (cover[static_cast<size_t>(x)] > limit) continue;
    int y = x;
    while (y + 1 < bins && cover[static_cast<size_t>(y + 1)] <= limit) ++y;
    if (y - x > best_b - best_a) {
      best_a = x;
      best_b = y;
    }
    x = y;
  }
  if (best_a < 0 || best_b - best_a < std::max(6.0, fs)) return single();
  const double ga = best_a + 1, gb = best_b - 1;
  // Lines with text on both sides; left parts must fill their column.
  int both = 0, left_full = 0, left_parts = 0;
  for (const PdfLine* l : lines) {
    bool has_left = false, has_right = false, crosses = false;
    double left_end = 0;
    for (const PdfWord& w : l->words) {
      if (w.x1 <= ga) {
        has_left = true;
        left_end = std::max(left_end, w.x1);
      } else if (w.x0 >= gb) {
        has_right = true;
      } else {
        crosses = true;
      }
    }
    if (crosses) continue;
    if (has_left && has_right) ++both;
    if (has_left) {
      ++left_parts;
      if (left_end >= best_a - 2.5 * fs) ++left_full;
    }
  }
  if (both < 3 || left_parts == 0 || left_full * 10 < left_parts * 6) {
    return single();
  }
  // Sections: split at lines crossing the gutter.
  std::vector<PdfLine> left, right;
  auto flush = [&]() {
    if (!left.empty()) groups.push_back(std::move(left));
    if (!right.empty()) groups.push_back(std::move(right));
    left.clear();
    right.clear();
  };
  for (const PdfLine* l : lines) {
    bool crosses = false;
    std::vector<PdfWord> lw, rw;
    for (const PdfWord& w : l->words) {
      if (w.x0 < gb && w.x1 > ga) crosses = true;
      (w.x1 <= ga ? lw : rw).push_back(w);
    }
    if (crosses) {
      flush();
      groups.push_back({*l});
      continue;
    }
    if (!lw.empty()) left.push_back(LineOfWords(std::move(lw)));
    if (!rw.empty()) right.push_back(LineOfWords(std::move(rw)));
  }
  flush();
  return groups;
}

double FirstTokenWidth(const PdfLine& line) {
  if (line.words.empty()) return 0;
  const PdfWord& w = line.words.front();
  std::vector<char32_t> cs = ToChars(w.text);
  if (cs.empty()) return 0;
  double fs = WordFontSize(w);
  // An opening bracket stays with what it opens: "（项）".
  double extra = 0;
  switch (cs[0]) {
    case U'（':
    case U'《':
    case U'“':
    case U'【':
    case '(':
      extra = 2 * fs;
      break;
    default:
      break;
  }
  // Weights: CJK and other wide characters count two, ASCII one.
  double total = 0, lead = 0;
  bool in_lead = true;
  for (size_t i = 0; i < cs.size(); ++i) {
    double weight = cs[i] < 0x80 ? 1.0 : 2.0;
    total += weight;
    if (in_lead && (cs[i] < 0x80 && !IsSpaceChar(cs[i]))) {
      lead += weight;
    } else {
      if (i == 0) lead = weight;
      in_lead = false;
    }
  }
  return (total > 0 ? (w.x1 - w.x0) * lead / total : 0) + extra;
}

bool EndsSentence(std::string_view text) {
  char32_t c = LastChar(text);
  switch (c) {
    case U'。':
    case U'！':
    case U'？':
    case U'：':
    case U'；':
    case '.':
    case '!':
    case '?':
    case ':':
    case ';':
      return true;
    default:
      return false;
  }
}

std::vector<Paragraph> SplitParagraphs(std::vector<PdfLine> lines) {
  std::vector<Paragraph> out;
  if (lines.empty()) return out;
  double left = 1e18, right = -1e18;
  std::vector<double> gaps;
  for (size_t i = 0; i < lines.size(); ++i) {
    left = std::min(left, lines[i].x0);
    right = std::max(right, lines[i].x1);
    if (i > 0) gaps.push_back(lines[i].y0 - lines[i - 1].y1);
  }
  // The usual left margin: the smallest x0 shared (within 2pt) by at least
  // two lines, else the smallest x0.
  {
    std::vector<double> xs;
    for (const PdfLine& l : lines) xs.push_back(l.x0);
    std::sort(xs.begin(), xs.end());
    for (size_t i = 0; i + 1 < xs.size(); ++i) {
      if (xs[i + 1] - xs[i] < 2.0) {
        left = xs[i];
        break;
      }
    }
  }
  double typical_gap = gaps.empty() ? 0 : Median(gaps);
  Paragraph cur;
  for (size_t i = 0; i < lines.size(); ++i) {
    PdfLine& l = lines[i];
    bool start = cur.lines.empty();
    if (!start) {
      const PdfLine& prev = cur.lines.back();
      double fs = std::max(1.0, std::min(l.font_size, prev.font_size));
      double gap = l.y0 - prev.y1;
      bool indented = l.x0 > left + 0.9 * fs;
      // The previous line stopped although the next line's first token
      // would have fitted: it ended its paragraph. (Line breaking keeps
      // brackets with their content and leaves ragged right edges, so
      // allow some slack.)
      bool prev_short = right - prev.x1 > FirstTokenWidth(l) + 3.0 * fs;
      bool big_gap = gap > std::max(typical_gap * 1.8, typical_gap + 0.5 * fs);
      bool size_change = std::fabs(l.font_size - prev.font_size) >
                         0.15 * std::max(l.font_size, prev.font_size);
      bool overlap = gap < -0.5 * fs;  // out-of-order or overprinted
      start = indented || prev_short || big_gap || size_change || overlap ||
              StartsWithNumbering(LineText(l));
    }
    if (start && !cur.lines.empty()) {
      out.push_back(std::move(cur));
      cur = Paragraph();
    }
    cur.left = left;
    cur.right = right;
    cur.lines.push_back(std::move(l));
  }
  if (!cur.lines.empty()) out.push_back(std::move(cur));
  return out;
}

void AppendWithBoxes(std::string_view piece, std::vector<TextBox> boxes,
                     int page, std::string* out,
                     std::vector<TextBox>* out_boxes) {
  AppendJoined(piece, out);
  int shift = static_cast<int>(out->size() - piece.size());
  for (TextBox& b : boxes) {
    b.begin += shift;
    b.end += shift;
    b.page = page;
    out_boxes->push_back(b);
  }
}

std::string ParagraphText(const Paragraph& p, int page,
                          std::vector<TextBox>* boxes) {
  std::string out;
  for (const PdfLine& l : p.lines) {
    std::vector<TextBox> line_boxes;
    std::string text = LineTextAndBoxes(l, &line_boxes);
    AppendWithBoxes(text, std::move(line_boxes), page, &out, boxes);
  }
  return out;
}

BBox LinesBox(const std::vector<PdfLine>& lines) {
  BBox b{1e18, 1e18, -1e18, -1e18};
  for (const PdfLine& l : lines) {
    b.x0 = std::min(b.x0, l.x0);
    b.y0 = std::min(b.y0, l.y0);
    b.x1 = std::max(b.x1, l.x1);
    b.y1 = std::max(b.y1, l.y1);
  }
  return b;
}

double ParagraphFontSize(const Paragraph& p) {
  double fs = 0;
  for (const PdfLine& l : p.lines) fs = std::max(fs, l.font_size);
  return fs;
}

}  // namespace pdf_layout_internal
}  // namespace budgetdoc
