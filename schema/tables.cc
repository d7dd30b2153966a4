// Placeholder until table recognition lands: no tables recognized.
#include "schema/tables.h"

namespace budgetdoc {

TableFacts RecognizeTables(const NormalizedDocument&, const ReportMeta&, const MetricCatalog&) {
  return {};
}

std::vector<std::string> ExpectedTables(const ReportMeta&) { return {}; }

}  // namespace budgetdoc
