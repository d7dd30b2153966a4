// MetricCatalog: the controlled vocabulary of the common schema, loaded from
// schema/data/metrics.tsv (embedded in the binary). Each metric has an id,
// a Chinese label, printed synonyms, a fund scope, the total it is a part of
// (sum checks use this) and a unit kind. Immutable once built; shared.
// Tested by tests/schema/metrics_test.cc.
#ifndef BUDGETDOC_SCHEMA_METRICS_H_
#define BUDGETDOC_SCHEMA_METRICS_H_

#include "base/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

struct Metric {
  std::string id;
  std::string label;
  std::vector<std::string> synonyms;  // includes the label
  std::string fund;
  std::string part_of;  // "" when it is not an addend of a total
  bool is_count = false;
};

// A vocabulary term found in a text: [begin, end) byte span.
struct SubjectMatch {
  const Metric* metric = nullptr;
  int begin = 0, end = 0;
};

class MetricCatalog {
 public:
  // The project vocabulary (schema/data/metrics.tsv).
  static const MetricCatalog& Default();
  // Parses a vocabulary in the TSV layout of metrics.tsv.
  static Result<MetricCatalog> Parse(std::string_view tsv);

  const Metric* Find(std::string_view id) const;
  const std::vector<Metric>& metrics() const { return metrics_; }
  // The addends of a total, in vocabulary order.
  std::vector<const Metric*> PartsOf(std::string_view total_id) const;

  // Every synonym occurrence in `text`; where two overlap, the longer wins.
  std::vector<SubjectMatch> FindSubjects(std::string_view text) const;

 private:
  std::vector<Metric> metrics_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_METRICS_H_
