#include "check/check.h"

#include "check/context.h"
#include "check/families.h"

namespace budgetdoc {

size_t CheckReport::Count(Outcome o) const {
  size_t n = 0;
  for (const CheckResult& r : results) n += r.outcome == o;
  return n;
}

size_t CheckReport::CountSeverity(Severity s) const {
  size_t n = 0;
  for (const CheckResult& r : results) {
    n += (r.outcome == Outcome::kFail || r.outcome == Outcome::kRounding) &&
         r.severity == s;
  }
  return n;
}

namespace {

// The rule families in the order they run (check/families.h).
using FamilyRunner = void (*)(const CheckContext&);
constexpr FamilyRunner kFamilies[] = {
    RunSumChecks,    RunTableChecks,        RunShareChecks,
    RunChangeChecks, RunCompletionChecks,   RunAgreementChecks,
    RunCodeChecks,   RunPresentationChecks, RunStructureChecks,
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
  for (CheckResult& r : report.results) {
    for (Evidence& e : r.evidence) {
      if (!e.where.bbox) LocateOnPage(nd, &e.where);
    }
  }
  return report;
}

}  // namespace budgetdoc
