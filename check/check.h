// RunChecks: every consistency rule of check/rules.h applied to one report.
// Each application ends in exactly one verdict a reader can act on:
// material, minor, pass (figures that agree at the precision they are
// printed with pass, exactly or within rounding), not checked (with its
// reason; never counted as passed) or not applicable. Findings carry printed
// vs expected values, the rounding tolerance used, their size (万元 and
// relative) and the evidence (each value with its quote and location). One
// wrong printed figure that breaks several identities is one finding listing
// the others; material findings come first, largest first. A finding that
// rests on an unreadable page, or on a value recognized by OCR, is not
// checked (with the reason), never material.
// Pure; thread-safe. Tested by tests/check/*_test.cc.
#ifndef BUDGETDOC_CHECK_CHECK_H_
#define BUDGETDOC_CHECK_CHECK_H_

#include "base/finding.h"
#include "base/shared_text.h"
#include "check/judge.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <string>
#include <vector>

namespace budgetdoc {

struct CheckOptions {
  bool english = false;  // messages in English instead of Chinese
  // Passing applications kept per rule; every finding that is not a pass is
  // kept, up to max_findings per document (a hostile document cannot flood
  // a report; what is dropped is counted).
  size_t max_results_per_rule = 200;
  size_t max_findings = 10000;
};

struct Evidence {
  std::string label;  // the subject as printed ("基本支出", a row label)
  std::string value;  // printed value with unit ("691.5万元")
  SharedText quote;   // the sentence or table row it was read from
  std::string location;  // "第二部分/三、" or "表FA01 第3行 第2列" (+ page)
  std::string origin;  // narrative | table | chart
  Provenance where;
  int ocr_confidence = -1;      // recognized (OCR): Fact::ocr_confidence
  bool low_confidence = false;  // Fact::low_confidence
};

// What a rule application means to a reader.
enum class Verdict { kMaterial, kMinor, kNotChecked, kNotApplicable, kPass };
std::string_view VerdictName(Verdict v);  // "material", "minor", ...
// The verdict of a --fail-on name: "material" (alias "error"), "minor"
// (alias "warning"); false for "never" and unknown names.
bool ParseFailOn(std::string_view name, Verdict* out);

// Another identity broken by the figure a finding names.
struct BrokenIdentity {
  std::string rule;
  std::string message;
};

struct CheckResult {
  std::string rule;
  Outcome outcome = Outcome::kNotChecked;  // the judgment (pass/rounding/fail)
  Verdict verdict = Verdict::kNotChecked;  // what it means (set by the sink)
  Severity severity = Severity::kInfo;     // error for material, warning minor
  std::string message;                     // zh by default
  std::string printed, expected, difference, tolerance;  // with units
  std::string hint;
  std::string reason;  // for not applicable / not checked
  std::vector<Evidence> evidence;
  bool capped = false;  // not checked: a value rests on an unreadable page
                        // or was recognized (OCR) with low confidence
  bool within_rounding = false;  // pass: the figures differ only by rounding
  // Size of a material or minor discrepancy: in 万元 (money; a percentage's
  // points applied to the amount it is a percentage of) and relative to the
  // expected figure, in percent.
  Decimal size_wan, size_rel;
  // Set by a rule whose failure is a slip that can recur (a residue word, a
  // missing unit): the same rule and slip in one section is one finding
  // (check/defects.h).
  std::string slip;
  bool slip_anywhere = false;  // the slip is one defect wherever it recurs
                               // (a 款 named two ways), not per section
  // One finding per defect (check/defects.h): the identities the same wrong
  // figure also breaks, listed under this finding; the evidence index of
  // that figure (-1: none named); and the places of a slip repeated in one
  // section (their evidence is appended).
  std::vector<BrokenIdentity> also;
  int suspect = -1;
  int places = 1;
};

// What became of every percentage, and of every 增/减 amount, printed in
// the text (check/coverage.h): judged by a rule application (any outcome),
// classified as not a checkable claim (a policy rate, a target, a reason's
// component…), or not checked with the reason (its subject or role could
// not be told, nothing to recompute a change from, or no rule applies).
struct MentionCoverage {
  struct Unchecked {
    int mention = -1;    // index into NormalizedDocument::mentions
    std::string reason;  // subject_unknown | no_role | no_prior | no_rule
    std::string detail;  // the words that decided it, or the value's role
    std::string text;    // as printed ("12.5%")
    int block = -1, page = 0;
    std::string location;  // section path
    std::string quote;     // its sentence, ≤ 120 characters
  };
  size_t printed = 0;
  size_t checked = 0;
  size_t not_claims = 0;
  std::vector<Unchecked> unchecked;  // in document order
};

struct CheckReport {
  std::vector<CheckResult> results;
  size_t dropped = 0;  // applications beyond max_results_per_rule
  MentionCoverage rates;
  MentionCoverage changes;  // 增/减 amounts

  size_t Count(Outcome o) const;
  size_t Count(Verdict v) const;
  size_t CountSeverity(Severity s) const;  // among material/minor results
};

CheckReport RunChecks(const NormalizedDocument& nd, const Extraction& ex,
                      const CheckOptions& options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_CHECK_H_
