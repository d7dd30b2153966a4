// Tested by tests/extract/pdf_layout_test.cc.
#include "extract/pdf_lines.h"

#include "base/utf8.h"
#include "extract/pdf_chars.h"
#include "extract/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {

using namespace pdf_layout_internal;  // NOLINT(google-build-using-namespace)

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

}  // namespace

namespace pdf_layout_internal {

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

}  // namespace pdf_layout_internal

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

}  // namespace budgetdoc
