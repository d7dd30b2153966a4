#include "schema/mapper.h"

#include <algorithm>
#include <map>

#if __has_include("schema/metadata.h")
#include "schema/metadata.h"
#define BUDGETDOC_HAVE_METADATA 1
#endif
#include "schema/metrics.h"
#include "schema/narrative.h"
#include "schema/tables.h"

namespace budgetdoc {
namespace {

// Precision is judged per document, not per token: "691.5" in a report
// that prints two decimals elsewhere still means ±0.005. The scale judged is
// the one most amounts with decimals use (ties to the larger).
int JudgedScale(const std::vector<int>& scales, int fallback) {
  std::map<int, int> counts;
  for (int s : scales) {
    if (s > 0) ++counts[s];
  }
  if (counts.empty()) return fallback;
  int best = fallback, best_n = -1;
  for (const auto& [s, n] : counts) {
    if (n >= best_n) {
      best = s;
      best_n = n;
    }
  }
  return best;
}

}  // namespace

Extraction MapToSchema(const NormalizedDocument& nd) {
  Extraction ex;
#ifdef BUDGETDOC_HAVE_METADATA
  ex.meta = DetectMetadata(nd);
#else
  ex.meta.unknown_reasons["all"] = "metadata detection not built yet";
#endif
  const MetricCatalog& metrics = MetricCatalog::Default();

  std::vector<int> amount_scales, percent_scales;
  for (const Mention& m : nd.mentions) {
    if (m.kind == MentionKind::kAmount && m.unit == "万元") amount_scales.push_back(m.value.scale());
    if (m.kind == MentionKind::kPercent) percent_scales.push_back(m.value.scale());
  }
  ex.narrative_amount_scale = JudgedScale(amount_scales, 2);
  ex.percent_scale = JudgedScale(percent_scales, 2);

  ex.facts = ExtractNarrativeFacts(nd, ex.meta, metrics);
  std::vector<Fact> chart = ExtractChartFacts(nd, ex.meta, metrics);
  ex.facts.insert(ex.facts.end(), chart.begin(), chart.end());
  TableFacts tables = RecognizeTables(nd, ex.meta, metrics);
  ex.tables = std::move(tables.tables);
  ex.facts.insert(ex.facts.end(), tables.facts.begin(), tables.facts.end());
  ex.expected_tables = ExpectedTables(ex.meta);
  ex.findings = std::move(tables.findings);
  return ex;
}

}  // namespace budgetdoc
