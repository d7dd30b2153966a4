// CheckContext: what every rule family of the checker reads — the
// normalized document, the extraction with its facts and claims, the options
// — and the helpers the families share (precision, evidence, judgments,
// the result sink). Internal to check/: rule families derive from it
// (check/families.h) and are run by RunChecks (check/check.h).
// A CheckContext is a cheap view: copies share one State, which the caller
// owns and which must outlive every copy. Not thread-safe.
// Tested through tests/check/*_test.cc.
#ifndef BUDGETDOC_CHECK_CONTEXT_H_
#define BUDGETDOC_CHECK_CONTEXT_H_

#include "check/check.h"
#include "check/judge.h"
#include "normalize/normalize.h"
#include "schema/classification.h"
#include "schema/extraction.h"
#include "schema/metrics.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace budgetdoc {

inline bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

inline bool IsClassMetric(std::string_view metric) {
  return metric == "gpb.expenditure.by_func" || metric == "gpb.basic.by_econ" ||
         metric == "expenditure.by_func" || metric == "income.by_func";
}

// Two facts speak of the same thing: the same metric and, for
// classification metrics, the same 类/款/项 name.
inline bool SameSubject(const Fact& a, const Fact& b) {
  if (a.metric != b.metric) return false;
  if (!IsClassMetric(a.metric)) return true;
  if (!a.code.empty() && !b.code.empty()) return a.code == b.code;
  return CanonicalClassName(a.label) == CanonicalClassName(b.label);
}

// A 类-level classification fact: a 3-digit code, or no code and a label
// that names a 类 (…支出, （类）) rather than a path.
inline bool IsClassLevelLabel(const Fact& f) {
  return f.code.size() == 3 ||
         (f.code.empty() && f.label.find('/') == std::string::npos &&
          (Contains(f.label, "支出") || Contains(f.label, "（类）")));
}

inline bool IsUp(std::string_view d) {
  return d == "增加" || d == "增长" || d == "上升" || d == "提高";
}
inline bool IsDown(std::string_view d) {
  return d == "减少" || d == "下降" || d == "降低" || d == "节约";
}

// A short Chinese/English message pair.
struct Text {
  std::string zh, en;
};

class CheckContext {
 public:
  // What every copy of a context shares: fact groups, the indexes and the
  // results.
  struct State {
    std::map<std::string, std::vector<const Fact*>> groups;
    // Built once by IndexFacts, so that a lookup scans only the facts that
    // can match instead of all of them (checking stays near linear in the
    // size of the report). Facts in document order: by metric, by (block,
    // metric), by block, by claim; amounts by (metric, year). Recognized
    // tables by document table index. run_end[i]: one past the last fact of
    // the run of consecutive facts, from i on, in facts[i]'s block.
    std::unordered_map<std::string, std::vector<const Fact*>> by_metric;
    std::map<std::pair<int, std::string>, std::vector<const Fact*>>
        by_block_metric;
    std::unordered_map<int, std::vector<const Fact*>> by_block;
    std::unordered_map<int, std::vector<const Fact*>> by_claim;
    std::map<std::pair<std::string, int>, std::vector<const Fact*>>
        amounts_by_year;
    std::unordered_map<int, std::vector<const RecognizedTable*>>
        tables_by_index;
    std::vector<size_t> run_end;
    std::map<std::string, size_t> per_rule;
    // Statements already judged: two independent 64-bit digests of rule,
    // message and evidence (the texts themselves would be most of the
    // memory of a long report's check).
    std::set<std::pair<uint64_t, uint64_t>> seen_messages;
    // (block, normalized begin) of every text value a rule application
    // names in its evidence, kept or capped: the judged printed values.
    std::set<std::pair<int, int>> judged;
    CheckReport report;
  };

  // REQUIRES: nd, ex, opts and state outlive the context and its copies.
  CheckContext(const NormalizedDocument& nd, const Extraction& ex,
               const CheckOptions& opts, State* state);

 protected:
  // A group is the set of facts one statement of the report makes together:
  // a chapter of the narrative (the first section below a 第X部分), one
  // table, or one chart.
  std::string GroupOf(const Fact& f) const;

  // The basis a report states its own figures in.
  std::string DefaultBasis() const;

  bool Current(const Fact& f) const;

  // Builds State's groups and indexes. Called once, before any family.
  void IndexFacts();

  // Index lookups (State); an empty list when nothing matches.
  const std::vector<const Fact*>& OfMetric(const std::string& metric) const;
  const std::vector<const Fact*>& InBlockOfMetric(
      int block, const std::string& metric) const;
  const std::vector<const Fact*>& InBlock(int block) const;
  const std::vector<const Fact*>& OfClaim(int claim) const;
  const std::vector<const Fact*>& AmountsOf(const std::string& metric,
                                            int year) const;
  const std::vector<const RecognizedTable*>& TablesOf(int table) const;
  // One past the last fact of the run of consecutive facts from f on that
  // share f's block. REQUIRES: f is an element of ex_.facts.
  const Fact* RunEnd(const Fact& f) const;

  // Half a unit of the fact's printed precision, in 万元 for money.
  Decimal Half(const Fact& f) const;

  Term TermOf(const Fact& f) const;

  std::string Printed(const Fact& f) const;

  Evidence EvidenceOf(const Fact& f) const;

  // Facts of a metric in a group (current year, amounts of one basis).
  std::vector<const Fact*> Find(const std::vector<const Fact*>& group,
                                std::string_view metric, Measure measure,
                                std::string_view basis) const;

  void Add(CheckResult r);

  CheckResult FromJudgment(std::string_view rule, const Judgment& j,
                           const Text& what, std::string_view unit,
                           std::vector<const Fact*> facts);

  static std::string HintZh(const std::string& hint);

  void NotChecked(std::string_view rule, const Text& reason,
                  std::vector<const Fact*> facts);

  std::string LabelOf(std::string_view metric) const;

  // The first value of each metric; conflicting repeats are agree.repeat's
  // business.
  // In a table, a metric printed in several cells with different values
  // (a 科目 row's 合计/基本/项目 columns) has no single value: nullptr.
  const Fact* First(const std::vector<const Fact*>& group,
                    std::string_view metric, std::string_view basis) const;

  static std::string StripZhiChu(std::string s);

  // The printed 类 name is the current or (for the report's year) former
  // name of the 类 of some code the 项 name belongs to.
  bool ValidClassName(const std::string& xiang,
                      const std::string& printed_lei) const;

  static bool IsTotalRole(std::string_view role);

  // The amount a share/change/completion speaks of: same metric and label,
  // nearest before it in the same block, else in its group.
  const Fact* AmountFor(const Fact& s, std::string_view basis = "") const;

  // The base amount of a share: its base metric in the same group, else the
  // same metric anywhere in the narrative.
  const Fact* BaseFor(const Fact& s) const;

  Evidence TextEvidence(int block, int begin, int end) const;
  // A recognized table as a whole: its printed title and first page.
  Evidence TableEvidence(const RecognizedTable& t) const;

  const NormalizedDocument& nd_;
  const Extraction& ex_;
  const CheckOptions& opts_;
  const MetricCatalog& metrics_;
  State& index_;  // the shared State, for its indexes
  std::map<std::string, std::vector<const Fact*>>& groups_;
  std::map<std::string, size_t>& per_rule_;
  std::set<std::pair<uint64_t, uint64_t>>& seen_messages_;
  std::set<std::pair<int, int>>& judged_;
  CheckReport& report_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_CONTEXT_H_
