#include "extract/pdf_table_rows.h"

#include "base/utf8.h"
#include "extract/pdf_table_columns.h"
#include "extract/pdf_table_rulings.h"

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

// Row thresholds, in font sizes of the line.
// A cell's last line within this much of its column's right end fills it
// (its text may go on on the next line).
constexpr double kFillSlackFontSizes = 1.2;
// A line whose centre is closer than this to the row above, with text in
// other columns only, is part of that row.
constexpr double kSameRowFontSizes = 0.85;
// A wrapped label's lines are at most this far apart.
constexpr double kMaxWrapGapFontSizes = 0.8;
// A continuation line indented by more than this starts a row of its own.
constexpr double kMaxWrapIndentFontSizes = 1.5;
// The table's wrap and row gaps tell rows apart only when they differ by
// more than this.
constexpr double kMinSpacingDifferenceFontSizes = 0.15;
namespace {

// Whether the last line of a cell's text reaches the right end of its
// column (so the text may continue on the next line).
bool FillsColumn(const CellBuild& cell, const Column& col, double fs) {
  if (cell.empty()) return false;
  int last_line = -1;
  for (const Unit* u : cell.units) last_line = std::max(last_line, u->line);
  double x1 = -kInf;
  for (const Unit* u : cell.units) {
    if (u->line == last_line) x1 = std::max(x1, u->x1);
  }
  return x1 >= col.b - kFillSlackFontSizes * fs;
}

// The body lines from `first` to `end`, each split into the cells of
// `cols`; `line_fs`: each line's font size (at least 1).
std::vector<RowBuild> BodyLines(const std::vector<LineInfo>& infos, int first,
                                int end, const std::vector<Column>& cols,
                                std::vector<double>* line_fs_out) {
  const size_t ncols = cols.size();
  std::vector<double>& line_fs = *line_fs_out;
  std::vector<RowBuild> lines;
  for (int li = first; li < end; ++li) {
    const LineInfo& info = infos[static_cast<size_t>(li)];
    if (info.units.empty()) continue;
    RowBuild line;
    line.cells.resize(ncols);
    for (const Unit& u : info.units) {
      int c = ColumnOf(u, cols);
      if (c < 0) continue;
      line.cells[static_cast<size_t>(c)].Add(&u);
      line.y0 = std::min(line.y0, u.y0);
      line.y1 = std::max(line.y1, u.y1);
    }
    line.center_sum = (line.y0 + line.y1) / 2;
    line.line_count = 1;
    lines.push_back(std::move(line));
    line_fs.push_back(std::max(1.0, info.fs));
  }
  return lines;
}

// The table's own spacing: the gap between the two lines of a label that
// surely wraps (its rest is short: "款", "出") and the gap between rows
// that surely differ (both hold numbers). A label-only line as long as a
// full label is then a row of its own when it sits a row gap below.
void TableSpacing(const std::vector<RowBuild>& lines,
                  const std::vector<double>& line_fs,
                  const std::vector<Column>& cols,
                  std::optional<double>* wrap_gap,
                  std::optional<double>* row_gap) {
  const size_t ncols = cols.size();
  std::vector<double> wrap_gaps, row_gaps;
  for (size_t k = 1; k < lines.size(); ++k) {
    const RowBuild& a = lines[k - 1];
    const RowBuild& b = lines[k];
    double gap = b.y0 - a.y1;
    if (a.has_number() && b.has_number()) {
      row_gaps.push_back(gap);
      continue;
    }
    if (b.has_number()) continue;
    bool sure_wrap = true, any = false;
    for (size_t c = 0; c < ncols && sure_wrap; ++c) {
      if (b.cells[c].empty()) continue;
      any = true;
      sure_wrap = !a.cells[c].empty() && !a.cells[c].numeric() &&
                  FillsColumn(a.cells[c], cols[c], line_fs[k]) &&
                  !FillsColumn(b.cells[c], cols[c], line_fs[k]);
    }
    if (any && sure_wrap) wrap_gaps.push_back(gap);
  }
  if (!wrap_gaps.empty()) *wrap_gap = Median(wrap_gaps);
  if (!row_gaps.empty()) *row_gap = Median(row_gaps);
}

}  // namespace

void BuildBody(const std::vector<LineInfo>& infos, int first, int end,
               const std::vector<Column>& cols, int page,
               const std::vector<PdfRuling>& rules, bool* ambiguous,
               Table* table) {
  const size_t ncols = cols.size();
  std::vector<double> line_fs;
  std::vector<RowBuild> lines = BodyLines(infos, first, end, cols, &line_fs);
  std::optional<double> wrap_gap, row_gap;
  TableSpacing(lines, line_fs, cols, &wrap_gap, &row_gap);

  auto gap_to = [](const RowBuild& a, const RowBuild& b) {
    return b.y0 - a.y1;
  };
  std::vector<RowBuild> rows;
  // Per column: centre of the last line of rows.back() with text there (or
  // of its first line).
  std::vector<double> above(ncols, 0);
  for (size_t k = 0; k < lines.size(); ++k) {
    RowBuild line = lines[k];
    if (!rows.empty() && !rules.empty()) {
      RowBuild& prev = rows.back();
      double center = line.center();
      if (!RuledBetween(rules, above, center, line)) {
        for (size_t c = 0; c < ncols; ++c) {
          for (const Unit* u : line.cells[c].units) prev.cells[c].Add(u);
        }
        prev.y0 = std::min(prev.y0, line.y0);
        prev.y1 = std::max(prev.y1, line.y1);
        for (size_t c = 0; c < ncols; ++c) {
          if (!line.cells[c].empty()) above[c] = center;
        }
        continue;
      }
    } else if (!rows.empty()) {
      RowBuild& prev = rows.back();
      double fs = line_fs[k];
      bool disjoint = true;
      for (size_t c = 0; c < ncols; ++c) {
        if (!line.cells[c].empty() && !prev.cells[c].empty()) disjoint = false;
      }
      double dc = std::fabs(line.center() - (prev.y0 + prev.y1) / 2);
      // (a) Closer than a row pitch, in other columns: the same row.
      bool same_row = disjoint && dc < kSameRowFontSizes * fs;
      // (b) A text-only line continuing labels that filled their column.
      bool wrapped = false;
      if (!same_row && !line.has_number()) {
        wrapped = true;
        for (size_t c = 0; c < ncols && wrapped; ++c) {
          const CellBuild& lc = line.cells[c];
          if (lc.empty()) continue;
          const CellBuild& pc = prev.cells[c];
          if (pc.empty() || pc.numeric() || !FillsColumn(pc, cols[c], fs)) {
            wrapped = false;
            break;
          }
          std::string text = CellText(lc.units);
          if (StartsWithNumbering(text)) wrapped = false;
          if (lc.x0() > pc.x0() + kMaxWrapIndentFontSizes * fs)
            wrapped = false;  // indented
        }
        double gap = line.y0 - prev.y1;
        if (gap > kMaxWrapGapFontSizes * fs) wrapped = false;
        // A "continuation" that fills its column too may as well be a row
        // of its own with blank values: the table's spacing tells when its
        // wrap and row gaps differ, else only rulings can.
        bool fills = false;
        for (size_t c = 0; c < ncols; ++c) {
          if (!line.cells[c].empty() &&
              FillsColumn(line.cells[c], cols[c], fs)) {
            fills = true;
          }
        }
        if (wrapped && fills) {
          if (wrap_gap && row_gap &&
              *row_gap - *wrap_gap > kMinSpacingDifferenceFontSizes * fs) {
            wrapped = std::fabs(gap - *wrap_gap) < std::fabs(gap - *row_gap);
          } else if (ambiguous != nullptr) {
            *ambiguous = true;
          }
        }
      }
      // (c) A label alone on its line that fills its column, then a line
      // with numbers whose label starts where it does: a label wrapped with
      // its values on its last line ("机关事业单位" / "基本养老保险缴费支出
      // 6.18"), or a row with blank values above another row.
      bool label_first = false;
      if (!same_row && !wrapped && line.has_number() && !prev.has_number() &&
          prev.line_count == 1) {
        label_first = true;
        bool shared = false;
        for (size_t c = 0; c < ncols && label_first; ++c) {
          const CellBuild& pc = prev.cells[c];
          if (pc.empty()) continue;
          const CellBuild& lc = line.cells[c];
          if (pc.numeric() || !FillsColumn(pc, cols[c], fs) || lc.empty() ||
              lc.numeric() || std::fabs(lc.x0() - pc.x0()) > 0.5 * fs ||
              StartsWithNumbering(CellText(lc.units))) {
            label_first = false;
          }
          shared = true;
        }
        label_first = label_first && shared &&
                      line.y0 - prev.y1 <= kMaxWrapGapFontSizes * fs;
        if (label_first) {
          if (wrap_gap && row_gap &&
              *row_gap - *wrap_gap > kMinSpacingDifferenceFontSizes * fs) {
            label_first = std::fabs(gap_to(prev, line) - *wrap_gap) <
                          std::fabs(gap_to(prev, line) - *row_gap);
          } else {
            if (ambiguous != nullptr) *ambiguous = true;
            label_first = false;
          }
        }
      }
      if (same_row || wrapped || label_first) {
        for (size_t c = 0; c < ncols; ++c) {
          for (const Unit* u : line.cells[c].units) prev.cells[c].Add(u);
        }
        prev.y0 = std::min(prev.y0, line.y0);
        prev.y1 = std::max(prev.y1, line.y1);
        prev.line_count += label_first ? 1 : 0;
        continue;
      }
    }
    above.assign(ncols, line.center());
    rows.push_back(std::move(line));
  }
  for (const RowBuild& r : rows) {
    std::vector<Cell> row(ncols);
    for (size_t c = 0; c < ncols; ++c) {
      row[c].page = page;
      if (r.cells[c].empty()) continue;
      row[c].text = CellText(r.cells[c].units);
      row[c].bbox = UnitsBox(r.cells[c].units);
    }
    table->AddRow(std::move(row));
  }
}

bool LooksWrapped(const Table& t) {
  const size_t first = static_cast<size_t>(t.header_rows);
  int orphan_rows = 0, cut_numbers = 0, label_rows = 0;
  for (size_t r = first; r < t.rows.size(); ++r) {
    bool text = false, fragment = false;
    for (const Cell& c : t.rows[r]) {
      if (c.text.empty() || c.covered) continue;
      if (!IsNumberFragment(c.text)) {
        text = true;
        continue;
      }
      fragment = true;
      if (c.text.front() == '.' || c.text.back() == ',' ||
          c.text.back() == '.') {
        ++cut_numbers;
        continue;
      }
      // Thousands groups of three digits: "17,628,90" is cut.
      std::string_view whole =
          std::string_view(c.text).substr(0, c.text.find('.'));
      size_t last = whole.rfind(',');
      if (last != std::string_view::npos && whole.size() - last - 1 != 3)
        ++cut_numbers;
    }
    if (text) ++label_rows;
    if (fragment && !text) ++orphan_rows;
  }
  if (cut_numbers >= 2 || (orphan_rows >= 2 && label_rows >= 2)) return true;

  for (size_t r = first + 1; r < t.rows.size(); ++r) {
    int pieces = 0;
    bool all = true;
    for (size_t c = 0; c < t.rows[r].size() && all; ++c) {
      const std::string& below = t.rows[r][c].text;
      if (below.empty()) continue;
      const std::string& above = t.rows[r - 1][c].text;
      all = below.size() <= 3 && ContinuesNumber(above, below);
      ++pieces;
    }
    if (all && pieces >= 2) return true;
  }

  auto has_number = [](const std::vector<Cell>& row) {
    for (const Cell& c : row) {
      if (c.state() == CellState::kNumber) return true;
    }
    return false;
  };
  int sandwiched = 0;
  for (size_t r = first + 1; r + 1 < t.rows.size(); ++r) {
    const std::vector<Cell>& up = t.rows[r - 1];
    const std::vector<Cell>& row = t.rows[r];
    const std::vector<Cell>& down = t.rows[r + 1];
    if (!has_number(row) || has_number(up) || has_number(down)) continue;
    for (size_t c = 0; c < row.size(); ++c) {
      if (row[c].text.empty() && up[c].state() == CellState::kText &&
          down[c].state() == CellState::kText) {
        ++sandwiched;
        break;
      }
    }
    if (sandwiched >= 2) return true;
  }

  int run = 0;
  for (size_t r = first; r < t.rows.size(); ++r) {
    bool single = false, other = false;
    for (const Cell& c : t.rows[r]) {
      if (c.text.empty()) continue;
      size_t at = 0;
      if (CountCodePoints(c.text) == 1 &&
          IsCjkIdeograph(DecodeUtf8(c.text, &at))) {
        single = true;
      } else if (c.state() == CellState::kText) {
        other = true;
      }
    }
    run = single && !other ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

}  // namespace pdf_tables_internal
}  // namespace budgetdoc
