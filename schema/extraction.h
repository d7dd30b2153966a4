// Extraction: everything the schema stage reads out of one normalized
// document — report metadata, facts from prose, tables and charts, the
// standard tables recognized, and findings raised while mapping.
// Plain value type. Tested through tests/schema/mapper_test.cc.
#ifndef BUDGETDOC_SCHEMA_EXTRACTION_H_
#define BUDGETDOC_SCHEMA_EXTRACTION_H_

#include "base/finding.h"
#include "schema/claims.h"
#include "schema/fact.h"
#include "schema/performance_forms.h"
#include "schema/report_meta.h"

#include <string>
#include <vector>

namespace budgetdoc {

// A column of a recognized table and what it means.
struct ColumnRole {
  int column = -1;
  std::string role;  // total | basic | project | budget | actual | prior |
                     // a metric id (income sources, 三公 items) | label | code
  std::string
      basis;  // actual | budget | budget_initial | budget_adjusted | prior
  std::string header;  // header text as printed
};

// One of the standard tables (domain.md §1), recognized by title and header.
struct RecognizedTable {
  int table = -1;            // index into Document::tables
  std::string canonical_id;  // FA01…FA13, BU01…BU12, or "" (unknown)
  std::string name;          // canonical Chinese name
  std::string title;         // as printed
  std::string unit;          // 万元 | 元 | 亿元 | "" (unknown)
  int amount_scale = 0;      // decimals printed in this table (max)
  std::vector<ColumnRole> columns;
  bool empty = false;            // no nonzero value
  bool empty_statement = false;  // "本表为空" note present
};

struct Extraction {
  ReportMeta meta;
  std::vector<Fact> facts;
  ClaimSet claims;  // what the prose asserts; narrative facts point into it
  std::vector<RecognizedTable> tables;
  std::vector<std::string> expected_tables;  // canonical ids for the kind
  // Canonical ids whose title is printed as a title line (schema/tables.h
  // PrintedTableTitles): present even when no table could be read.
  std::vector<std::string> titled_tables;
  std::vector<Finding> findings;
  // Per-project performance forms (target or self-evaluation), with their
  // figures; not in `facts` (each form is its own statement).
  std::vector<PerformanceForm> forms;
  int narrative_amount_scale = 2;  // precision judged for prose amounts
  int percent_scale = 2;           // precision judged for percentages
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_EXTRACTION_H_
