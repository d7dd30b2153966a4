// RunChecks: every consistency rule of check/rules.h applied to one report.
// Each application ends in exactly one outcome (pass, rounding, fail, not
// applicable, not checked with its reason); "not checked" is listed and never
// counts as passed. Failures carry printed vs expected values, the rounding
// tolerance used and the evidence (each value with its quote and location).
// Findings that rest on an unreadable page are capped at warning.
// Pure; thread-safe. Tested by tests/check/*_test.cc.
#ifndef BUDGETDOC_CHECK_CHECK_H_
#define BUDGETDOC_CHECK_CHECK_H_

#include "base/finding.h"
#include "check/judge.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <string>
#include <vector>

namespace budgetdoc {

struct CheckOptions {
  bool english = false;  // messages in English instead of Chinese
  // Applications kept per rule (a hostile document cannot flood a report).
  size_t max_results_per_rule = 200;
};

struct Evidence {
  std::string label;  // the subject as printed ("基本支出", a row label)
  std::string value;  // printed value with unit ("691.5万元")
  std::string quote;  // the sentence or table row it was read from
  std::string location;  // "第二部分/三、" or "表FA01 第3行 第2列" (+ page)
  std::string origin;  // narrative | table | chart
  Provenance where;
  int ocr_confidence = -1;      // recognized (OCR): Fact::ocr_confidence
  bool low_confidence = false;  // Fact::low_confidence
};

struct CheckResult {
  std::string rule;
  Outcome outcome = Outcome::kNotChecked;
  Severity severity = Severity::kInfo;  // error for fail, warning for rounding
  std::string message;                  // zh by default
  std::string printed, expected, difference, tolerance;  // with units
  std::string hint;
  std::string reason;  // for not applicable / not checked
  std::vector<Evidence> evidence;
  bool capped = false;  // severity lowered: rests on an unreadable page
};

struct CheckReport {
  std::vector<CheckResult> results;
  size_t dropped = 0;  // applications beyond max_results_per_rule

  size_t Count(Outcome o) const;
  size_t CountSeverity(Severity s) const;  // among fail/rounding results
};

CheckReport RunChecks(const NormalizedDocument& nd, const Extraction& ex,
                      const CheckOptions& options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_CHECK_H_
