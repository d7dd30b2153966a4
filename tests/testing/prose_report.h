// A report we write as lines of prose (and tables), read the way the
// pipeline reads a DOCX: normalized, claims read, narrative facts made.
// Header-only: tests link the stages they test.
#ifndef BUDGETDOC_TESTS_TESTING_PROSE_REPORT_H_
#define BUDGETDOC_TESTS_TESTING_PROSE_REPORT_H_

#include "normalize/normalize.h"
#include "schema/claims.h"
#include "schema/extraction.h"
#include "schema/narrative.h"
#include "schema/performance_forms.h"
#include "schema/procurement_split.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc::testing {

struct ProseReport {
  NormalizedDocument nd;
  Extraction ex;
};

// One paragraph per line, then each table as a table block; a 2023 report
// of `kind` ("final_accounts" or "budget"). Its performance forms are read.
inline ProseReport ReadProse(const std::vector<std::string>& lines,
                             std::string_view kind = "final_accounts",
                             std::vector<Table> tables = {}) {
  Document doc;
  doc.format = Format::kDocx;
  doc.source = "t.docx";
  for (const std::string& l : lines) {
    Block b;
    b.text = l;
    doc.blocks.push_back(b);
  }
  for (Table& t : tables) {
    doc.tables.push_back(std::move(t));
    Block b;
    b.kind = BlockKind::kTable;
    b.table = static_cast<int>(doc.tables.size()) - 1;
    doc.blocks.push_back(b);
  }
  ProseReport r;
  r.nd = Normalize(std::move(doc), NormalizeOptions{});
  r.ex.meta.fiscal_year = 2023;
  r.ex.meta.kind = std::string(kind);
  r.ex.claims = ReadClaims(r.nd, r.ex.meta, MetricCatalog::Default());
  r.ex.facts =
      FactsFromClaims(r.ex.claims, r.nd, r.ex.meta, MetricCatalog::Default());
  for (Fact& f : ReadProcurementSplit(r.nd, r.ex.meta))
    r.ex.facts.push_back(std::move(f));
  r.ex.forms = ReadPerformanceForms(r.nd);
  return r;
}

}  // namespace budgetdoc::testing

#endif  // BUDGETDOC_TESTS_TESTING_PROSE_REPORT_H_
