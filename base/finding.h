// Finding: a recoverable problem or a check result worth reporting (qpdf's
// warning model as data). FindingSink collects findings up to a cap so that
// hostile input cannot flood a report; it counts what it drops.
// Not thread-safe; one sink per document.
#ifndef BUDGETDOC_BASE_FINDING_H_
#define BUDGETDOC_BASE_FINDING_H_

#include "base/provenance.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity s);  // "info", "warning", "error"

struct Finding {
  Severity severity = Severity::kInfo;
  std::string rule;     // stable id, e.g. "extract.pdf.warning"
  std::string message;  // lowercase, location first, no trailing period
  std::vector<Provenance> where;
};

class FindingSink {
 public:
  explicit FindingSink(size_t cap = 1000) : cap_(cap) {}

  void Add(Finding f);
  void Add(Severity severity, std::string_view rule, std::string_view message,
           Provenance where = {});

  const std::vector<Finding>& findings() const { return findings_; }
  std::vector<Finding> Take() { return std::move(findings_); }
  size_t dropped() const { return dropped_; }

 private:
  size_t cap_;
  size_t dropped_ = 0;
  std::vector<Finding> findings_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_BASE_FINDING_H_
