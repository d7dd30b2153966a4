#include "base/utf8.h"
#include "check/families.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace budgetdoc {
namespace {

class ShareChecks : public CheckContext {
 public:
  explicit ShareChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() { CheckShares(); }

 private:
  void CheckShares() {
    // Shares of one breakdown: same block and base.
    std::map<std::pair<int, std::string>,
             std::vector<std::pair<const Fact*, const Fact*>>>
        breakdowns;
    for (const Fact& s : ex_.facts) {
      if (s.measure != Measure::kShare) continue;
      const Fact* amount = AmountFor(s);
      const Fact* base = BaseFor(s);
      if (amount != nullptr && base == nullptr) {
        // No printed total: a breakdown over every part of it may still be
        // judged (see below); the share alone cannot be recomputed.
        breakdowns[{s.where.block, s.base_metric}].push_back({&s, amount});
      }
      if (amount == nullptr || base == nullptr) {
        NotChecked(
            "share.recompute",
            {"占比" + s.printed.ToString() + "%缺少对应金额或合计，无法复算",
             "share " + s.printed.ToString() +
                 "% has no amount or base to recompute from"},
            {&s});
        continue;
      }
      breakdowns[{s.where.block, s.base_metric}].push_back({&s, amount});
      if (base->value.is_zero()) {
        if (!s.value.is_zero()) {
          CheckResult r;
          r.rule = "share.zero_base";
          r.outcome = Outcome::kFail;
          r.message = opts_.english ? "a share is printed for a zero total"
                                    : "合计为0，却给出占比" + Printed(s);
          r.evidence = {EvidenceOf(s), EvidenceOf(*base)};
          Add(std::move(r));
        }
        continue;
      }
      Judgment j = JudgeRatio(s.printed, s.printed.scale(), TermOf(*amount),
                              TermOf(*base));
      std::string rule = (j.outcome == Outcome::kFail && j.hint == "truncation")
                             ? "share.truncated"
                             : "share.recompute";
      Add(FromJudgment(
          rule, j,
          {"“" + s.label + "”占" + LabelOf(s.base_metric) + "的比例",
           "share of " + s.label + " in " + LabelOf(s.base_metric)},
          "%", {&s, amount, base}));
    }
    for (const auto& [key, members] : breakdowns) {
      if (members.size() < 2) continue;
      const Fact* base = BaseFor(*members.front().first);
      if (base == nullptr) {
        // Without a printed total, the breakdown is complete when it names
        // every part of the total ("三公" = 出国 + 车 + 接待).
        std::set<std::string> named;
        for (const auto& [sf, af] : members) named.insert(sf->metric);
        std::vector<const Metric*> all_parts = metrics_.PartsOf(key.second);
        bool complete = !all_parts.empty();
        for (const Metric* m : all_parts)
          complete = complete && named.count(m->id) > 0;
        if (!complete) continue;
        std::vector<Decimal> shares;
        std::vector<const Fact*> evidence;
        std::set<std::string> seen;
        for (const auto& [sf, af] : members) {
          if (!seen.insert(sf->metric).second) continue;
          shares.push_back(sf->printed);
          evidence.push_back(sf);
        }
        Add(FromJudgment("share.sum_100", JudgeSharesSum(shares),
                         {"同一组分项占比之和", "shares of one breakdown"}, "%",
                         evidence));
        continue;
      }
      if (base->value.is_zero()) continue;
      // Complete only when the amounts add up to the base.
      std::vector<Term> terms;
      std::vector<Decimal> shares;
      std::vector<const Fact*> evidence;
      std::set<const Fact*> seen;
      for (const auto& [s, a] : members) {
        if (!seen.insert(a).second) continue;
        terms.push_back(TermOf(*a));
        shares.push_back(s->printed);
        evidence.push_back(s);
      }
      if (shares.size() < 2) continue;
      Judgment complete = JudgeSum(TermOf(*base), terms);
      if (complete.outcome == Outcome::kFail) continue;
      evidence.push_back(base);
      Add(FromJudgment("share.sum_100", JudgeSharesSum(shares),
                       {"同一组分项占比之和", "shares of one breakdown"}, "%",
                       evidence));
    }
  }
};

}  // namespace

void RunShareChecks(const CheckContext& cx) { ShareChecks(cx).Run(); }

}  // namespace budgetdoc
