#include "extract/pdf_table_header.h"

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

}  // namespace

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

}  // namespace pdf_tables_internal
}  // namespace budgetdoc
