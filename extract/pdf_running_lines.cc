#include "extract/pdf_running_lines.h"

#include "base/utf8.h"
#include "extract/pdf_chars.h"

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

bool InTopBand(const PdfLine& l, const PageWork& p, const PdfLayoutOptions& o) {
  return l.y1 <= p.upright.height * o.top_band + 1e-6;
}

bool InBottomBand(const PdfLine& l, const PageWork& p,
                  const PdfLayoutOptions& o) {
  return l.y0 >= p.upright.height * (1.0 - o.bottom_band) - 1e-6;
}

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

}  // namespace pdf_layout_internal
}  // namespace budgetdoc
