#include "extract/pdf_chars.h"

#include "base/utf8.h"

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

bool IsOtherAlphabetic(char32_t c) {
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x370 && c <= 0x4FF);
}

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

}  // namespace pdf_layout_internal
}  // namespace budgetdoc
