#include "extract/pdf_table_columns.h"

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
namespace {

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

}  // namespace

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

}  // namespace pdf_tables_internal
}  // namespace budgetdoc
