#include "extract/pdf_table_regions.h"

#include "base/utf8.h"

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

bool GrowRegion(const PageLines& pl, int start, Region* region) {
  const int i = start;
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<LineInfo>& infos = pl.infos;
  const std::vector<std::string>& texts = pl.texts;
  const PdfTableOptions& o = pl.o;
  const int n = static_cast<int>(pl.lines.size());
  int first = i, last = i;
  std::vector<double> sizes{infos[static_cast<size_t>(i)].fs};
  double x0 = lines[static_cast<size_t>(i)].x0,
         x1 = lines[static_cast<size_t>(i)].x1;
  int table_lines = 1;
  for (int j = i + 1; j < n; ++j) {
    double fs = Median(sizes);
    const LineInfo& info = infos[static_cast<size_t>(j)];
    const std::string& t = texts[static_cast<size_t>(j)];
    if (!pl.GapOk(last, j, fs, /*grid_from=*/i)) {
      // Blank rows or a tall row: a table line may follow further down.
      double gap = lines[static_cast<size_t>(j)].y0 -
                   lines[static_cast<size_t>(last)].y1;
      if (!info.table_like ||
          !pl.SizeOk(j, fs, 0.8, info.has_number ? 2.0 : 1.25) ||
          gap > kMaxRowGapFontSizes * fs) {
        break;
      }
    }
    if (info.table_like && pl.SizeOk(j, fs, 0.5, info.has_number ? 2.0 : 1.6)) {
      last = j;
      ++table_lines;
      sizes.push_back(info.fs);
      x0 = std::min(x0, lines[static_cast<size_t>(j)].x0);
      x1 = std::max(x1, lines[static_cast<size_t>(j)].x1);
      continue;
    }
    // A non-table line: a label-only row, a wrapped label or a header
    // line between table lines. Taken when table lines follow, or when
    // it sits inside the table's box and looks like the table.
    if (!pl.SizeOk(j, fs, 0.7, 1.4) || pl.ProseLike(j, x1 - x0) ||
        IsNoteLine(t) || IsUnitLine(t) || IsIssuerLine(t)) {
      break;
    }
    bool bridged = false;
    for (int k = j + 1; k < n && k <= j + 3; ++k) {
      if (!pl.GapOk(k - 1, k, fs)) break;
      const std::string& tk = texts[static_cast<size_t>(k)];
      if (IsNoteLine(tk) || IsUnitLine(tk) || IsIssuerLine(tk) ||
          pl.ProseLike(k, x1 - x0)) {
        break;
      }
      if (infos[static_cast<size_t>(k)].table_like &&
          pl.SizeOk(k, fs, 0.6, 1.6)) {
        bridged = true;
        break;
      }
    }
    bool inside = lines[static_cast<size_t>(j)].x0 >= x0 - fs &&
                  lines[static_cast<size_t>(j)].x1 <= x1 + fs;
    if (!bridged && !inside && !pl.SameGrid(i, j)) break;
    last = j;
  }
  region->start = i;
  region->first = first;
  region->last = last;
  region->sizes = std::move(sizes);
  region->x0 = x0;
  region->x1 = x1;
  region->table_lines = table_lines;
  // Trailing non-table lines that are not followed by table lines are
  // kept only when inside the table box (label-only rows); drop a final
  // line that looks like a caption of something below.
  // One row of several numbers (a "三公" table) is a table too.
  int numbers_in_first = 0;
  for (const Unit& u : infos[static_cast<size_t>(i)].units) {
    numbers_in_first += u.numeric;
  }
  if (table_lines < o.min_table_lines && numbers_in_first < 3) {
    return false;
  }
  return true;
}

void ExtendUp(const PageLines& pl, const std::vector<bool>& used,
              Region* region) {
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<LineInfo>& infos = pl.infos;
  const std::vector<std::string>& texts = pl.texts;
  int& first = region->first;
  double& x0 = region->x0;
  double& x1 = region->x1;
  const double fs = region->fs;
  const int i = region->start;
  while (first > 0) {
    int j = first - 1;
    if (used[static_cast<size_t>(j)]) break;
    const std::string& t = texts[static_cast<size_t>(j)];
    const LineInfo& info = infos[static_cast<size_t>(j)];
    // Header rows may be tall, and header text larger than the body's.
    // (A tall first row or header row: allow more room right above the
    // body.)
    double room = info.cells >= 2 ? std::max(fs, info.fs) : fs;
    if (!pl.GapOk(j, first, first == i && info.cells >= 2 ? 2 * room : room)) {
      break;
    }
    if (IsUnitLine(t) || IsIssuerLine(t) || IsNoteLine(t)) break;
    if (!pl.SizeOk(j, fs, 0.6, 2.0)) break;
    if (pl.ProseLike(j, x1 - x0)) break;
    const PdfLine& l = lines[static_cast<size_t>(j)];
    // Header lines may reach over blank columns to the right, but not
    // start far left of the table; a single wide cell is a title.
    if (l.x0 < x0 - 2 * std::max(fs, info.fs) - 0.1 * (x1 - x0)) break;
    if (info.cells <= 1 && l.x1 - l.x0 > 0.5 * (x1 - x0)) break;
    // A single line in a larger font than the table below is its title.
    double below_fs = std::max(fs, infos[static_cast<size_t>(first)].fs);
    if (info.cells <= 1 && info.fs > below_fs * kTitleFontRatio) break;
    if (info.cells <= 1 && t.size() > 3 && (t.rfind("表") == t.size() - 3) &&
        info.fs >= fs * 1.1) {
      break;
    }
    first = j;
    x0 = std::min(x0, l.x0);
    x1 = std::max(x1, l.x1);
  }
}

void AbsorbHeaderTable(const PageLines& pl, std::vector<PdfTable>* tables_io,
                       std::vector<bool>* used_io, Region* region) {
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<LineInfo>& infos = pl.infos;
  int& first = region->first;
  double& x0 = region->x0;
  double& x1 = region->x1;
  const double fs = region->fs;
  std::vector<PdfTable>& tables = *tables_io;
  std::vector<bool>& used = *used_io;
  // A header found as a table of its own (no numbers) right above: one
  // table. Its title and unit lines are found again below.
  if (!tables.empty() && tables.back().last_line == first - 1) {
    PdfTable& prev = tables.back();
    bool prev_numbers = false;
    for (int k = prev.first_line; k <= prev.last_line; ++k) {
      prev_numbers |= infos[static_cast<size_t>(k)].has_number;
    }
    double gap = lines[static_cast<size_t>(first)].y0 -
                 lines[static_cast<size_t>(first - 1)].y1;
    double prev_fs = infos[static_cast<size_t>(first - 1)].fs;
    if (!prev_numbers && gap <= 6 * std::max({fs, prev_fs, 1.0})) {
      first = prev.first_line;
      for (int c : prev.caption_lines) used[static_cast<size_t>(c)] = false;
      for (int k = prev.first_line; k <= prev.last_line; ++k) {
        x0 = std::min(x0, lines[static_cast<size_t>(k)].x0);
        x1 = std::max(x1, lines[static_cast<size_t>(k)].x1);
      }
      tables.pop_back();
    }
  }
}

void CutAtBottomBorder(const PageLines& pl, Region* region) {
  const std::vector<PdfLine>& lines = pl.lines;
  const PdfPageInput& page = pl.page;
  int& first = region->first;
  int& last = region->last;
  double& x0 = region->x0;
  double& x1 = region->x1;
  const double fs = region->fs;
  const int i = region->start;
  // Lines below the table's bottom border (a ruling across it) are not
  // the table's: the label of the next table, a note.
  {
    // The bottom border is the lowest ruling across the table below its
    // first line: a grid's rows may be much taller than its text.
    double top = lines[static_cast<size_t>(first)].y0 - 2 * fs;
    double y_bottom = -kInf;
    int across = 0;
    for (const PdfRuling& r : page.rulings) {
      if (r.vertical()) continue;
      double y = (r.y0 + r.y1) / 2;
      double cover = std::min(r.x1, x1) - std::max(r.x0, x0);
      if (y < top || cover < 0.5 * (x1 - x0)) continue;
      ++across;
      y_bottom = std::max(y_bottom, y);
    }
    if (across >= 2) {
      while (last > i && lines[static_cast<size_t>(last)].y0 > y_bottom) --last;
    }
  }
}

int FindBodyStart(const PageLines& pl, const Region& region, bool* numbers_out,
                  bool* ambiguous) {
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<LineInfo>& infos = pl.infos;
  const PdfPageInput& page = pl.page;
  const int first = region.first;
  const int last = region.last;
  const double x0 = region.x0;
  const double x1 = region.x1;
  const double fs = region.fs;
  // Body starts at the first line with a number; without numbers there
  // is no header.
  int body = first;
  bool numbers = false;
  for (int k = first; k <= last; ++k) {
    const LineInfo& info = infos[static_cast<size_t>(k)];
    bool numbered = false;
    for (const Unit& u : info.units) numbered |= StartsWithNumbering(u.text);
    if (info.has_number || numbered) {
      body = k;
      numbers = info.has_number;
      if (!numbers) {
        for (int m = k; m <= last; ++m) {
          numbers |= infos[static_cast<size_t>(m)].has_number;
        }
      }
      break;
    }
  }
  if (!numbers) body = first;
  // A lone header line that starts where the body's labels start may be
  // the first line of the first row's label ("一般公共服务" / "201 支出
  // 264.87"): only rulings tell.
  if (numbers && body > first && page.rulings.empty()) {
    const LineInfo& edge = infos[static_cast<size_t>(body - 1)];
    if (edge.units.size() == 1 && !edge.units[0].numeric) {
      const Unit& u = edge.units[0];
      int aligned = 0;
      for (int k = body; k <= last; ++k) {
        for (const Unit& b : infos[static_cast<size_t>(k)].units) {
          if (!b.numeric && std::fabs(b.x0 - u.x0) < 0.5 * fs) ++aligned;
        }
      }
      if (aligned >= 2) *ambiguous = true;
    }
  }
  // In a ruled grid the first body row starts at the ruling above its
  // number: a label wrapped above the number is the row's, not header.
  if (numbers && body > first) {
    const PdfLine& nl = lines[static_cast<size_t>(body)];
    double row_top = -kInf;
    for (const PdfRuling& r : page.rulings) {
      if (r.vertical()) continue;
      double y = (r.y0 + r.y1) / 2;
      if (y < nl.center() && y > row_top &&
          std::min(r.x1, x1) - std::max(r.x0, x0) > 0.5 * (x1 - x0)) {
        row_top = y;
      }
    }
    while (row_top > -kInf && body > first &&
           lines[static_cast<size_t>(body - 1)].center() > row_top) {
      --body;
    }
  }
  *numbers_out = numbers;
  return body;
}

void FindCaption(const PageLines& pl, int first, double fs,
                 std::vector<bool>* used_io, PdfTable* pt) {
  const std::vector<PdfLine>& lines = pl.lines;
  const std::vector<std::string>& texts = pl.texts;
  Table& t = pt->table;
  std::vector<bool>& used = *used_io;
  int k = first - 1;
  double top = lines[static_cast<size_t>(first)].y0;
  int looked = 0;
  std::vector<int> captions;
  std::string title;
  while (k >= 0 && looked < kMaxCaptionLines && !used[static_cast<size_t>(k)]) {
    const PdfLine& l = lines[static_cast<size_t>(k)];
    double lf = std::max(1.0, l.font_size);
    double below_fs = lines[static_cast<size_t>(k + 1)].font_size;
    if (top - l.y1 > kMaxCaptionGapFontSizes * std::max({lf, fs, below_fs}))
      break;
    const std::string& text = texts[static_cast<size_t>(k)];
    if (IsUnitLine(text)) {
      if (t.unit_text.empty()) t.unit_text = ExtractUnitText(text);
      captions.push_back(k);
    } else if (IsIssuerLine(text)) {
      captions.push_back(k);
    } else {
      bool title_like = !HasProsePunctuation(text) &&
                        CountCodePoints(text) <= kMaxTitleChars &&
                        (text.find("表") != std::string::npos ||
                         l.font_size > fs * kTitleFontRatio);
      if (!title_like) break;
      title = text;
      captions.push_back(k);
      // A short label line just above ("表1", "公开01表").
      if (k > 0 && !used[static_cast<size_t>(k - 1)]) {
        const PdfLine& up = lines[static_cast<size_t>(k - 1)];
        const std::string& ut = texts[static_cast<size_t>(k - 1)];
        if (l.y0 - up.y1 < 1.5 * lf &&
            CountCodePoints(ut) <= kMaxTitleLabelChars &&
            ut.find("表") != std::string::npos && !HasProsePunctuation(ut)) {
          title = ut + " " + title;
          captions.push_back(k - 1);
        }
      }
      break;
    }
    top = l.y0;
    --k;
    ++looked;
  }
  // A unit printed on the line right below the title may also sit at
  // the right end of the first region line; leave that to the grid.
  t.title = title;
  std::sort(captions.begin(), captions.end());
  for (int c : captions) used[static_cast<size_t>(c)] = true;
  pt->caption_lines = std::move(captions);
}

}  // namespace pdf_tables_internal
}  // namespace budgetdoc
