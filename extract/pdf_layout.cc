// Tested by tests/extract/pdf_layout_test.cc.
#include "extract/pdf_layout.h"

#include "base/utf8.h"
#include "extract/ocr_spans.h"
#include "extract/pdf_tables.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <utility>

namespace budgetdoc {
namespace {

// ---- Characters -------------------------------------------------------

char32_t FirstChar(std::string_view s) {
  if (s.empty()) return 0;
  size_t pos = 0;
  return DecodeUtf8(s, &pos);
}

char32_t LastChar(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t pos = i;
  return DecodeUtf8(s, &pos);
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// Latin-script letters beyond ASCII (accented letters, Greek, Cyrillic).
bool IsOtherAlphabetic(char32_t c) {
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x370 && c <= 0x4FF);
}

// Characters after which a Latin word may be followed by a space.
bool EndsLatinWord(char32_t c) {
  if (IsAsciiAlnum(c) || IsOtherAlphabetic(c)) return true;
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '%':
    case ')':
    case ']':
    case '"':
    case '\'':
      return true;
    default:
      return false;
  }
}

bool StartsLatinWord(char32_t c) {
  if (IsAsciiAlnum(c) || IsOtherAlphabetic(c)) return true;
  switch (c) {
    case '(':
    case '[':
    case '"':
    case '\'':
    case '$':
    case '-':
    case '+':
      return true;
    default:
      return false;
  }
}

bool IsSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}

// Removes spaces at both ends and control characters anywhere.
std::string CleanWordText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(s, &pos);
    if (c < 0x20 || c == 0x7F) continue;
    if (c == 0xFEFF || c == 0x200B) continue;  // BOM, zero width space
    out.append(s.substr(start, pos - start));
  }
  // Trim spaces.
  size_t b = 0;
  while (b < out.size()) {
    size_t p = b;
    char32_t c = DecodeUtf8(out, &p);
    if (!IsSpaceChar(c)) break;
    b = p;
  }
  out.erase(0, b);
  while (!out.empty()) {
    size_t i = out.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(out[i]) & 0xC0) == 0x80) --i;
    size_t p = i;
    char32_t c = DecodeUtf8(out, &p);
    if (!IsSpaceChar(c)) break;
    out.erase(i);
  }
  return out;
}

bool IsGarbageChar(char32_t c) {
  return c == kReplacementChar || (c >= 0xE000 && c <= 0xF8FF) ||
         (c >= 0xF0000) || c < 0x20 || (c >= 0x7F && c < 0xA0);
}

bool IsCjkChar(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) ||
         (c >= 0x2E80 && c <= 0x2FDF);  // radicals (folded by normalize)
}

// A character that a Chinese report's text layer plausibly holds: CJK
// ideographs and punctuation, full-width forms, ASCII, general punctuation,
// the symbols tables and numbering use (①, ■, ℃, ㎡, ×, Ⅰ, ─). Letters of
// other scripts (Latin-1 and extended Latin, Greek, Cyrillic, kana, ...)
// are what a font without a Unicode map yields: its glyph ids read as
// code points.
bool IsPlausibleChar(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return true;
  if (IsCjkChar(c)) return true;
  if (c >= 0xA0 && c <= 0xBF) return true;  // Latin-1 punctuation: · ° ±
  if (c == 0xD7 || c == 0xF7) return true;  // × ÷
  struct Range {
    char32_t lo, hi;
  };
  static constexpr Range kPlausible[] = {
      {0x2000, 0x206F},  // general punctuation: — … ‰ “ ”
      {0x2100, 0x218F},  // letterlike symbols, number forms: ℃ № Ⅰ
      {0x2190, 0x22FF},  // arrows, mathematical operators
      {0x2460, 0x24FF},  // enclosed alphanumerics: ① ⑴ ⒈
      {0x2500, 0x25FF},  // box drawing, blocks, geometric shapes: ─ ■ ●
      {0x2600, 0x27BF},  // symbols, dingbats: ★ ✓
      {0x3000, 0x303F},  // CJK punctuation
      {0x30FB, 0x30FC},  // ・ ー
      {0x3200, 0x33FF},  // enclosed CJK, CJK compatibility: ㈠ ㎡
      {0xFE30, 0xFE4F},  // CJK compatibility forms
      {0xFF00, 0xFFEF},  // full-width forms
  };
  for (const Range& r : kPlausible) {
    if (c >= r.lo && c <= r.hi) return true;
  }
  return false;
}

// Strips spaces (ASCII and ideographic) from s.
std::string WithoutSpaces(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(s, &pos);
    if (!IsSpaceChar(c)) out.append(s.substr(start, pos - start));
  }
  return out;
}

bool IsChineseNumeral(char32_t c) {
  switch (c) {
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
    case U'百':
    case U'零':
    case U'〇':
    case U'两':
      return true;
    default:
      return false;
  }
}

bool IsAnyDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

std::vector<char32_t> ToChars(std::string_view s) {
  std::vector<char32_t> out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(DecodeUtf8(s, &pos));
  return out;
}

// Consumes a run of chars satisfying pred starting at *i; returns length.
template <typename Pred>
size_t Run(const std::vector<char32_t>& cs, size_t* i, Pred pred) {
  size_t start = *i;
  while (*i < cs.size() && pred(cs[*i])) ++*i;
  return *i - start;
}

bool IsDash(char32_t c) {
  switch (c) {
    case '-':
    case '_':
    case '~':
    case '|':
    case 0x2010:  // hyphen
    case 0x2011:
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x2015:  // horizontal bar
    case 0x2212:  // minus
    case 0x2500:  // box drawings light horizontal
    case 0x2501:
    case 0x30FC:
    case 0xFF0D:  // fullwidth hyphen-minus
    case 0xFF5E:  // fullwidth tilde
    case 0x00B7:  // middle dot
    case 0x2022:  // bullet
    case 0x2027:
      return true;
    default:
      return false;
  }
}

bool IsBracket(char32_t c) {
  switch (c) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '<':
    case '>':
    case 0xFF08:
    case 0xFF09:
    case 0x3010:
    case 0x3011:
    case 0x3008:
    case 0x3009:
    case 0x00AB:
    case 0x00BB:
      return true;
    default:
      return false;
  }
}

// ---- Geometry helpers ---------------------------------------------------

double WordFontSize(const PdfWord& w) {
  if (w.font_size > 0) return w.font_size;
  double h = w.rotation % 2 == 0 ? w.y1 - w.y0 : w.x1 - w.x0;
  return h > 0 ? h : 10.0;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

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

// ---- Pages during layout --------------------------------------------------

struct PageWork {
  const PdfPageInput* input = nullptr;
  PdfPageInput upright;  // words normalized and upright
  std::vector<PdfLine> lines;
  bool unreadable = false;
  int turns = 0;  // quarter turns from displayed to upright
};

bool InTopBand(const PdfLine& l, const PageWork& p, const PdfLayoutOptions& o) {
  return l.y1 <= p.upright.height * o.top_band + 1e-6;
}
bool InBottomBand(const PdfLine& l, const PageWork& p,
                  const PdfLayoutOptions& o) {
  return l.y0 >= p.upright.height * (1.0 - o.bottom_band) - 1e-6;
}

// Text with digit runs replaced by '#' and spaces removed: running headers
// differ only in their page number.
std::string MaskDigits(std::string_view s) {
  std::string out;
  size_t pos = 0;
  bool in_digits = false;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(s, &pos);
    if (IsSpaceChar(c)) continue;
    if (IsAnyDigit(c)) {
      if (!in_digits) out.push_back('#');
      in_digits = true;
      continue;
    }
    in_digits = false;
    out.append(s.substr(start, pos - start));
  }
  return out;
}

bool IsBareNumber(std::string_view text) {
  std::string t = WithoutSpaces(text);
  if (t.empty() || t.size() > 12) return false;
  size_t pos = 0;
  while (pos < t.size()) {
    if (!IsAnyDigit(DecodeUtf8(t, &pos))) return false;
  }
  return true;
}

// Removes running headers, footers and page numbers from the bands of each
// page. Returns the number of lines removed.
int RemoveHeadersAndFooters(std::vector<PageWork>* pages,
                            const PdfLayoutOptions& o) {
  // Count, per band, on how many pages each masked text occurs.
  std::map<std::string, int> top_count, bottom_count;
  int readable = 0;
  for (PageWork& p : *pages) {
    if (p.unreadable || p.lines.empty()) continue;
    ++readable;
    std::map<std::string, bool> seen_top, seen_bottom;
    for (const PdfLine& l : p.lines) {
      std::string key = MaskDigits(LineText(l));
      if (key.empty()) continue;
      if (InTopBand(l, p, o)) seen_top[key] = true;
      if (InBottomBand(l, p, o)) seen_bottom[key] = true;
    }
    for (const auto& [k, v] : seen_top) ++top_count[k];
    for (const auto& [k, v] : seen_bottom) ++bottom_count[k];
  }
  auto repeats = [&](int count) {
    if (readable <= 1) return false;
    if (readable <= 4) return count >= 2 && count * 2 >= readable;
    return count >= o.min_repeats && count * 3 >= std::min(readable, 9);
  };
  int removed = 0;
  for (PageWork& p : *pages) {
    if (p.unreadable || p.lines.size() == 0) continue;
    std::vector<bool> drop(p.lines.size(), false);
    // From the edge inward, in each band: drop page numbers and repeating
    // lines; stop at the first line that is neither.
    auto scan = [&](bool top) {
      int n = static_cast<int>(p.lines.size());
      for (int k = 0; k < n; ++k) {
        int i = top ? k : n - 1 - k;
        const PdfLine& l = p.lines[static_cast<size_t>(i)];
        if (top ? !InTopBand(l, p, o) : !InBottomBand(l, p, o)) break;
        std::string text = LineText(l);
        std::string key = MaskDigits(text);
        bool repeated =
            repeats(top ? top_count[key] : bottom_count[key]) && !key.empty();
        bool number = IsPageNumberText(text);
        if (number && IsBareNumber(text)) {
          // A bare number must stand apart: centred or at an outer edge,
          // and clear of the neighbouring line.
          double w = p.upright.width;
          double cx = (l.x0 + l.x1) / 2;
          bool placed = std::fabs(cx - w / 2) < 0.15 * w || l.x0 > 0.7 * w ||
                        l.x1 < 0.3 * w;
          int j = top ? i + 1 : i - 1;
          bool apart = true;
          if (j >= 0 && j < n) {
            const PdfLine& m = p.lines[static_cast<size_t>(j)];
            double gap = top ? m.y0 - l.y1 : l.y0 - m.y1;
            apart = gap >= 0.6 * std::max(l.height(), 1.0);
          }
          number = placed && apart;
        }
        if (!number && !repeated) break;
        drop[static_cast<size_t>(i)] = true;
      }
    };
    scan(true);
    scan(false);
    std::vector<PdfLine> kept;
    for (size_t i = 0; i < p.lines.size(); ++i) {
      if (drop[i]) {
        ++removed;
      } else {
        kept.push_back(std::move(p.lines[i]));
      }
    }
    p.lines = std::move(kept);
  }
  return removed;
}

// Some producers (spreadsheet exports) repeat the last lines of a page,
// clipped out of view, at the top of the next page. Drops leading lines of
// a page that repeat one of the last lines of the page before.
int RemoveClippedRepeats(std::vector<PageWork>* pages) {
  int removed = 0;
  for (size_t p = 1; p < pages->size(); ++p) {
    PageWork& prev = (*pages)[p - 1];
    PageWork& cur = (*pages)[p];
    if (prev.unreadable || cur.unreadable || prev.lines.empty()) continue;
    std::vector<std::string> tail;
    size_t from = prev.lines.size() > 15 ? prev.lines.size() - 15 : 0;
    for (size_t i = from; i < prev.lines.size(); ++i) {
      tail.push_back(LineText(prev.lines[i]));
    }
    size_t n = 0;
    while (n < cur.lines.size() && cur.lines[n].y1 < cur.upright.height * 0.3) {
      std::string t = LineText(cur.lines[n]);
      if (CountCodePoints(t) < 4 &&
          !(n + 1 < cur.lines.size() &&
            std::find(tail.begin(), tail.end(), t) != tail.end())) {
        break;
      }
      if (std::find(tail.begin(), tail.end(), t) == tail.end()) break;
      ++n;
    }
    // Demand at least two repeated lines (or one long one).
    if (n == 0) continue;
    if (n == 1 && CountCodePoints(LineText(cur.lines[0])) < 12) continue;
    cur.lines.erase(cur.lines.begin(),
                    cur.lines.begin() + static_cast<std::ptrdiff_t>(n));
    removed += static_cast<int>(n);
  }
  return removed;
}

// ---- Prose: columns and paragraphs ----------------------------------------

struct Paragraph {
  std::vector<PdfLine> lines;
  double left = 0, right = 0;  // column margins the lines were judged by
};

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

// Splits prose lines into reading-order groups: sections separated by
// lines that cross a column gutter; inside a section, the left column then
// the right column. A line with text on both sides of the gutter is split.
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

// Width of the unbreakable token a line starts with: a run of Latin
// letters, digits and punctuation ("15.16%"), else one character.
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

// Joins a group of lines (one column, top to bottom) into paragraphs.
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

// ---- Assembly ---------------------------------------------------------------

struct Item {
  enum Kind { kProse, kTable } kind = kProse;
  Paragraph para;  // kProse
  int table = -1;  // kTable: index into the page's tables
  double y0 = 0;
};

// LineText with one box per word; box offsets are into the line's text.
std::string LineTextAndBoxes(const PdfLine& line, std::vector<TextBox>* boxes);

// Appends `piece` the way AppendJoined does, and `boxes` (offsets into
// `piece`) shifted to where the piece landed in *out, on `page`.
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

// The text of a paragraph and the boxes of its words on `page`.
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

}  // namespace

// ---- Public helpers ---------------------------------------------------------

PdfTextQuality AssessPageText(const PdfPageInput& page,
                              const PdfLayoutOptions& options) {
  PdfTextQuality q;
  for (const PdfWord& w : page.words) {
    std::string_view s = w.text;
    size_t pos = 0;
    while (pos < s.size()) {
      // "(cid:123)" is how some tools print glyphs without Unicode.
      if (s[pos] == '(' && s.substr(pos, 5) == "(cid:") {
        size_t end = s.find(')', pos);
        if (end != std::string_view::npos && end - pos <= 12) {
          int n = static_cast<int>(end - pos + 1);
          q.chars += n;
          q.garbage += n;
          pos = end + 1;
          continue;
        }
      }
      char32_t c = DecodeUtf8(s, &pos);
      if (IsSpaceChar(c)) continue;
      ++q.chars;
      if (IsGarbageChar(c)) {
        ++q.garbage;
      } else if (!IsPlausibleChar(c)) {
        ++q.implausible;
      }
      if (IsCjkChar(c)) ++q.cjk;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++q.latin_letters;
    }
  }
  auto percent = [&](int n) {
    return std::to_string(static_cast<int>(std::lround(100.0 * n / q.chars)));
  };
  if (page.image_only) {
    q.unreadable = true;
    q.reason = "no text layer (the page is an image)";
  } else if (q.chars > 0 && q.garbage >= options.max_garbage_share * q.chars) {
    q.unreadable = true;
    q.reason = "text layer is garbled (" + percent(q.garbage) +
               "% replacement, private-use, control or (cid:NN) characters)";
  } else if (q.chars > 0 &&
             q.garbage + q.implausible >= options.max_garbage_share * q.chars) {
    q.unreadable = true;
    q.reason = "text layer is garbled (" + percent(q.garbage + q.implausible) +
               "% of its characters are not plausible text: a font without a "
               "Unicode map)";
  }
  return q;
}

void MarkLatinGibberish(std::vector<PdfTextQuality>* pages,
                        const PdfLayoutOptions& options) {
  int chars = 0, cjk = 0;
  for (const PdfTextQuality& q : *pages) {
    if (q.unreadable) continue;
    chars += q.chars;
    cjk += q.cjk;
  }
  if (chars == 0 || cjk < options.min_cjk_share * chars) return;
  for (PdfTextQuality& q : *pages) {
    if (q.unreadable || q.chars < 40) continue;
    if (q.cjk * 50 < q.chars && q.latin_letters * 2 >= q.chars) {
      q.unreadable = true;
      q.reason =
          "text layer is garbled (Latin letters without a single word of "
          "Chinese on a page of a Chinese document: a font without a Unicode "
          "map)";
    }
  }
}

std::vector<PdfWord> NormalizeWords(const std::vector<PdfWord>& words) {
  std::vector<PdfWord> out;
  out.reserve(words.size());
  // Words without a font size take the page's usual one.
  std::vector<double> sizes;
  for (const PdfWord& w : words) {
    if (w.font_size > 0 && std::isfinite(w.font_size))
      sizes.push_back(w.font_size);
  }
  const double usual = sizes.empty() ? 0 : Median(sizes);
  for (const PdfWord& in : words) {
    PdfWord w = in;
    w.text = CleanWordText(in.text);
    if (w.text.empty()) continue;
    if (!(w.font_size > 0) || !std::isfinite(w.font_size)) w.font_size = usual;
    if (!(w.x1 >= w.x0) || !(w.y1 >= w.y0) || !std::isfinite(w.x0) ||
        !std::isfinite(w.y0) || !std::isfinite(w.x1) || !std::isfinite(w.y1)) {
      continue;
    }
    double fs = w.font_size;
    if (fs <= 0 || !std::isfinite(fs)) fs = 0;
    if (w.rotation % 2 == 0 && fs > 0) {
      double h = w.y1 - w.y0;
      double c = (w.y0 + w.y1) / 2;
      bool fix = false;
      if (h < 0.6 * fs) {
        // Ascent missing: the box bottom is near the baseline.
        c = (w.rotation == 0 ? w.y1 - 0.35 * fs : w.y0 + 0.35 * fs);
        fix = true;
      } else if (h > 1.6 * fs) {
        fix = true;
      }
      if (fix) {
        w.y0 = c - fs / 2;
        w.y1 = c + fs / 2;
      }
    }
    if (fs == 0) {
      fs = w.rotation % 2 == 0 ? w.y1 - w.y0 : w.x1 - w.x0;
      if (fs <= 0) fs = 1;
    }
    w.font_size = fs;
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<PdfLine> BuildLines(const std::vector<PdfWord>& words) {
  std::vector<const PdfWord*> sorted;
  sorted.reserve(words.size());
  for (const PdfWord& w : words) sorted.push_back(&w);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const PdfWord* a, const PdfWord* b) {
                     double ca = (a->y0 + a->y1) / 2, cb = (b->y0 + b->y1) / 2;
                     if (ca != cb) return ca < cb;
                     return a->x0 < b->x0;
                   });
  struct Building {
    std::vector<const PdfWord*> words;
    double center_sum = 0;
    double height = 0;  // smallest word height in the line
    double center() const {
      return center_sum / static_cast<double>(words.size());
    }
  };
  std::vector<Building> building;
  for (const PdfWord* w : sorted) {
    double c = (w->y0 + w->y1) / 2;
    double h = std::max(0.5, w->y1 - w->y0);
    bool placed = false;
    // Only the last few lines can still take a word (sorted by centre).
    for (size_t k = building.size(); k-- > 0 && building.size() - k <= 3;) {
      Building& b = building[k];
      double tol = 0.45 * std::min(h, b.height);
      if (std::fabs(c - b.center()) <= tol) {
        b.words.push_back(w);
        b.center_sum += c;
        b.height = std::min(b.height, h);
        placed = true;
        break;
      }
    }
    if (!placed) {
      Building b;
      b.words.push_back(w);
      b.center_sum = c;
      b.height = h;
      building.push_back(std::move(b));
    }
  }
  std::vector<PdfLine> lines;
  lines.reserve(building.size());
  for (Building& b : building) {
    std::stable_sort(
        b.words.begin(), b.words.end(),
        [](const PdfWord* a, const PdfWord* c) { return a->x0 < c->x0; });
    PdfLine line;
    line.x0 = line.y0 = 1e18;
    line.x1 = line.y1 = -1e18;
    std::map<long, size_t> size_chars;  // font size (half points) -> chars
    for (const PdfWord* w : b.words) {
      // Drop a word printed twice at (almost) the same place (fake bold).
      if (!line.words.empty()) {
        const PdfWord& p = line.words.back();
        double ov = std::min(p.x1, w->x1) - std::max(p.x0, w->x0);
        if (p.text == w->text && ov > 0.7 * (w->x1 - w->x0)) continue;
      }
      line.words.push_back(*w);
      line.x0 = std::min(line.x0, w->x0);
      line.y0 = std::min(line.y0, w->y0);
      line.x1 = std::max(line.x1, w->x1);
      line.y1 = std::max(line.y1, w->y1);
      size_chars[std::lround(WordFontSize(*w) * 2)] += w->text.size();
    }
    size_t best = 0;
    for (const auto& [size, n] : size_chars) {
      if (n > best) {
        best = n;
        line.font_size = static_cast<double>(size) / 2;
      }
    }
    lines.push_back(std::move(line));
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const PdfLine& a, const PdfLine& b) {
                     return a.center() < b.center();
                   });
  return lines;
}

namespace {

void AppendJoinedHint(std::string_view piece, bool space_hint,
                      std::string* out) {
  if (piece.empty()) return;
  if (!out->empty() && space_hint && EndsLatinWord(LastChar(*out)) &&
      StartsLatinWord(FirstChar(piece))) {
    out->push_back(' ');
  }
  out->append(piece);
}

std::string LineTextAndBoxes(const PdfLine& line, std::vector<TextBox>* boxes) {
  std::string out;
  for (size_t i = 0; i < line.words.size(); ++i) {
    bool hint = true;
    const PdfWord& w = line.words[i];
    if (i > 0) {
      const PdfWord& p = line.words[i - 1];
      double gap = w.x0 - p.x1;
      hint = p.space_after || gap > 0.2 * WordFontSize(w);
    }
    AppendJoinedHint(w.text, hint, &out);
    if (boxes != nullptr && !w.text.empty()) {
      int end = static_cast<int>(out.size());
      boxes->push_back({end - static_cast<int>(w.text.size()), end, 0,
                        BBox{w.x0, w.y0, w.x1, w.y1}});
    }
  }
  return out;
}

}  // namespace

void AppendJoined(std::string_view piece, std::string* out) {
  AppendJoinedHint(piece, true, out);
}

std::string LineText(const PdfLine& line) {
  return LineTextAndBoxes(line, nullptr);
}

bool IsPageNumberText(std::string_view text) {
  std::vector<char32_t> cs = ToChars(WithoutSpaces(text));
  // Strip decorations at both ends.
  size_t b = 0, e = cs.size();
  while (b < e && (IsDash(cs[b]) || IsBracket(cs[b]))) ++b;
  while (e > b && (IsDash(cs[e - 1]) || IsBracket(cs[e - 1]))) --e;
  std::vector<char32_t> c(cs.begin() + static_cast<std::ptrdiff_t>(b),
                          cs.begin() + static_cast<std::ptrdiff_t>(e));
  if (c.empty()) return false;
  auto digits = [](char32_t x) { return IsAnyDigit(x); };
  auto numeral = [](char32_t x) {
    return IsAnyDigit(x) || IsChineseNumeral(x);
  };
  size_t i = 0;
  // "5"
  if (Run(c, &i, digits) > 0 && i == c.size()) return i <= 4;
  // "3/20"
  i = 0;
  if (Run(c, &i, digits) > 0 && i < c.size() && c[i] == '/') {
    ++i;
    if (Run(c, &i, digits) > 0 && i == c.size()) return true;
  }
  // "第3页", "第3页共20页", "第3页/共20页", "共20页第3页"
  // Reads "<lead><numeral>页" at *j, advancing past it.
  auto marked = [&](size_t* j, char32_t lead) {
    if (*j >= c.size() || c[*j] != lead) return false;
    ++*j;
    if (Run(c, j, numeral) == 0) return false;
    if (*j >= c.size() || c[*j] != U'页') return false;
    ++*j;
    return true;
  };
  auto page_of = [&](size_t* j) { return marked(j, U'第'); };
  auto total = [&](size_t* j) { return marked(j, U'共'); };
  auto separators = [&](size_t* j) {
    while (*j < c.size() && (c[*j] == '/' || c[*j] == ',' || c[*j] == U'，' ||
                             c[*j] == U'、' || IsDash(c[*j]))) {
      ++*j;
    }
  };
  i = 0;
  if (page_of(&i)) {
    if (i == c.size()) return true;
    separators(&i);
    if (total(&i) && i == c.size()) return true;
  }
  i = 0;
  if (total(&i)) {
    separators(&i);
    if (page_of(&i) && i == c.size()) return true;
  }
  // "Page 3", "Page 3 of 20", "p.3"
  std::string ascii;
  for (char32_t x : c) {
    if (x < 0x80) {
      ascii.push_back(static_cast<char>(std::tolower(static_cast<int>(x))));
    } else {
      return false;
    }
  }
  for (std::string_view prefix : {"page", "p."}) {
    if (ascii.rfind(prefix, 0) == 0) {
      std::string_view rest = std::string_view(ascii).substr(prefix.size());
      size_t k = 0;
      while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9') ++k;
      if (k == 0) return false;
      if (k == rest.size()) return true;
      rest.remove_prefix(k);
      if (rest.rfind("of", 0) == 0 || rest.rfind("/", 0) == 0) {
        rest.remove_prefix(rest[0] == '/' ? 1 : 2);
        k = 0;
        while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9') ++k;
        return k > 0 && k == rest.size();
      }
      return false;
    }
  }
  return false;
}

bool StartsWithNumbering(std::string_view text) {
  std::vector<char32_t> c = ToChars(text.substr(0, 64));
  size_t i = 0;
  while (i < c.size() && IsSpaceChar(c[i])) ++i;
  if (i >= c.size()) return false;
  char32_t first = c[i];
  // ①..⑳, ⑴..⒇, ⒈..⒛
  if (first >= 0x2460 && first <= 0x249B) return true;
  // Bullets.
  if (first == U'●' || first == U'•' || first == U'◆' || first == U'■' ||
      first == U'▪' || first == U'□' || first == U'○' || first == U'◇') {
    return true;
  }
  size_t j = i;
  // 一、 十一、
  if (Run(c, &j, IsChineseNumeral) > 0 && j - i <= 4 && j < c.size() &&
      (c[j] == U'、' || c[j] == U'．' || c[j] == '.')) {
    return true;
  }
  // （一） (1) （1）
  j = i;
  if (c[j] == '(' || c[j] == U'（') {
    ++j;
    size_t k = j;
    if (Run(c, &j,
            [](char32_t x) { return IsChineseNumeral(x) || IsAnyDigit(x); }) >
            0 &&
        j - k <= 3 && j < c.size() && (c[j] == ')' || c[j] == U'）')) {
      return true;
    }
  }
  // 1. 1、 1） 12．  (not "1.5")
  j = i;
  if (Run(c, &j, IsAnyDigit) > 0 && j - i <= 3 && j < c.size() &&
      (c[j] == '.' || c[j] == U'．' || c[j] == U'、' || c[j] == ')' ||
       c[j] == U'）')) {
    if (j + 1 >= c.size() || !IsAnyDigit(c[j + 1])) return true;
  }
  // 第一部分 第二条 第3章
  j = i;
  if (c[j] == U'第') {
    ++j;
    size_t k = j;
    if (Run(c, &j,
            [](char32_t x) { return IsChineseNumeral(x) || IsAnyDigit(x); }) >
            0 &&
        j - k <= 4 && j < c.size()) {
      char32_t u = c[j];
      if (u == U'部' || u == U'章' || u == U'节' || u == U'条' || u == U'篇' ||
          u == U'款' || u == U'项') {
        return true;
      }
    }
  }
  return false;
}

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
    const PdfPageInput& in = pages[i];
    PageWork& p = work[i];
    p.input = &in;
    Page page;
    page.number = in.number;
    page.width = in.width;
    page.height = in.height;
    page.rotation = in.rotation;
    page.ocr = in.ocr;
    if (in.ocr) page.ocr_confidence = MedianOcrConfidence(in.words);
    PdfTextQuality q = quality[i];
    // Recognized text: OCR has read the page; its confidence guards the
    // checks (check/context.cc), not the gate.
    if (in.ocr) q.unreadable = false;
    page.blank = in.blank && !in.ocr && !q.unreadable;
    if (q.unreadable) {
      page.unreadable = true;
      page.reason = q.reason;
      p.unreadable = true;
      ++unreadable_pages;
      Provenance where;
      where.page = in.number;
      Finding f;
      f.severity = Severity::kWarning;
      f.rule = "extract.pdf.unreadable_page";
      f.message = "page " + std::to_string(in.number) +
                  ": unreadable: " + q.reason + "; its text is not extracted";
      f.where.push_back(where);
      doc.findings.push_back(std::move(f));
    } else {
      p.upright.number = in.number;
      p.upright.rotation = in.rotation;
      p.upright.ocr = in.ocr;
      double w = in.width, h = in.height;
      p.upright.words =
          NormalizeWords(UprightWords(in.words, &w, &h, &p.turns));
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
      pages[i].words = std::vector<PdfWord>();
    }
    doc.pages.push_back(std::move(page));
  }
  RemoveHeadersAndFooters(&work, options);
  RemoveClippedRepeats(&work);

  // Per page: tables, prose paragraphs, reading order.
  struct PageItems {
    std::vector<PdfTable> tables;
    std::vector<Item> items;
  };
  std::vector<PageItems> page_items(work.size());
  PdfTableOptions table_options;
  for (size_t pi = 0; pi < work.size(); ++pi) {
    PageWork& p = work[pi];
    if (p.unreadable || p.lines.empty()) continue;
    PageItems& out = page_items[pi];
    if (options.tables) {
      out.tables = FindTables(p.lines, p.upright, table_options);
      if (find_rulings && p.upright.rulings.empty() &&
          std::any_of(out.tables.begin(), out.tables.end(), NeedsRulings)) {
        for (const PdfRuling& r : find_rulings(p.input->number)) {
          p.upright.rulings.push_back(
              UprightRuling(r, p.turns, p.input->width, p.input->height));
        }
        ++doc_rendered_pages;
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
        while (next_span < spans.size() &&
               l.center() > spans[next_span].first) {
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
    // Order: by position, keeping the column order of prose items (stable
    // sort on the y of each item's section start would break columns, so
    // tables are placed before the first prose item that starts below
    // them).
    std::vector<Item> ordered;
    std::vector<Item> prose, tables;
    for (Item& it : out.items) {
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
    out.items = std::move(ordered);
  }

  // Body font size: the most common line font size of prose, by chars.
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
  std::vector<double> heading_sizes;
  for (const auto& [k, n] : size_chars) {
    double s = static_cast<double>(k) / 2;
    if (body_size > 0 && s >= body_size * 1.2) heading_sizes.push_back(s);
  }
  std::sort(heading_sizes.rbegin(), heading_sizes.rend());

  // Emit blocks, continuing paragraphs and tables across page breaks.
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
        bool prev_full =
            last_para->right - prev.x1 <= FirstTokenWidth(first) + 3.0 * fs;
        bool indented = first.x0 > para.left + 0.9 * fs;
        bool same_size = std::fabs(prev.font_size - first.font_size) <=
                         0.15 * std::max(prev.font_size, first.font_size);
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
      if (para.lines.size() <= 2 && body_size > 0 && fs >= body_size * 1.2) {
        b.kind = BlockKind::kHeading;
        for (size_t h = 0; h < heading_sizes.size(); ++h) {
          if (std::fabs(heading_sizes[h] - fs) < 0.6) {
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
