#include "base/utf8.h"
#include "check/families.h"
#include "check/interval.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"
#include "schema/metrics.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace budgetdoc {
namespace {

class CompletionChecks : public CheckContext {
 public:
  explicit CompletionChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckCompletion();
    CheckComparators();
    CheckImpliedBudgets();
  }

 private:
  // The section says there was no budget ("没有年初预算"); remembered per
  // section, so that many rates in one section cost one scan of it.
  bool SectionSaysNoBudget(int section) {
    auto [it, inserted] = no_budget_by_section_.try_emplace(section, false);
    if (!inserted) return it->second;
    const Section& sec = nd_.sections.sections[static_cast<size_t>(section)];
    bool said = false;
    for (int b = std::max(0, sec.block);
         b < sec.end_block && b < static_cast<int>(nd_.blocks.size()); ++b) {
      const std::string& t = nd_.blocks[static_cast<size_t>(b)].text;
      said |= Contains(t, "没有年初预算") || Contains(t, "无年初预算") ||
              Contains(t, "未安排预算") || Contains(t, "没有预算") ||
              Contains(t, "无预算");
    }
    it->second = said;
    return said;
  }

  void CheckCompletion() {
    for (const Fact& p : ex_.facts) {
      if (p.measure != Measure::kCompletion) continue;
      const Fact* actual = AmountFor(p, "actual");
      if (actual == nullptr) actual = AmountFor(p);
      if (!p.direction.empty()) {
        int c = Decimal::Compare(p.printed, Decimal::FromInt(100));
        bool ok = (p.direction == "小于" && c < 0) ||
                  (p.direction == "大于" && c > 0) ||
                  (p.direction == "等于" && c == 0);
        CheckResult r;
        r.rule = "completion.direction";
        r.outcome = ok ? Outcome::kPass : Outcome::kFail;
        r.message = opts_.english
                        ? "\"actual " + p.direction +
                              " budget\" against completion " + Printed(p)
                        : "“决算数" + p.direction + "预算数”与完成预算" +
                              Printed(p) + (ok ? "一致" : "矛盾");
        r.evidence = {EvidenceOf(p)};
        Add(std::move(r));
      }
      // A budget amount for the same subject.
      const Fact* budget = nullptr;
      for (const Fact* f : OfMetric(p.metric)) {
        if (SameSubject(*f, p) && f->measure == Measure::kAmount &&
            Current(*f) &&
            (f->basis == p.basis ||
             (p.basis == "budget" && f->basis.rfind("budget", 0) == 0))) {
          budget = f;
          break;
        }
      }
      bool no_budget_said = false;
      if (p.where.block >= 0) {
        int section =
            nd_.sections.block_section[static_cast<size_t>(p.where.block)];
        no_budget_said = SectionSaysNoBudget(section);
      }
      // "完成年初预算的95.89%" while 年初预算 is 0: the rate was computed
      // against another budget printed beside it (全年/调整预算).
      if (budget != nullptr && budget->value.is_zero() && actual != nullptr) {
        const Fact* other = nullptr;
        for (const Fact* f : InBlockOfMetric(p.where.block, p.metric)) {
          if (SameSubject(*f, p) && f->measure == Measure::kAmount &&
              Current(*f) && f->basis != budget->basis &&
              f->basis.rfind("budget", 0) == 0 && !f->value.is_zero()) {
            other = f;
          }
        }
        if (other != nullptr) {
          Judgment j = JudgeRatio(p.printed, p.printed.scale(), TermOf(*actual),
                                  TermOf(*other));
          if (j.outcome != Outcome::kFail) {
            CheckResult r;
            r.rule = "completion.rate";
            r.outcome = Outcome::kFail;
            r.hint = "wrong denominator";
            r.printed = Printed(p);
            r.message = opts_.english
                            ? "completion " + Printed(p) +
                                  " is stated against a budget of 0; it is "
                                  "actual over " +
                                  Printed(*other)
                            : "称完成预算" + Printed(p) + "，但所称预算为" +
                                  Printed(*budget) + "；该比例实为决算数" +
                                  Printed(*actual) + "除以" + Printed(*other) +
                                  "，分母表述有误";
            r.evidence = {EvidenceOf(p), EvidenceOf(*actual),
                          EvidenceOf(*budget), EvidenceOf(*other)};
            Add(std::move(r));
            continue;
          }
        }
      }
      if ((budget != nullptr && budget->value.is_zero()) ||
          (budget == nullptr && actual != nullptr && actual->value.is_zero() &&
           no_budget_said)) {
        CheckResult r;
        r.rule = "completion.zero_budget";
        r.outcome = Outcome::kFail;
        r.message = opts_.english ? "completion " + Printed(p) +
                                        " printed although there is no budget"
                                  : "没有预算，却给出完成预算" + Printed(p) +
                                        "，应表述为不适用";
        r.evidence = {EvidenceOf(p)};
        if (actual != nullptr) r.evidence.push_back(EvidenceOf(*actual));
        Add(std::move(r));
        continue;
      }
      if (actual == nullptr || budget == nullptr) {
        NotChecked(
            "completion.rate",
            {"“" + p.label + "”完成预算" + Printed(p) +
                 "：正文未列出预算数，无法复算",
             "completion of " + p.label + ": the budget amount is not printed"},
            {&p});
        continue;
      }
      Add(FromJudgment(
          "completion.rate",
          JudgeRatio(p.printed, p.printed.scale(), TermOf(*actual),
                     TermOf(*budget)),
          {"“" + p.label + "”完成预算比例", "completion of " + p.label}, "%",
          {&p, actual, budget}));
    }
  }

  // "年初预算为A万元，支出决算为B万元。决算数大于预算数…": the comparator
  // against the two printed amounts of the same subject.
  void CheckComparators() {
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      const std::string& t = nd_.blocks[b].text;
      std::string word;
      for (std::string_view w : {"大于", "小于", "等于", "持平"}) {
        if (Contains(t, "决算数" + std::string(w) + "预算数") ||
            Contains(t, "决算" + std::string(w) + "预算") ||
            (w == "持平" && Contains(t, "决算数与预算数基本持平"))) {
          word = std::string(w);
        }
      }
      if (word.empty()) continue;
      std::vector<const Fact*> budgets;
      const Fact* actual = nullptr;
      for (const Fact* fp : InBlock(static_cast<int>(b))) {
        const Fact& f = *fp;
        if (f.origin != Origin::kNarrative || f.measure != Measure::kAmount) {
          continue;
        }
        if (f.basis.rfind("budget", 0) == 0 &&
            (budgets.empty() || SameSubject(f, *budgets.front()))) {
          budgets.push_back(&f);
        }
        if (f.basis == "actual" && !budgets.empty() && actual == nullptr &&
            SameSubject(f, *budgets.front())) {
          actual = &f;
        }
      }
      if (budgets.empty() || actual == nullptr) continue;
      // With several budgets printed (年初 and 全年), the statement holds
      // if it holds for one of them.
      const Fact* budget = budgets.front();
      bool ok = false;
      for (const Fact* candidate : budgets) {
        int c = Decimal::Compare(actual->value, candidate->value);
        bool holds = (word == "大于" && c > 0) || (word == "小于" && c < 0) ||
                     ((word == "等于" || word == "持平") && c == 0);
        if (holds) {
          ok = true;
          budget = candidate;
        }
      }
      CheckResult r;
      r.rule = "completion.direction";
      r.outcome = ok ? Outcome::kPass : Outcome::kFail;
      r.message = opts_.english
                      ? "\"actual " + word + " budget\" against actual " +
                            Printed(*actual) + " and budget " + Printed(*budget)
                      : "称“决算数" + word + "预算数”，决算数" +
                            Printed(*actual) + "、预算数" + Printed(*budget) +
                            (ok ? "，一致" : "，与之矛盾");
      r.evidence = {EvidenceOf(*actual), EvidenceOf(*budget)};
      Add(std::move(r));
    }
  }

  // The ways a total splits: its parts in metrics.tsv, the appropriation's
  // funds, the 类 of general-budget spending ("" = a 类-level class fact).
  static std::vector<std::vector<std::string>> SplitsOf(
      const std::string& total) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> parts;
    for (const Metric* m : MetricCatalog::Default().PartsOf(total))
      parts.push_back(m->id);
    if (!parts.empty()) out.push_back(std::move(parts));
    if (total == "fiscal.expenditure.total")
      out.push_back({"gpb.expenditure.total", "gov_fund.expenditure.total",
                     "soe.expenditure.total"});
    if (total == "gpb.expenditure.total") out.push_back({""});
    return out;
  }

  // 「本年支出合计X万元，完成预算的a%。其中：基本支出Y万元，完成b%；项目支出
  // Z万元，完成c%」 with no budget printed: budgets add up as spending does,
  // so the budget the total's rate implies (X ÷ a) is the sum of those the
  // parts' rates imply (Y ÷ b + Z ÷ c), each over the interval its printed
  // figures allow. Judged only when the parts' spending makes up the
  // total's and every part prints its rate against the same budget.
  void CheckImpliedBudgets() {
    for (const Fact& p : ex_.facts) {
      if (p.measure != Measure::kCompletion || p.origin != Origin::kNarrative)
        continue;
      const Fact* actual = AmountFor(p, "actual");
      if (actual == nullptr || actual->value.sign() <= 0 ||
          p.printed.sign() <= 0)
        continue;
      std::vector<std::vector<std::string>> splits = SplitsOf(p.metric);
      if (splits.empty()) continue;
      auto g = groups_.find(GroupOf(p));
      if (g == groups_.end()) continue;
      for (const std::vector<std::string>& split : splits) {
        std::vector<const Fact*> rates, actuals;
        bool complete = true;
        for (const Fact* qp : g->second) {
          const Fact& q = *qp;
          if (q.origin != Origin::kNarrative || &q == &p ||
              q.measure != Measure::kAmount || q.basis != "actual" ||
              !Current(q))
            continue;
          bool part = split.front().empty()
                          ? q.metric == "gpb.expenditure.by_func" &&
                                IsClassLevelLabel(q)
                          : std::find(split.begin(), split.end(), q.metric) !=
                                split.end();
          if (!part || q.value.is_zero()) continue;
          if (std::find_if(actuals.begin(), actuals.end(), [&](const Fact* a) {
                return SameSubject(*a, q);
              }) != actuals.end())
            continue;  // a part stated twice
          const Fact* rate = nullptr;
          for (const Fact* r : InBlockOfMetric(q.where.block, q.metric)) {
            if (r->measure == Measure::kCompletion && SameSubject(*r, q) &&
                r->basis == p.basis && AmountFor(*r, "actual") == &q)
              rate = r;
          }
          if (rate == nullptr || rate->printed.sign() <= 0) {
            complete = false;
            break;
          }
          actuals.push_back(&q);
          rates.push_back(rate);
        }
        if (!complete || actuals.size() < 2) continue;
        std::vector<Term> terms;
        for (const Fact* a : actuals) terms.push_back(TermOf(*a));
        if (JudgeSum(TermOf(*actual), terms).outcome == Outcome::kFail)
          continue;  // not the whole of the total
        auto implied = [&](const Fact& amount, const Fact& rate) {
          return Percent(
              TermOf(amount).AsInterval(),
              Interval::Around(rate.printed, HalfUnit(rate.printed.scale())),
              4);
        };
        std::optional<Interval> whole = implied(*actual, p);
        std::optional<Interval> sum = Interval::Point(Decimal());
        for (size_t i = 0; i < actuals.size() && sum; ++i) {
          std::optional<Interval> one = implied(*actuals[i], *rates[i]);
          if (one) {
            *sum = *sum + *one;
          } else {
            sum.reset();
          }
        }
        if (!whole || !sum) continue;
        std::vector<const Fact*> evidence{&p, actual};
        for (size_t i = 0; i < actuals.size(); ++i) {
          evidence.push_back(rates[i]);
          evidence.push_back(actuals[i]);
        }
        CheckResult r;
        r.rule = "completion.implied_budget";
        for (const Fact* f : evidence) r.evidence.push_back(EvidenceOf(*f));
        if (whole->Overlaps(*sum)) {
          r.outcome = Outcome::kPass;
          r.message = opts_.english
                          ? "the budget implied by " + p.label +
                                "'s completion rate is the sum of its parts'"
                          : "由完成比例推算的“" + p.label +
                                "”预算数与各组成部分推算预算数之和一致";
          Add(std::move(r));
          continue;
        }
        Decimal gap =
            whole->hi < sum->lo ? sum->lo - whole->hi : whole->lo - sum->hi;
        r.outcome = Outcome::kFail;
        r.verdict = Verdict::kMaterial;
        r.size_wan = gap.Round(2, RoundingMode::kHalfUp);
        r.printed = Printed(p);
        r.message =
            opts_.english
                ? "the completion rates imply a budget of " +
                      whole->ToString() + " for " + p.label + " but of " +
                      sum->ToString() + " for its parts together"
                : "按完成比例推算，“" + p.label + "”预算数约为" +
                      whole->lo.Round(2, RoundingMode::kHalfUp).ToString() +
                      "至" +
                      whole->hi.Round(2, RoundingMode::kHalfUp).ToString() +
                      "万元，而各组成部分推算预算数之和约为" +
                      sum->lo.Round(2, RoundingMode::kHalfUp).ToString() +
                      "至" +
                      sum->hi.Round(2, RoundingMode::kHalfUp).ToString() +
                      "万元，二者不能同时成立";
        Add(std::move(r));
      }
    }
  }

  std::map<int, bool> no_budget_by_section_;
};

}  // namespace

void RunCompletionChecks(const CheckContext& cx) { CompletionChecks(cx).Run(); }

}  // namespace budgetdoc
