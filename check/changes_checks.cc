#include "base/utf8.h"
#include "check/families.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace budgetdoc {
namespace {

// A change with the sign of its direction word (减少/下降 negative).
Decimal SignedValue(const Fact& change) {
  return IsDown(change.direction) ? -change.value : change.value;
}

class ChangeChecks : public CheckContext {
 public:
  explicit ChangeChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckChanges();
    CheckRatesWithoutChange();
    CheckFlatClaims();
    CheckChangeParts();
  }

 private:
  // The change of a total is the sum of its parts' changes, when this
  // year's amounts of the parts make up the total (within rounding) and
  // every part with money prints its change: 「财政拨款支出328661万元，比上年
  // 增加115649万元…一般公共预算拨款支出49376万元，比上年减少5965万元；政府性
  // 基金拨款支出279285.70万元，比上年增加119614万元…」, 基本支出/项目支出 of
  // the year's spending, the 三公 items. Parts are the metrics' part_of
  // (schema/data/metrics.tsv) and the funds of the appropriation; a part
  // with no amount this year and no printed change leaves it not checked.
  void CheckChangeParts() {
    static constexpr std::string_view kFunds[] = {"gpb.expenditure.total",
                                                  "gov_fund.expenditure.total",
                                                  "soe.expenditure.total"};
    static constexpr std::string_view kIncomeFunds[] = {
        "income.fiscal.gpb", "income.fiscal.gov_fund", "income.fiscal.soe"};
    // Each way the total splits: by fund, and by its parts in the metric
    // data (the year's spending into 基本/项目; 三公 into its items). The
    // income total's parts in the data overlap (财政拨款 and its funds), so
    // only its funds are used.
    auto splits_of = [&](const std::string& total) {
      std::vector<std::vector<std::string>> out;
      if (total == "fiscal.expenditure.total" || total == "expenditure.total")
        out.emplace_back(std::begin(kFunds), std::end(kFunds));
      if (total == "income.fiscal" || total == "income.total")
        out.emplace_back(std::begin(kIncomeFunds), std::end(kIncomeFunds));
      if (total != "income.total") {
        std::vector<std::string> parts;
        for (const Metric* m : MetricCatalog::Default().PartsOf(total))
          parts.push_back(m->id);
        if (!parts.empty()) out.push_back(std::move(parts));
      }
      return out;
    };
    for (const Fact& c : ex_.facts) {
      if (c.measure != Measure::kChange || c.origin != Origin::kNarrative)
        continue;
      std::vector<std::vector<std::string>> splits = splits_of(c.metric);
      if (splits.empty()) continue;
      const Fact* total = AmountFor(c, c.basis);
      if (total == nullptr) total = AmountFor(c);
      if (total == nullptr) continue;
      for (const std::vector<std::string>& parts : splits)
        JudgeChangeParts(c, *total, parts);
    }
  }

  void JudgeChangeParts(const Fact& c, const Fact& total,
                        const std::vector<std::string>& parts) {
    // The parts' amounts and changes stated near the total: its block and
    // the next two (「其中：」 lists often start a paragraph).
    std::vector<Term> amounts, changes;
    std::vector<const Fact*> evidence{&c, &total};
    int stated = 0;
    for (const std::string& part : parts) {
      const Fact* amount = nullptr;
      const Fact* change = nullptr;
      for (int b = c.where.block; b <= c.where.block + 2; ++b) {
        for (const Fact* f : InBlockOfMetric(b, part)) {
          if (f->origin != Origin::kNarrative || f->year != total.year ||
              f->basis != total.basis || !f->code.empty())
            continue;
          if (f->measure == Measure::kAmount && amount == nullptr) amount = f;
          if (f->measure == Measure::kChange && change == nullptr) change = f;
        }
        if (amount != nullptr) break;
      }
      if (amount == nullptr) continue;
      ++stated;
      amounts.push_back(TermOf(*amount));
      if (change == nullptr) {
        // 「…0万元，比上年持平」: no change; otherwise not printed.
        if (!Flat(*amount)) return;
        changes.push_back(Term{});
        continue;
      }
      Term t = TermOf(*change);
      t.value = SignedValue(*change);
      changes.push_back(t);
      evidence.push_back(change);
    }
    if (stated < 2) return;
    // Only a complete split: the parts' amounts make up the total.
    if (JudgeSum(TermOf(total), amounts).outcome == Outcome::kFail) return;
    Term whole = TermOf(c);
    whole.value = SignedValue(c);
    Add(FromJudgment("sum.change_parts", JudgeSum(whole, changes),
                     {"“" + c.label + "”增减额与其组成部分增减额之和",
                      "change of " + c.label + " against its parts' changes"},
                     "万元", evidence));
  }

  // The amount's sentence says it is unchanged (持平).
  bool Flat(const Fact& amount) const {
    const std::vector<Claim>& claims = ex_.claims.claims;
    return amount.claim >= 0 &&
           static_cast<size_t>(amount.claim) < claims.size() &&
           claims[static_cast<size_t>(amount.claim)].flat;
  }

  const Fact* Next(const Fact& c, Measure m) const {
    // The facts of c's metric after c in the run of facts of c's block.
    const Fact* run_end = RunEnd(c);
    const std::vector<const Fact*>& near =
        InBlockOfMetric(c.where.block, c.metric);
    for (auto it = std::upper_bound(near.begin(), near.end(), &c,
                                    std::less<const Fact*>());
         it != near.end() && *it < run_end; ++it) {
      const Fact& f = **it;
      if (f.measure == m && SameSubject(f, c)) return &f;
      if (f.measure == Measure::kChange && SameSubject(f, c)) break;
    }
    return nullptr;
  }

  // A printed prior-year value: a chart point or an amount of year − 1.
  const Fact* PriorFor(const Fact& c) const {
    int prior_year =
        c.comparison_year > 0 ? c.comparison_year : ex_.meta.fiscal_year - 1;
    if (prior_year <= 0) return nullptr;
    for (const Fact* f : AmountsOf(c.metric, prior_year)) {
      if (SameSubject(*f, c)) return f;
    }
    return nullptr;
  }

  void CheckChanges() {
    for (const Fact& c : ex_.facts) {
      if (c.measure != Measure::kChange) continue;
      const Fact* current = AmountFor(c, c.basis);
      if (current == nullptr) current = AmountFor(c);
      const Fact* rate = Next(c, Measure::kRate);
      if (rate != nullptr && !rate->direction.empty() && !c.direction.empty() &&
          ((IsUp(c.direction) && IsDown(rate->direction)) ||
           (IsDown(c.direction) && IsUp(rate->direction)))) {
        CheckResult r;
        r.rule = "change.direction";
        r.outcome = Outcome::kFail;
        r.message = opts_.english
                        ? "the change says " + c.direction +
                              " but the rate says " + rate->direction
                        : "增减额用“" + c.direction + "”，增减幅度却用“" +
                              rate->direction + "”，方向矛盾";
        r.evidence = {EvidenceOf(c), EvidenceOf(*rate)};
        Add(std::move(r));
      }
      if (c.direction == "持平" && !c.value.is_zero()) {
        CheckResult r;
        r.rule = "change.direction";
        r.outcome = Outcome::kFail;
        r.message = opts_.english ? "\"unchanged\" with a nonzero change"
                                  : "称“持平”，但增减额不为0";
        r.evidence = {EvidenceOf(c)};
        Add(std::move(r));
      }
      const Fact* prior = PriorFor(c);
      // 「与2016年相比」 in a 2016 final account names the report's own year
      // (review.comparison_year reports it): the figure found for that year
      // is this year's, not a prior one to compare with.
      if (prior != nullptr && current != nullptr &&
          (prior == current ||
           (prior->year == current->year && prior->basis == current->basis)))
        prior = nullptr;
      if (prior == nullptr) RiseBeyondAmount(c, AmountFor(c, c.basis));
      if (current != nullptr && prior != nullptr) {
        Decimal diff = current->value - prior->value;
        bool sign_ok = (IsUp(c.direction) && diff.sign() >= 0) ||
                       (IsDown(c.direction) && diff.sign() <= 0) ||
                       c.direction.empty() || c.direction == "持平" ||
                       c.direction == "增加（减少）";
        if (!sign_ok && !diff.is_zero()) {
          CheckResult r;
          r.rule = "change.direction";
          r.outcome = Outcome::kFail;
          r.message = opts_.english
                          ? "says " + c.direction +
                                " but this year minus last year is " +
                                diff.ToString()
                          : "称“" + c.direction + "”，但本年" +
                                Printed(*current) + "减上年" + Printed(*prior) +
                                "为" + diff.ToString() + "万元";
          r.evidence = {EvidenceOf(c), EvidenceOf(*current),
                        EvidenceOf(*prior)};
          Add(std::move(r));
        } else {
          Term change{diff.Abs(), TermOf(*current).half + TermOf(*prior).half};
          Add(FromJudgment("change.amount", JudgeEqual(TermOf(c), change),
                           {"“" + c.label + "”增减额与本年、上年数之差",
                            "change of " + c.label + " against the two years"},
                           "万元", {&c, current, prior}));
        }
      }
      if (rate == nullptr) continue;
      if (current == nullptr) {
        NotChecked("change.rate",
                   {"“" + c.label + "”缺少本年金额，无法复算增减幅度",
                    "no current amount for " + c.label},
                   {&c, rate});
        continue;
      }
      // Last year's figure as printed, else derived: current ∓ change
      // (carrying both half units). With it printed, the rate is judged on
      // |this − last| / last, so a wrong change amount or direction word is
      // reported once, by its own rule.
      Decimal signed_change = SignedValue(c);
      Term prior_term{current->value - signed_change,
                      TermOf(*current).half + TermOf(c).half};
      Term change_term = TermOf(c);
      if (prior != nullptr) {
        prior_term = TermOf(*prior);
        change_term = {(current->value - prior->value).Abs(),
                       TermOf(*current).half + TermOf(*prior).half};
      }
      if (prior_term.value.sign() <= 0) {
        CheckResult r;
        r.rule = "change.zero_base";
        r.evidence = {EvidenceOf(c), EvidenceOf(*rate), EvidenceOf(*current)};
        // 「增加307.82万元，增长100%」 from nothing (a body founded this
        // year): the genre's convention, the change being the whole amount.
        // Any other rate from a zero base is a slip.
        if (prior_term.value.is_zero() && !IsDown(c.direction) &&
            rate->printed == Decimal::FromInt(100)) {
          r.outcome = Outcome::kNotApplicable;
          r.reason = opts_.english
                         ? "up from zero: 100% is the usual way to say so"
                         : "上年为零，增长100%为通行写法，不复算";
          r.message = r.reason;
          Add(std::move(r));
          continue;
        }
        r.outcome = Outcome::kFail;
        r.slip = "zero_base";
        r.message = opts_.english
                        ? "a growth rate from a zero base"
                        : "上年数为0（本年数即增加额），不应给出增长率" +
                              Printed(*rate);
        Add(std::move(r));
        continue;
      }
      Judgment j = JudgeRatio(rate->printed, rate->printed.scale(), change_term,
                              prior_term);
      // An unknown sign (template residue "增加（减少）"): the rate holds if
      // it holds either way; the residue is reported by its own rule.
      if (c.direction == "增加（减少）" && prior == nullptr &&
          j.outcome == Outcome::kFail) {
        Term other{current->value + c.value, prior_term.half};
        Judgment k = JudgeRatio(rate->printed, rate->printed.scale(),
                                change_term, other);
        if (k.outcome != Outcome::kFail) j = k;
      }
      Add(FromJudgment(
          "change.rate", j,
          {"“" + c.label + "”增减幅度", "change rate of " + c.label}, "%",
          {rate, &c, current}));
    }
  }

  // 「政府性基金拨款支出预算0万元，比上年增加1421.25万元」: a rise larger than
  // this year's amount would put last year's below zero, which spending,
  // income and their parts cannot be. (A balance or difference may be
  // negative: not judged.)
  void RiseBeyondAmount(const Fact& c, const Fact* current) {
    if (current == nullptr || !IsUp(c.direction) ||
        current->measure != Measure::kAmount || current->value.sign() < 0 ||
        Contains(c.metric, "balance") || Contains(c.metric, "surplus") ||
        Contains(c.label, "差额") || Contains(c.label, "结余"))
      return;
    Judgment at_most = JudgeSumAtMost(TermOf(*current), {TermOf(c)});
    if (at_most.outcome != Outcome::kFail) return;
    // Judged as the change printed against the most it can be: the change
    // is the suspect figure (this year's amount is stated on its own).
    Judgment j = at_most;
    j.printed = c.value;
    j.expected = current->value;
    j.difference = c.value - current->value;
    Add(FromJudgment(
        "change.beyond_amount", j,
        {"“" + c.label + "”增加额不应超过本年数（否则上年数为负）",
         "the rise of " + c.label +
             " exceeds this year's amount (last year's would be negative)"},
        "万元", {&c, current}));
  }

  // The value of `claim` of `measure` that satisfies `pred`, or nullptr.
  template <typename Pred>
  const Fact* InClaim(int claim, Measure measure, Pred pred) const {
    for (const Fact* f : OfClaim(claim)) {
      if (f->measure == measure && pred(*f)) return f;
    }
    return nullptr;
  }

  // The basis of the year a rate compares with ("比2022年预算执行数…":
  // execution), from the fact's claim; "" when unstated or unknown.
  std::string ComparisonBasisOf(const Fact& r) const {
    const std::vector<Claim>& claims = ex_.claims.claims;
    if (r.claim < 0 || static_cast<size_t>(r.claim) >= claims.size()) return "";
    const Claim& c = claims[static_cast<size_t>(r.claim)];
    if (r.claim_value < 0 ||
        static_cast<size_t>(r.claim_value) >= c.values.size())
      return "";
    return c.values[static_cast<size_t>(r.claim_value)].comparison_basis;
  }

  // Adds the rates of `claim` that some change of the claim is about
  // (SameSubject), in one pass over the claim's facts, not one per change:
  // a claim may hold thousands of values (a long line without 。).
  void RatesWithAChange(int claim, std::set<const Fact*>* handled) const {
    // The changes' subjects: a metric, or for classification metrics the
    // metric with a code or a canonical 类/款/项 name (see SameSubject).
    using Named = std::pair<std::string, std::string>;
    std::set<std::string> metrics;
    std::set<Named> codes, names_without_code, names;
    for (const Fact* f : OfClaim(claim)) {
      if (f->measure != Measure::kChange) continue;
      if (!IsClassMetric(f->metric)) {
        metrics.insert(f->metric);
        continue;
      }
      std::string name = CanonicalClassName(f->label);
      if (f->code.empty()) {
        names_without_code.insert({f->metric, name});
      } else {
        codes.insert({f->metric, f->code});
      }
      names.insert({f->metric, std::move(name)});
    }
    for (const Fact* f : OfClaim(claim)) {
      if (f->measure != Measure::kRate) continue;
      bool paired = false;
      if (!IsClassMetric(f->metric)) {
        paired = metrics.count(f->metric) > 0;
      } else if (!f->code.empty()) {
        paired = codes.count({f->metric, f->code}) > 0 ||
                 names_without_code.count(
                     {f->metric, CanonicalClassName(f->label)}) > 0;
      } else {
        paired = names.count({f->metric, CanonicalClassName(f->label)}) > 0;
      }
      if (paired) handled->insert(f);
    }
  }

  // A rate printed without a change amount ("2022年预算执行数为650.70万元，
  // 2023年预算安排609.61万元，…降幅为6.31%"): judged on the claim's own two
  // amounts, this year's and the compared year's (of the compared basis
  // when the sentence names one). Without the compared amount the rate is
  // reported not checked, so every printed rate is accounted for.
  void CheckRatesWithoutChange() {
    std::set<const Fact*> handled;
    std::set<int> claims_seen;
    for (const Fact& c : ex_.facts) {
      if (c.measure != Measure::kChange) continue;
      if (const Fact* r = Next(c, Measure::kRate)) handled.insert(r);
      if (c.claim >= 0 && claims_seen.insert(c.claim).second) {
        RatesWithAChange(c.claim, &handled);
      }
    }
    const int fy = ex_.meta.fiscal_year;
    for (const Fact& r : ex_.facts) {
      if (r.measure != Measure::kRate || r.claim < 0 || handled.count(&r) ||
          fy <= 0)
        continue;
      int prior_year = r.comparison_year > 0 ? r.comparison_year : fy - 1;
      const std::string basis = ComparisonBasisOf(r);
      if (prior_year >= fy) {
        // A comparison with the report's own year or a later one: the year
        // is wrong (review.comparison_year reports it); the rate has no
        // base to be judged against.
        NotChecked(
            "change.rate",
            {"“" + r.label + "”的增减幅度与" + std::to_string(prior_year) +
                 "年相比，不是报告年度的上一年，无法复算",
             "the rate of " + r.label + " compares with " +
                 std::to_string(prior_year) +
                 ", not the year before the report's"},
            {&r});
        continue;
      }
      const Fact* current = InClaim(
          r.claim, Measure::kAmount,
          [&](const Fact& f) { return SameSubject(f, r) && f.year == fy; });
      const Fact* prior =
          InClaim(r.claim, Measure::kAmount, [&](const Fact& f) {
            return SameSubject(f, r) && f.year == prior_year &&
                   (basis.empty() || f.basis == basis);
          });
      if (current == nullptr) continue;  // a rate about another figure
      if (prior == nullptr) {
        NotChecked(
            "change.rate",
            {"“" + r.label + "”只印了增减幅度，没有上年数或增减额，无法复算",
             "only the rate of " + r.label +
                 " is printed: no prior-year amount or change"},
            {&r, current});
        continue;
      }
      Decimal diff = current->value - prior->value;
      if (!r.direction.empty() && r.direction != "持平" &&
          r.direction != "增加（减少）" && !diff.is_zero() &&
          ((IsUp(r.direction) && diff.sign() < 0) ||
           (IsDown(r.direction) && diff.sign() > 0))) {
        CheckResult res;
        res.rule = "change.direction";
        res.outcome = Outcome::kFail;
        res.message =
            opts_.english
                ? "says " + r.direction +
                      " but this year minus the compared "
                      "year is " +
                      diff.ToString()
                : "称“" + r.direction + "”，但本年" + Printed(*current) + "减" +
                      std::to_string(prior_year) + "年" + Printed(*prior) +
                      "为" + diff.ToString() + "万元";
        res.evidence = {EvidenceOf(r), EvidenceOf(*current),
                        EvidenceOf(*prior)};
        Add(std::move(res));
        continue;
      }
      if (prior->value.sign() <= 0) {
        NotChecked("change.rate",
                   {"“" + r.label + "”上年数为0，增长率无从计算",
                    "the compared amount of " + r.label + " is zero"},
                   {&r, current, prior});
        continue;
      }
      Term change{diff.Abs(), TermOf(*current).half + TermOf(*prior).half};
      Add(FromJudgment(
          "change.rate",
          JudgeRatio(r.printed, r.printed.scale(), change, TermOf(*prior)),
          {"“" + r.label + "”增减幅度", "change rate of " + r.label}, "%",
          {&r, current, prior}));
    }
  }

  // "2023年预算安排256.62万元，与2022年预算执行数持平": the claim's figure
  // and the compared year's (of the compared basis) agree at their printed
  // precision. Without the compared figure in the claim: not checked.
  void CheckFlatClaims() {
    const int fy = ex_.meta.fiscal_year;
    const std::vector<Claim>& claims = ex_.claims.claims;
    for (size_t ci = 0; ci < claims.size() && fy > 0; ++ci) {
      const Claim& claim = claims[ci];
      if (!claim.flat) continue;
      int prior_year = claim.flat_year > 0 ? claim.flat_year : fy - 1;
      if (prior_year >= fy) continue;
      const int id = static_cast<int>(ci);
      const Fact* current = InClaim(
          id, Measure::kAmount, [&](const Fact& f) { return f.year == fy; });
      if (current == nullptr) continue;
      const Fact* prior = InClaim(id, Measure::kAmount, [&](const Fact& f) {
        return SameSubject(f, *current) && f.year == prior_year &&
               (claim.flat_basis.empty() || f.basis == claim.flat_basis);
      });
      if (prior == nullptr) {
        NotChecked("change.direction",
                   {"“" + current->label + "”称与" +
                        std::to_string(prior_year) + "年持平，但未印出该年数字",
                    current->label + " is said to be unchanged, but the " +
                        "compared figure is not printed"},
                   {current});
        continue;
      }
      Add(FromJudgment(
          "change.direction", JudgeEqual(TermOf(*prior), TermOf(*current)),
          {"“" + current->label + "”称与" + std::to_string(prior_year) +
               "年持平，两年数字",
           current->label + " said unchanged: the two years' figures"},
          "万元", {prior, current}));
    }
  }
};

}  // namespace

void RunChangeChecks(const CheckContext& cx) { ChangeChecks(cx).Run(); }

}  // namespace budgetdoc
