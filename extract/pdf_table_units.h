// The pieces PDF tables are built from (internal to extract/; the public API
// is extract/pdf_tables.h): a line analyzed into units (words merged across
// tiny gaps) and whether it looks like a table line; caption, unit, issuer
// and note lines; column intervals and alignment; cells and rows under
// construction, with the rules for numbers cut inside their cell
// ("17,628,90" / "0.00").
// Units and cells point into the LineInfo they come from, which must
// outlive them. Pure functions; thread-compatible.
// Tested through tests/extract/pdf_tables_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_TABLE_UNITS_H_
#define BUDGETDOC_EXTRACT_PDF_TABLE_UNITS_H_

#include "extract/document.h"
#include "extract/pdf_layout.h"
#include "extract/pdf_tables.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace pdf_tables_internal {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A piece of a line: words merged across tiny gaps. The unit of column
// analysis.
struct Unit {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double fs = 0;
  bool numeric = false;
  int line = 0;  // index into the page's lines
  double center_x() const { return (x0 + x1) / 2; }
  double center_y() const { return (y0 + y1) / 2; }
};

struct LineInfo {
  std::vector<Unit> units;
  int cells = 0;            // segments split at cell_gap
  bool has_number = false;  // a unit that is a number
  bool table_like = false;
  double fs = 0;
};

double Median(std::vector<double> v);

bool StartsWith(std::string_view s, std::string_view p);

std::string WordsText(const std::vector<const PdfWord*>& words);

// "单位：万元", "金额单位：元", "编制部门：… 单位:万元": the last "单位"
// followed by a colon and an amount unit.
bool IsUnitLine(std::string_view text);

bool IsIssuerLine(std::string_view text);

LineInfo AnalyzeLine(const PdfLine& line, int index, const PdfTableOptions& o);

bool IsNoteLine(std::string_view text);

// "…单位：万元" -> "单位：万元"; "（金额单位：元）" -> "金额单位：元";
// "预算单位：上海市财政局单位:万元" -> "单位:万元".
std::string ExtractUnitText(std::string_view text);

bool HasProsePunctuation(std::string_view text);

struct Column {
  double a = 0, b = 0;  // covered interval
};

// How a column's body text is aligned (from what it holds).
enum { kAlignUnknown = 0, kAlignLeft = 1, kAlignRight = 2 };

// ---- Cells under construction
// ------------------------------------------------

struct CellBuild {
  std::vector<const Unit*> units;
  void Add(const Unit* u) { units.push_back(u); }
  bool empty() const { return units.empty(); }
  bool numeric() const {
    for (const Unit* u : units) {
      if (u->numeric) return true;
    }
    return false;
  }
  double x0() const {
    double v = kInf;
    for (const Unit* u : units) v = std::min(v, u->x0);
    return v;
  }
  double x1() const {
    double v = -kInf;
    for (const Unit* u : units) v = std::max(v, u->x1);
    return v;
  }
};

bool IsNumberFragment(std::string_view s);

// A number cut by a line or page break inside its cell: "21,213,300.",
// "17,628,90" (a short last thousands group), "1,234,".
bool IsCutNumber(std::string_view t);

// A number with well-formed separators: at most one '.', thousands groups
// of exactly three digits; a bare digit run of at most nine digits.
bool IsWellFormedNumber(std::string_view t);

// Whether `next`, printed on the line below `text` in the same cell,
// continues it without a space: the rest of a cut number ("17,628,90" /
// "0.00", "8,125,700.0" / "0") or the next digits of a code written down a
// narrow cell ("2" / "0" / "1"). Two whole amounts ("20.00" / "20.00")
// never run together.
bool ContinuesNumber(std::string_view text, std::string_view next);

// Text of a cell: units in reading order (by line, then x).
std::string CellText(std::vector<const Unit*> units);

std::optional<BBox> UnitsBox(const std::vector<const Unit*>& units);

struct RowBuild {
  std::vector<CellBuild> cells;
  double y0 = kInf, y1 = -kInf;
  double center_sum = 0;
  int line_count = 0;
  bool has_number() const {
    for (const CellBuild& c : cells) {
      if (c.numeric()) return true;
    }
    return false;
  }
  double center() const { return line_count > 0 ? center_sum / line_count : 0; }
};

}  // namespace pdf_tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_TABLE_UNITS_H_
