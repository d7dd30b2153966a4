#include "base/finding.h"

#include <utility>

namespace budgetdoc {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "info";
}

void FindingSink::Add(Finding f) {
  if (findings_.size() >= cap_) {
    ++dropped_;
    return;
  }
  findings_.push_back(std::move(f));
}

void FindingSink::Add(Severity severity, std::string_view rule,
                      std::string_view message, Provenance where) {
  Finding f;
  f.severity = severity;
  f.rule = std::string(rule);
  f.message = std::string(message);
  f.where.push_back(std::move(where));
  Add(std::move(f));
}

}  // namespace budgetdoc
