// Table recognition: the standard tables of 决算 and 预算 reports (domain.md
// §1) found by title and header, tolerant of the variants across years and
// provinces; columns mapped to their meaning (决算数, 预算数, 上年数, 合计,
// 基本支出, 项目支出, each income source, the 三公 sub-columns), rows to
// metrics or classification codes, the table's unit applied to its cells,
// empty tables and their "本表为空" statements recorded, and every numeric
// cell turned into a Fact with origin table and its cell provenance.
// Pure; thread-safe. Tested by tests/schema/tables_test.cc.
#ifndef BUDGETDOC_SCHEMA_TABLES_H_
#define BUDGETDOC_SCHEMA_TABLES_H_

#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "schema/extraction.h"
#include "schema/metrics.h"
#include "schema/report_meta.h"

namespace budgetdoc {

struct TableFacts {
  std::vector<RecognizedTable> tables;  // one per Document table considered
  std::vector<Fact> facts;              // origin table
  std::vector<Finding> findings;        // e.g. a table without a unit line
};

TableFacts RecognizeTables(const NormalizedDocument& nd, const ReportMeta& meta,
                           const MetricCatalog& metrics);

// Canonical ids of the tables a report of this kind must publish
// (final_accounts: FA01…; budget: BU01…); empty when the kind is unknown.
std::vector<std::string> ExpectedTables(const ReportMeta& meta);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_TABLES_H_
