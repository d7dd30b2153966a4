// Table recognition: the standard tables of 决算 and 预算 reports (domain.md
// §1) found by title and header, tolerant of the variants across years and
// provinces; columns mapped to their meaning (决算数, 预算数, 上年数, 合计,
// 基本支出, 项目支出, each income source, the 三公 sub-columns), rows to
// metrics or classification codes, the table's unit applied to its cells,
// empty tables and their "本表为空" statements recorded, and every numeric
// cell turned into a Fact with origin table and its cell provenance.
//
// The catalog of standard tables is data: schema/data/tables.tsv (canonical
// id, kind, whether mandatory, name, what its rows and columns mean, its
// fund scope, printed title variants).
//
// How a table is read:
//  - Title: Table::title, else the short blocks just before the table (a
//    number line "公开09表：…" and a title line are joined); a "续表" block
//    makes the table a continuation of the previous one. When no title
//    matches, the header decides (三公 columns, income sources, 基本/项目).
//  - Columns: each column's header path (merged header cells joined from the
//    top; in span-less text tables a header printed once over blank
//    positions is spread over them) gives its role (ColumnRole::role:
//    label, code, line_no, total, basic, project, remit_superior,
//    operating, affiliate_subsidy, personnel, public, begin_carryover,
//    end_carryover, income (本年收入), amount (the row says what), gpb /
//    gov_fund / soe (fund columns), share (占比 / 完成%: no facts), other
//    (an item without a metric: 会议费, 单位预留机动经费), or a metric id
//    such as income.business or three_public.vehicle.purchase) and its
//    basis (actual, budget, budget_initial, budget_adjusted; 上年 columns
//    keep the basis and take year − 1). A 增减额 / 增减% column keeps the
//    role of what it compares and gives facts of measure change / rate.
//    The body decides which columns hold labels, codes and values.
//  - Panels: a run of code/label columns followed by value columns is one
//    panel; a value pairs with the label of its own panel (收入支出决算总表
//    has 收入 and 支出 side by side, 基本支出 tables 人员经费 and 公用经费),
//    never with the row's first cell.
//  - Rows: a 功能分类/经济分类 code (one column "2010301", three columns
//    "201 | 03 | 01", or printed before the label) makes the row a by-code
//    row; otherwise the label, without its list ordinal and "其中：", is
//    looked up among the metric synonyms and a few table-specific aliases,
//    then among the 类 names (支出 rows of the summary tables); 合计/总计
//    rows take their metric from the column.
//  - Facts: a code row gives the by-function (by-economic) metric in the
//    total column and the column's metric with the code elsewhere (the
//    基本支出 of 项 2010301 is expenditure.basic with code 2010301); fund is
//    the column's or row's fund, else the table's. Blank and dash cells give
//    no fact. value = printed converted to 万元 (ToWanYuan) exactly; a table
//    without a unit keeps value = printed with unit "" and raises an info
//    finding.
//
// Pure; thread-safe. Tested by tests/schema/tables_test.cc and
// tests/cli/tables_corpus_test.cc.
#ifndef BUDGETDOC_SCHEMA_TABLES_H_
#define BUDGETDOC_SCHEMA_TABLES_H_

#include "normalize/normalize.h"
#include "schema/extraction.h"
#include "schema/metrics.h"
#include "schema/report_meta.h"

#include <string>
#include <vector>

namespace budgetdoc {

struct TableFacts {
  std::vector<RecognizedTable> tables;  // one per Document table considered
  std::vector<Fact> facts;              // origin table
  std::vector<Finding> findings;        // e.g. a table without a unit line
};

// Fact::table indexes TableFacts::tables (the caller appends the tables to
// Extraction::tables in this order); Fact::where.table is the index into
// Document::tables, and where.row / where.column the cell.
TableFacts RecognizeTables(const NormalizedDocument& nd, const ReportMeta& meta,
                           const MetricCatalog& metrics);

// Canonical ids of the tables a report of this kind must publish
// (final_accounts: FA01…; budget: BU01…); empty when the kind is unknown.
// Provincial extras (the Sichuan 13/14-table sets) are never demanded; a
// table mandatory from some year on is demanded when the fiscal year is
// unknown.
std::vector<std::string> ExpectedTables(const ReportMeta& meta);

// The canonical Chinese name of a standard table ("部门收入总表"); the id
// itself when unknown.
std::string TableName(std::string_view id);

// Canonical ids of standard tables whose title is printed as a title line
// (a short block that is the title, not a table-of-contents entry), whether
// or not a table could be read under it: an empty table printed as its
// title and a note is present.
std::vector<std::string> PrintedTableTitles(const NormalizedDocument& nd,
                                            const ReportMeta& meta);

// Canonical dump: one line per recognized table (id, title, unit, scale,
// empty flags, column roles), then one line per fact (table id, row and
// column, metric, basis, year, fund, code, value in 万元 and as printed).
// Stable; used by tests.
std::string DebugString(const TableFacts& tf);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_TABLES_H_
