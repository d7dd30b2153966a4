// The reader of one document's tables (internal to schema/; the public API
// and how a table is read are in schema/tables.h). TableReader::Run reads
// every Document table in order; its steps live in files of their own:
//  - schema/table_recognition.cc: one table from title to facts, its
//    identification (title, header, unit, empty statement) and the stand-ins
//    for absent standard tables;
//  - schema/table_header_model.cc: the grid (merged-cell owners), header
//    rows and each column's header path;
//  - schema/table_columns.cc: column roles, basis and measure, and panels;
//  - schema/table_row_facts.cc: what each row is about and the facts of its
//    cells.
// A TableReader borrows the document, metadata and metric catalog, which
// must outlive it; it is used once (Run) by one thread. Not copyable.
// Tested through tests/schema/tables_test.cc.
#ifndef BUDGETDOC_SCHEMA_TABLE_READER_H_
#define BUDGETDOC_SCHEMA_TABLE_READER_H_

#include "base/shared_text.h"
#include "normalize/normalize.h"
#include "schema/classification.h"
#include "schema/table_catalog.h"
#include "schema/table_words.h"
#include "schema/tables.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace tables_internal {

// ---- Columns ----

enum class ColKind { kValue, kLabel, kCode, kLineNo };

struct Column {
  ColKind kind = ColKind::kValue;
  std::vector<std::string> path;  // folded header elements, top first
  std::vector<bool> wide;         // element spans the whole table (a title)
  std::string header;             // printed path joined by "/"
  std::string role;
  std::string fund;  // fund columns (gpb|gov_fund|soe|fiscal)
  std::string basis;
  int year = 0;
  Measure measure = Measure::kAmount;
  int panel = -1;
  bool top_total = false;   // a 合计 with no 三公 / 公务用车 parent
  bool unresolved = false;  // its header names an item we do not know
  std::string total_word;   // 合计 / 小计 when the role came from one
};

struct Panel {
  int first = 0;
  std::vector<int> code_cols, label_cols, value_cols;
  std::string side;   // income | expenditure | ""
  std::string carry;  // carryover context metric for fund sub-rows
};

// What a row (in one panel) is about.
enum class RowKind { kSkip, kCode, kMetric, kTotal, kNoLabel };

struct RowKey {
  RowKind kind = RowKind::kSkip;
  std::string label;   // as printed (normalized text)
  std::string code;    // canonical digits
  std::string scheme;  // func | econ
  std::string metric;  // kMetric: the generic metric before scoping
  std::string fund;    // a fund the row itself names (carryover sub-rows)
  std::string basis;   // a row that says 预算数 / 决算数
  int year = 0;
};

class TableReader {
 public:
  TableReader(const NormalizedDocument& nd, const ReportMeta& meta,
              const MetricCatalog& metrics)
      : nd_(nd),
        meta_(meta),
        metrics_(metrics),
        synonyms_(metrics),
        classes_(ClassificationCatalog::Default()),
        kind_(SpecKind(meta)) {}

  TableFacts Run();

 private:
  // ---- One table ----

  struct Ctx {
    int t = -1;
    int block = -1;
    const Table* table = nullptr;
    const std::vector<std::vector<std::string>>* cells = nullptr;
    const TableSpec* spec = nullptr;
    std::string subject;
    std::string unit;
    int header_rows = 0;
    int rows = 0, cols = 0;
    std::vector<std::vector<std::pair<int, int>>> owner;
    std::vector<Column> columns;
    std::vector<Panel> panels;
    bool has_carry_column = false;
    int recognized = -1;  // index into out_.tables
    // Row metrics met so far on each side of a summary (收入 / 支出): a
    // second 收入合计 after the carryover rows is the grand total.
    mutable std::map<std::string, std::set<std::string>> seen;
  };

  const std::string& CellText(const Ctx& c, int r, int col) const;

  const Cell* RawCell(const Ctx& c, int r, int col) const;

  // Text of the cell that covers (r, col): the anchor of a merged cell.
  const std::string& OwnerText(const Ctx& c, int r, int col) const;

  static CellState StateOf(std::string_view normalized);

  static bool IsNumeric(CellState s);

  void ReadTable(int t, int block);

  std::string Where(const Ctx& c, const RecognizedTable& rt) const;

  int TablePage(const Ctx& c) const;

  void AddFinding(const Ctx& c, std::string_view rule, std::string message);

  // A header-less tail takes the value-column meanings of the table it
  // continues, panel by panel, left-aligned (trailing blanks vanish when a
  // layout splits a row off).
  void InheritColumns(const Ctx& prev, Ctx* c) const;

  // ---- Grid ----

  void BuildOwners(Ctx* c) const;

  // A row with a number in it begins the body (codes are numbers too).
  bool LooksLikeBodyRow(const Ctx& c, int r) const;

  void FindHeaderRows(Ctx* c) const;

  void BuildPaths(Ctx* c) const;

  // Text tables carry no spans: a merged header cell prints its text once
  // and leaves the positions it covers blank. A blank header position with
  // nothing above it in its column (unit lines aside) belongs to the
  // nearest header text on its left ("预算数 | | | … | 决算数 | …"); one
  // with text above is the vertical continuation of that text.
  void InferHeaderSpans(Ctx* c) const;

  // ---- Identification ----

  // Title candidates: the table's own title, the short blocks just before
  // it, and their concatenations (a number line and a title line).
  const TableSpec* Identify(const Ctx& c, std::string* printed,
                            bool* continuation) const;

  // A printed title without a trailing unit clause.
  static std::string TitleText(std::string_view s);

  std::string HeaderText(const Ctx& c) const;

  // Without a title: the header and body decide the subject.
  const TableSpec* IdentifyByHeader(const Ctx& c) const;

  std::string FindUnit(const Ctx& c) const;

  bool HasEmptyStatement(const Ctx& c) const;

  // ---- Columns ----

  static bool HeaderSaysCode(const Column& k);

  static bool HeaderSaysLabel(const Column& k);

  static bool HeaderSaysLineNo(const Column& k);

  // Digits that can be (part of) a classification code: "201", "03", "2010301".
  static bool CodeLike(std::string_view f);

  void ClassifyColumns(Ctx* c) const;

  // 三公 headers are often garbled by the layout (a 公务用车 group spanning
  // the 小计 of the whole 三公). The order of the columns decides: a 小计/合计
  // followed (in its basis) by 购置费/运行费 is the 公务用车 subtotal, one
  // followed by 因公出国 the 三公 total; with 会议费/培训费 columns present a
  // 合计 beside another 三公 total (or with no 三公 parent) is the total of
  // everything, not of 三公.
  static void ResolveThreePublicTotals(Ctx* c);

  static bool HeaderSaysValue(const Column& k);

  // Basis and year of a value column, from its whole path.
  void ResolveBasis(const Ctx& c, Column* k) const;

  // The role of one folded header element, or "". `parents` are the
  // shallower elements.
  std::string ElementRole(const Ctx& c, std::string e,
                          const std::vector<std::string>& parents,
                          Column* k) const;

  // Header words that group columns or name the label side, not an item.
  static bool IsGroupWord(std::string_view f);

  // 增减额 / 增减% / 占比 columns: what they measure of their row.
  static std::optional<Measure> MeasureOf(std::string_view e);

  void ResolveValueColumn(const Ctx& c, Column* k) const;

  // ---- Panels ----

  void BuildPanels(Ctx* c) const;

  // ---- Rows ----

  // Code of a row in a panel: its code columns joined ("201|03|01"), or a
  // code printed before the label. `carry` holds the previous row's code.
  std::string RowCode(const Ctx& c, int r, const Panel& p, std::string* carry,
                      std::string* label) const;

  std::string PanelLabel(const Ctx& c, int r, const Panel& p) const;

  // A total printed left of its panel (merged across panels, or shifted):
  // only across blank cells, only when it names the panel's side.
  std::string BorrowedLabel(const Ctx& c, int r, const Panel& p) const;

  // Fund a label names: 一般公共预算… / 政府性基金… / 国有资本经营….
  static std::string FundOfLabel(std::string_view f);

  std::string LookupMetric(const Ctx& c, std::string_view f) const;

  RowKey ReadRow(const Ctx& c, int r, Panel* p, std::string* carry) const;

  // The 类 code a printed 类 name stands for ("一般公共服务支出" → "201",
  // also former names of the year); "" unless exactly one 类 has it.
  std::string ClassCodeOf(std::string_view f) const;

  // ---- Metrics of cells ----

  struct CellMetric {
    std::string metric;
    std::string fund;  // "" = the table's
  };

  // The metric of a column in a 合计 row (or a row without a label).
  CellMetric ColumnMetric(const Ctx& c, const Column& k) const;

  // The metric of a coded row's cell: the by-code metric in the total
  // column, the column's metric (with the code) elsewhere.
  CellMetric CodeMetric(const Ctx& c, const RowKey& row, const Column& k) const;

  static std::string SideKey(const Panel& p);

  // A metric row of the summaries, scoped to the table and the panel.
  CellMetric SummaryMetric(const Ctx& c, Panel* p, const RowKey& row,
                           const Column& k) const;

  // Remembers what a row said for the rows after it: the metrics met on
  // its side (a later 收入合计 is then the grand total) and the carryover a
  // following fund row ("一般公共预算财政拨款") is a part of.
  void NoteRow(const Ctx& c, Panel* p, const RowKey& row,
               const CellMetric& cm) const;

  void EmitFacts(Ctx* c, int* unmapped, std::vector<int>* unmapped_rows);

  // A column that names an item (基本支出, 人员经费, …) rather than the
  // amount of whatever the row names.
  static bool IsItemRole(std::string_view role);

  // A generic metric named by a row label, in a table of one fund.
  std::string ScopeToTable(const Ctx& c, const std::string& m) const;

  void Emit(const Ctx& c, int r, int col, const Column& k, const RowKey& row,
            const CellMetric& cm, const std::string& text);

  std::string RowQuote(const Ctx& c, int r) const;
  // RowQuote shared by the facts of one row (Emit reads a row's cells in
  // turn).
  const SharedText& SharedRowQuote(const Ctx& c, int r);

  // ---- Document level ----

  // A table standing in for an absent standard one takes its id (上海's
  // 国有资本经营…收入支出决算表 is its FA12).
  void ResolveStandIns();

  const NormalizedDocument& nd_;
  const ReportMeta& meta_;
  const MetricCatalog& metrics_;
  SynonymIndex synonyms_;
  const ClassificationCatalog& classes_;
  std::string kind_;
  TableFacts out_;
  int last_recognized_ = -1;
  Ctx last_ctx_;  // the last recognized table (grid pointers cleared)
  struct RowQuoteCache {
    const std::vector<std::vector<std::string>>* cells = nullptr;
    int t = -1, r = -1, cols = 0;
    SharedText quote;
  } row_quote_;
};

}  // namespace tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_TABLE_READER_H_
