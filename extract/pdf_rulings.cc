#include "extract/pdf_rulings.h"

#include <algorithm>
#include <cmath>

namespace budgetdoc {
namespace {

// A run of ink along one pixel row (or column): [a, b).
struct Run {
  int a = 0, b = 0;
};

// Segments along one axis. `ink(i, j)` reads the pixel at position i along
// the scan line j. Runs on adjacent scan lines that overlap mostly are one
// segment (a line 2-3 pixels thick); a run may bridge a one-pixel gap.
// Returns false when the limits of `o` are exceeded.
template <typename Ink>
bool Scan(int lines, int length, Ink ink, int min_run, int max_thick,
          double scale, bool vertical, const RulingOptions& o,
          std::vector<PdfRuling>* found) {
  struct Open {
    int first = 0, last = 0;  // scan lines
    int a = 0, b = 0;         // extent along the line
  };
  std::vector<PdfRuling>& out = *found;
  std::vector<Open> open, next;
  auto emit = [&](const Open& seg) {
    int thick = seg.last - seg.first + 1;
    if (thick > max_thick) return;  // a filled area, not a line
    double mid = (seg.first + seg.last + 1) / 2.0 / scale;
    PdfRuling r;
    if (vertical) {
      r.x0 = r.x1 = mid;
      r.y0 = seg.a / scale;
      r.y1 = seg.b / scale;
    } else {
      r.y0 = r.y1 = mid;
      r.x0 = seg.a / scale;
      r.x1 = seg.b / scale;
    }
    out.push_back(r);
  };
  std::vector<Run> runs;
  for (int j = 0; j < lines; ++j) {
    runs.clear();
    int i = 0;
    while (i < length) {
      if (!ink(i, j)) {
        ++i;
        continue;
      }
      int start = i;
      int end = i;
      while (end < length &&
             (ink(end, j) || (end + 1 < length && ink(end + 1, j)))) {
        ++end;
      }
      if (end - start >= min_run) runs.push_back({start, end});
      i = end + 1;
    }
    if (runs.size() > o.max_runs_per_line) return false;
    // Continue open segments with overlapping runs of this line.
    next.clear();
    std::vector<bool> taken(runs.size(), false);
    for (const Open& seg : open) {
      bool continued = false;
      for (size_t k = 0; k < runs.size(); ++k) {
        if (taken[k]) continue;
        int overlap = std::min(seg.b, runs[k].b) - std::max(seg.a, runs[k].a);
        int shorter = std::min(seg.b - seg.a, runs[k].b - runs[k].a);
        if (overlap * 10 >= shorter * 8) {
          Open c = seg;
          c.last = j;
          c.a = std::min(c.a, runs[k].a);
          c.b = std::max(c.b, runs[k].b);
          next.push_back(c);
          taken[k] = true;
          continued = true;
          break;
        }
      }
      if (!continued) emit(seg);
    }
    if (out.size() > o.max_rulings) return false;
    for (size_t k = 0; k < runs.size(); ++k) {
      if (!taken[k]) next.push_back({j, j, runs[k].a, runs[k].b});
    }
    open.swap(next);
  }
  for (const Open& seg : open) emit(seg);
  return out.size() <= o.max_rulings;
}

}  // namespace

std::vector<PdfRuling> FindRulings(const GrayImage& image,
                                   const RulingOptions& options) {
  std::vector<PdfRuling> out;
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 ||
      image.stride < image.width || !(image.pixels_per_point > 0)) {
    return out;
  }
  const double scale = image.pixels_per_point;
  const int min_run =
      std::max(2, static_cast<int>(std::lround(options.min_length * scale)));
  const int max_thick =
      std::max(1, static_cast<int>(std::lround(options.max_thickness * scale)));
  const unsigned char* px = image.pixels;
  const int stride = image.stride;
  const int dark = options.dark_below;
  auto at = [&](int x, int y) {
    return px[static_cast<size_t>(y) * static_cast<size_t>(stride) +
              static_cast<size_t>(x)] < dark;
  };
  std::vector<PdfRuling> v;
  if (!Scan(
          image.height, image.width, [&](int i, int j) { return at(i, j); },
          min_run, max_thick, scale, /*vertical=*/false, options, &out) ||
      !Scan(
          image.width, image.height, [&](int i, int j) { return at(j, i); },
          min_run, max_thick, scale, /*vertical=*/true, options, &v) ||
      out.size() + v.size() > options.max_rulings) {
    return {};
  }
  std::sort(out.begin(), out.end(), [](const PdfRuling& a, const PdfRuling& b) {
    return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0;
  });
  std::sort(v.begin(), v.end(), [](const PdfRuling& a, const PdfRuling& b) {
    return a.x0 != b.x0 ? a.x0 < b.x0 : a.y0 < b.y0;
  });
  out.insert(out.end(), v.begin(), v.end());
  return out;
}

}  // namespace budgetdoc
