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

class CompletionChecks : public CheckContext {
 public:
  explicit CompletionChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckCompletion();
    CheckComparators();
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

  std::map<int, bool> no_budget_by_section_;
};

}  // namespace

void RunCompletionChecks(const CheckContext& cx) { CompletionChecks(cx).Run(); }

}  // namespace budgetdoc
