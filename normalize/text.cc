#include "normalize/text.h"

#include "base/utf8.h"
#include "normalize/unicode.h"

#include <algorithm>

namespace budgetdoc {
namespace {

// CJK Radicals Supplement (U+2E80..U+2EFF) forms that NFKC leaves alone but
// PDF fonts emit in place of ordinary ideographs.
struct RadicalFold {
  char32_t from, to;
};
constexpr RadicalFold kRadicalFolds[] = {
    {0x2E84, 0x4E59}, {0x2E85, 0x4EBB}, {0x2E86, 0x5182}, {0x2E88, 0x5200},
    {0x2E8A, 0x535C}, {0x2E8C, 0x5C0F}, {0x2E8D, 0x5C0F}, {0x2E8E, 0x5140},
    {0x2E8F, 0x5C23}, {0x2E90, 0x5C22}, {0x2E92, 0x5DF3}, {0x2E93, 0x5E7A},
    {0x2E94, 0x5F51}, {0x2E95, 0x5F50}, {0x2E96, 0x5FC4}, {0x2E97, 0x5FC3},
    {0x2E98, 0x624C}, {0x2E99, 0x6535}, {0x2E9B, 0x65E1}, {0x2E9D, 0x6708},
    {0x2E9E, 0x6B7A}, {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EA1, 0x6C35},
    {0x2EA2, 0x6C3A}, {0x2EA3, 0x706C}, {0x2EA4, 0x722B}, {0x2EA5, 0x722B},
    {0x2EA6, 0x4E2C}, {0x2EA7, 0x725B}, {0x2EA8, 0x72AD}, {0x2EA9, 0x738B},
    {0x2EAA, 0x7592}, {0x2EAB, 0x7F52}, {0x2EAC, 0x793A}, {0x2EAD, 0x793B},
    {0x2EAE, 0x7AF9}, {0x2EAF, 0x7CF9}, {0x2EB0, 0x7E9F}, {0x2EB1, 0x7F53},
    {0x2EB2, 0x7F52}, {0x2EB3, 0x7F51}, {0x2EB4, 0x7F52}, {0x2EB5, 0x7F52},
    {0x2EB6, 0x7F8A}, {0x2EB7, 0x7F8A}, {0x2EB8, 0x7F8B}, {0x2EB9, 0x8002},
    {0x2EBA, 0x8080}, {0x2EBB, 0x807F}, {0x2EBC, 0x8089}, {0x2EBD, 0x81FC},
    {0x2EBE, 0x8279}, {0x2EBF, 0x8279}, {0x2EC0, 0x8279}, {0x2EC1, 0x864E},
    {0x2EC2, 0x8864}, {0x2EC3, 0x8980}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1},
    {0x2EC6, 0x89D2}, {0x2EC7, 0x89D2}, {0x2EC8, 0x8BA0}, {0x2EC9, 0x8D1D},
    {0x2ECA, 0x8DB3}, {0x2ECB, 0x8F66}, {0x2ECC, 0x8FB6}, {0x2ECD, 0x8FB6},
    {0x2ECE, 0x8FB6}, {0x2ECF, 0x961D}, {0x2ED0, 0x9485}, {0x2ED1, 0x9577},
    {0x2ED2, 0x9578}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED5, 0x961C},
    {0x2ED6, 0x961D}, {0x2ED7, 0x96E8}, {0x2ED8, 0x9752}, {0x2ED9, 0x97E6},
    {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF},
    {0x2EDE, 0x98E0}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE1, 0x9996},
    {0x2EE2, 0x9A6C}, {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C},
    {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364}, {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4},
    {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589}, {0x2EEC, 0x9F50}, {0x2EED, 0x6B6F},
    {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99}, {0x2EF1, 0x9F9C},
    {0x2EF2, 0x4E80}, {0x2EF3, 0x9F9F},
};

bool IsCjkOrFullwidthPunct(char32_t c) {
  return IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || c == 0x201C || c == 0x201D ||
         c == 0x2018 || c == 0x2019;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == 0x2002 ||
         c == 0x2003 || c == 0x2009 || c == 0x200B || c == 0xFEFF ||
         c == '\r' || c == '\f' || c == '\v';
}

bool IsFullwidthDigit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }

struct CodePoint {
  char32_t c;
  uint32_t raw;  // byte offset in raw
};

std::vector<CodePoint> Decode(std::string_view raw) {
  std::vector<CodePoint> out;
  out.reserve(raw.size());
  size_t pos = 0;
  while (pos < raw.size()) {
    uint32_t at = static_cast<uint32_t>(pos);
    out.push_back({DecodeUtf8(raw, &pos), at});
  }
  return out;
}

// A line that is only a page number or a footer mark: "28", "— 5 —",
// "-16-", "第3页", "第 3 页 共 20 页".
bool IsPageNumberLine(const std::vector<CodePoint>& cps, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e; ++i) {
    if (!IsSpace(cps[i].c)) AppendUtf8(cps[i].c, &s);
  }
  if (s.empty() || s.size() > 40) return false;
  bool digits = false;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = DecodeUtf8(s, &pos);
    if (IsAsciiDigit(c) || IsFullwidthDigit(c)) {
      digits = true;
    } else if (!(c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2500 ||
                 c == 0x2015 || c == 0xFF0D || c == 0x7B2C /*第*/ ||
                 c == 0x9875 /*页*/ || c == 0x5171 /*共*/ || c == '/' ||
                 c == 0x00B7)) {
      return false;
    }
  }
  return digits;
}

}  // namespace

void NormalizedText::MapCodePoint(size_t norm, uint32_t raw) {
  if (!anchors.empty()) {
    const Anchor& a = anchors.back();
    if (a.raw + (norm - a.norm) == raw) return;  // copied: no anchor needed
  }
  anchors.push_back({static_cast<uint32_t>(norm), raw});
}

uint32_t NormalizedText::ToRaw(size_t norm) const {
  if (norm >= text.size()) return raw_size;
  // The start of the code point holding byte `norm`.
  size_t start = norm;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  auto it =
      std::upper_bound(anchors.begin(), anchors.end(), start,
                       [](size_t n, const Anchor& a) { return n < a.norm; });
  if (it == anchors.begin()) return raw_size;  // no map (never built)
  --it;
  return it->raw + static_cast<uint32_t>(start - it->norm);
}

uint32_t NormalizedText::RawEnd(size_t norm_end) const {
  if (norm_end == 0) return ToRaw(0);
  // The raw end is where the code point after the last normalized byte's
  // source starts: the next distinct raw offset after ToRaw(norm_end - 1).
  uint32_t last = ToRaw(norm_end - 1);
  for (size_t i = norm_end; i <= text.size(); ++i) {
    uint32_t r = ToRaw(i);
    if (r != last) return r;
  }
  return raw_size;
}

void FoldCodePoint(char32_t c, std::string* out) {
  if (c >= 0x2E80 && c <= 0x2EFF) {
    auto it = std::lower_bound(
        std::begin(kRadicalFolds), std::end(kRadicalFolds), c,
        [](const RadicalFold& f, char32_t v) { return f.from < v; });
    if (it != std::end(kRadicalFolds) && it->from == c) {
      AppendUtf8(it->to, out);
      return;
    }
  }
  switch (c) {
    // Chinese prose punctuation stays in its canonical full-width form.
    case 0xFF08:  // （
    case 0xFF09:  // ）
    case 0xFF0C:  // ，
    case 0xFF1A:  // ：
    case 0xFF1B:  // ；
    case 0xFF01:  // ！
    case 0xFF1F:  // ？
      AppendUtf8(c, out);
      return;
    case 0x2212:  // minus sign
    case 0x2013:  // en dash used as minus
    case 0xFE63:
      out->push_back('-');
      return;
    default:
      break;
  }
  AppendNfkc(c, out);
}

NormalizedText NormalizeText(std::string_view raw) {
  std::vector<CodePoint> cps = Decode(raw);
  // Drop page-number lines that sit inside a sentence (between two
  // non-empty lines of the same block).
  std::vector<bool> drop(cps.size(), false);
  {
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < cps.size(); ++i) {
      if (cps[i].c == '\n') starts.push_back(i + 1);
    }
    for (size_t k = 1; k + 1 < starts.size(); ++k) {
      size_t b = starts[k], e = starts[k + 1] - 1;  // e at '\n'
      if (IsPageNumberLine(cps, b, e)) {
        for (size_t i = b; i <= e; ++i) drop[i] = true;
      }
    }
  }

  NormalizedText out;
  out.text.reserve(raw.size());
  // Folded code points with their raw offsets, before space handling.
  struct Folded {
    char32_t c;
    uint32_t raw;
  };
  std::vector<Folded> folded;
  folded.reserve(cps.size());
  std::string buf;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (drop[i]) continue;
    char32_t c = cps[i].c;
    if (c == '\n') {
      folded.push_back({'\n', cps[i].raw});
      continue;
    }
    if (IsSpace(c)) {
      folded.push_back({' ', cps[i].raw});
      continue;
    }
    if (c == 0xFF0C && i > 0 && IsFullwidthDigit(cps[i - 1].c) &&
        i + 1 < cps.size() && IsFullwidthDigit(cps[i + 1].c)) {
      folded.push_back({',', cps[i].raw});
      continue;
    }
    buf.clear();
    FoldCodePoint(c, &buf);
    size_t pos = 0;
    while (pos < buf.size()) {
      char32_t f = DecodeUtf8(buf, &pos);
      folded.push_back({IsSpace(f) ? U' ' : f, cps[i].raw});
    }
  }

  // Whitespace: a run of spaces/newlines becomes nothing when it sits
  // between CJK (or CJK punctuation) and CJK/digit/%, or at either end;
  // otherwise one space.
  auto keep_gap = [](char32_t prev, char32_t next) {
    if (prev == 0 || next == 0) return false;
    bool prev_cjk = IsCjkOrFullwidthPunct(prev);
    bool next_cjk = IsCjkOrFullwidthPunct(next);
    if (prev_cjk || next_cjk) return false;
    if (next == '%' || next == '.' || next == ',') return false;
    if (prev == '.' || prev == '-' || prev == '(' || next == ')') return false;
    return true;
  };
  char32_t prev = 0;
  size_t i = 0;
  while (i < folded.size()) {
    if (folded[i].c == ' ' || folded[i].c == '\n') {
      size_t j = i;
      bool newline = false;
      while (j < folded.size() && (folded[j].c == ' ' || folded[j].c == '\n')) {
        newline = newline || folded[j].c == '\n';
        ++j;
      }
      char32_t next = j < folded.size() ? folded[j].c : 0;
      // Between two ASCII digits a line break is a wrap inside a number
      // only if no space was printed; keep a space for a plain space.
      if (keep_gap(prev, next) &&
          !(newline && IsAsciiDigit(prev) && IsAsciiDigit(next))) {
        out.MapCodePoint(out.text.size(), folded[i].raw);
        out.text.push_back(' ');
      }
      i = j;
      continue;
    }
    out.MapCodePoint(out.text.size(), folded[i].raw);
    AppendUtf8(folded[i].c, &out.text);
    prev = folded[i].c;
    ++i;
  }
  out.raw_size = static_cast<uint32_t>(raw.size());
  out.anchors.shrink_to_fit();
  return out;
}

}  // namespace budgetdoc
