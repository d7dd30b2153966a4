#include "check/check.h"

#include "check/context.h"
#include "check/coverage.h"
#include "check/defects.h"
#include "check/families.h"

namespace budgetdoc {

size_t CheckReport::Count(Outcome o) const {
  size_t n = 0;
  for (const CheckResult& r : results) n += r.outcome == o;
  return n;
}

size_t CheckReport::Count(Verdict v) const {
  size_t n = 0;
  for (const CheckResult& r : results) n += r.verdict == v;
  return n;
}

size_t CheckReport::CountSeverity(Severity s) const {
  size_t n = 0;
  for (const CheckResult& r : results) {
    n += (r.verdict == Verdict::kMaterial || r.verdict == Verdict::kMinor) &&
         r.severity == s;
  }
  return n;
}

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kMaterial:
      return "material";
    case Verdict::kMinor:
      return "minor";
    case Verdict::kNotChecked:
      return "not_checked";
    case Verdict::kNotApplicable:
      return "not_applicable";
    case Verdict::kPass:
      return "pass";
  }
  return "not_checked";
}

bool ParseFailOn(std::string_view name, Verdict* out) {
  if (name == "material" || name == "error") {
    *out = Verdict::kMaterial;
    return true;
  }
  if (name == "minor" || name == "warning") {
    *out = Verdict::kMinor;
    return true;
  }
  return false;
}

namespace {

// The rule families in the order they run (check/families.h).
using FamilyRunner = void (*)(const CheckContext&);
constexpr FamilyRunner kFamilies[] = {
    RunSumChecks,       RunTableChecks,        RunShareChecks,
    RunChangeChecks,    RunCompletionChecks,   RunAgreementChecks,
    RunCodeChecks,      RunPresentationChecks, RunPerformanceChecks,
    RunStructureChecks, RunReviewChecks,
};

// Groups facts by the statement that makes them (see CheckContext::GroupOf).
class Indexer : public CheckContext {
 public:
  using CheckContext::CheckContext;
  void Run() { IndexFacts(); }
};

}  // namespace

CheckReport RunChecks(const NormalizedDocument& nd, const Extraction& ex,
                      const CheckOptions& options) {
  CheckContext::State state;
  Indexer(nd, ex, options, &state).Run();
  CheckContext cx(nd, ex, options, &state);
  for (FamilyRunner run : kFamilies) run(cx);
  CheckReport report = std::move(state.report);
  report.rates = AccountPrintedRates(nd, ex, state.judged);
  report.changes = AccountPrintedChanges(nd, ex, state.judged);
  GroupDefects(nd, &report);
  for (CheckResult& r : report.results) {
    for (Evidence& e : r.evidence) {
      if (!e.where.bbox) LocateOnPage(nd, &e.where);
    }
  }
  return report;
}

}  // namespace budgetdoc
