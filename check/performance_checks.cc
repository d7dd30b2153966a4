// Performance forms (schema/performance_forms.h): each form's funds add up,
// a self-evaluation's execution rates and scores agree with its figures,
// and the text's total for the projects with targets is the sum of their
// forms.
#include "base/utf8.h"
#include "check/families.h"
#include "check/interval.h"
#include "check/rules.h"

#include <optional>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

// d without the trailing zeros beyond two decimals (sums of 元 figures in
// 万元 would print six).
Decimal Trimmed(Decimal d) {
  while (d.scale() > 2 && d.Round(d.scale() - 1, RoundingMode::kHalfUp) == d)
    d = d.Round(d.scale() - 1, RoundingMode::kHalfUp);
  return d;
}

void TrimJudgment(Judgment* j) {
  j->expected = Trimmed(j->expected);
  j->printed = Trimmed(j->printed);
  j->difference = Trimmed(j->difference);
  j->tolerance = Trimmed(j->tolerance);
}

class PerformanceChecks : public CheckContext {
 public:
  explicit PerformanceChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    for (const PerformanceForm& form : ex_.forms) {
      Funds(form);
      if (form.kind == PerformanceForm::Kind::kSelfEvaluation) {
        Rates(form);
        Scores(form);
      }
    }
    ProjectsTotal();
    TargetsSaidMet();
  }

 private:
  static const Fact* Get(const PerformanceForm& form, std::string_view metric,
                         std::string_view basis = "") {
    for (const Fact& f : form.values) {
      if (f.metric == metric && (basis.empty() || f.basis == basis)) return &f;
    }
    return nullptr;
  }

  static std::string Name(const PerformanceForm& form) {
    return form.project.empty() ? "" : "“" + form.project + "”";
  }

  // A figure of a form as printed (in the form's unit), with half a unit of
  // its printed precision: messages then quote the form's own figures.
  static Term PrintedTerm(const Fact& f) {
    return {f.printed, HalfUnit(f.printed.scale())};
  }

  // total = Σ parts when every part is printed; otherwise the printed parts
  // may not exceed the total.
  void JudgeFunds(const PerformanceForm& form, const Fact* total,
                  std::vector<const Fact*> parts, size_t expected_parts,
                  const Text& what) {
    std::erase(parts, nullptr);
    if (total == nullptr || parts.empty()) return;
    std::vector<Term> terms;
    for (const Fact* p : parts) terms.push_back(PrintedTerm(*p));
    Judgment j = parts.size() == expected_parts
                     ? JudgeSum(PrintedTerm(*total), terms)
                     : JudgeSumAtMost(PrintedTerm(*total), terms);
    std::vector<const Fact*> evidence{total};
    evidence.insert(evidence.end(), parts.begin(), parts.end());
    CheckResult r =
        FromJudgment("sum.performance_form", j, what, form.unit, evidence);
    if (form.unit == "元") {
      r.size_wan =
          Trimmed(j.difference.Abs().ShiftPow10(-4).value_or(Decimal()));
    }
    Add(std::move(r));
  }

  void Funds(const PerformanceForm& form) {
    bool target = form.kind == PerformanceForm::Kind::kTarget;
    std::string kind = target ? "绩效目标表" : "绩效自评表";
    std::string kind_en = target ? "target form" : "self-evaluation";
    for (std::string_view basis :
         target ? std::vector<std::string_view>{"budget"}
                : std::vector<std::string_view>{"budget_initial",
                                                "budget_adjusted", "actual"}) {
      std::string column = basis == "budget_initial" ? "（年初预算数）"
                           : basis == "budget_adjusted" ? "（全年预算数）"
                           : basis == "actual" ? "（全年执行数）"
                                               : "";
      JudgeFunds(form, Get(form, "perf.form.annual.total", basis),
                 {Get(form, "perf.form.annual.fiscal", basis),
                  Get(form, "perf.form.annual.carryover", basis),
                  Get(form, "perf.form.annual.other", basis)},
                 3,
                 {kind + Name(form) + "年度资金总额" + column +
                      "与当年财政拨款、上年结转资金、其他资金之和",
                  "the year's funds of the " + kind_en + " " + form.project +
                      " against the sum of their parts"});
    }
    if (target) {
      JudgeFunds(form, Get(form, "perf.form.project.total"),
                 {Get(form, "perf.form.project.fiscal"),
                  Get(form, "perf.form.project.other")},
                 2,
                 {kind + Name(form) + "项目资金总额与财政资金、其他资金之和",
                  "the project funds of the target form " + form.project +
                      " against the sum of their parts"});
    }
  }

  // 执行率 = 全年执行数 ÷ 全年预算数.
  void Rates(const PerformanceForm& form) {
    for (std::string_view part : {"total", "fiscal", "carryover", "other"}) {
      std::string p(part);
      const Fact* rate = Get(form, "perf.form.rate." + p);
      const Fact* actual = Get(form, "perf.form.annual." + p, "actual");
      const Fact* budget =
          Get(form, "perf.form.annual." + p, "budget_adjusted");
      if (rate == nullptr || actual == nullptr || budget == nullptr) continue;
      Text what{"绩效自评表" + Name(form) + rate->label +
                    "执行率与全年执行数÷全年预算数",
                "the execution rate (" + rate->label +
                    ") of the "
                    "self-evaluation " +
                    form.project + " against executed ÷ budgeted"};
      if (budget->value.is_zero()) continue;
      Judgment j = JudgeRatio(rate->printed, rate->printed.scale(),
                              TermOf(*actual), TermOf(*budget));
      // Forms that cap the rate at 100 % print 100 % for an overrun.
      if (j.outcome == Outcome::kFail &&
          rate->printed == Decimal::FromInt(100) &&
          j.expected > Decimal::FromInt(100)) {
        NotChecked("completion.performance_form",
                   {"执行数超过预算数，执行率按100%封顶列示",
                    "executed exceeds budgeted; the rate is capped at 100%"},
                   {rate, actual, budget});
        continue;
      }
      Add(FromJudgment("completion.performance_form", j, what, "%",
                       {rate, actual, budget}));
    }
  }

  // A score with half a unit of its printed precision; a weight (分值) is
  // assigned, not computed: exact.
  static Term ScoreTerm(const Fact& f) {
    if (f.metric == "perf.form.weight") return {f.value, Decimal()};
    return {f.value, HalfUnit(f.printed.scale())};
  }

  // 分值 add up to the 总分 row's; 得分 likewise; no 得分 above its 分值.
  void Scores(const PerformanceForm& form) {
    for (std::string_view metric : {"perf.form.weight", "perf.form.score"}) {
      const Fact* total = nullptr;
      std::vector<const Fact*> parts;
      for (const Fact& f : form.values) {
        if (f.metric != metric) continue;
        if (f.label == "总分") {
          total = &f;
        } else {
          parts.push_back(&f);
        }
      }
      if (total == nullptr || parts.size() < 2) continue;
      std::vector<Term> terms;
      for (const Fact* p : parts) terms.push_back(ScoreTerm(*p));
      Judgment j = JudgeSum(ScoreTerm(*total), terms);
      bool weights = metric == "perf.form.weight";
      std::vector<const Fact*> evidence{total};
      evidence.insert(evidence.end(), parts.begin(), parts.end());
      Add(FromJudgment(
          "sum.performance_scores", j,
          {"绩效自评表" + Name(form) + (weights ? "总分分值" : "总分得分") +
               "与各行" + (weights ? "分值" : "得分") + "之和",
           "the self-evaluation " + form.project + "'s total " +
               (weights ? "weight" : "score") + " against its rows"},
          "分", evidence));
    }
    for (const Fact& score : form.values) {
      if (score.metric != "perf.form.score" || score.label == "总分") continue;
      for (const Fact& weight : form.values) {
        if (weight.metric != "perf.form.weight" ||
            weight.where.block != score.where.block ||
            weight.where.row != score.where.row ||
            weight.where.table != score.where.table ||
            weight.label != score.label)
          continue;
        Judgment j = JudgeSumAtMost(ScoreTerm(weight), {ScoreTerm(score)});
        if (j.outcome == Outcome::kPass) break;  // only a score above it
        Add(FromJudgment("sum.performance_scores", j,
                         {"绩效自评表" + Name(form) + "“" + score.label +
                              "”得分不应超过其分值",
                          "a score of the self-evaluation " + form.project +
                              " exceeds its weight"},
                         "分", {&weight, &score}));
        break;
      }
    }
  }

  // A bound as printed: "≥90%", "=300.00(场)", "不少于20个", "≤3天".
  struct Bound {
    int op = 0;  // -1: at most; 0: equal; 1: at least
    Decimal number;
    std::string unit;
  };

  static std::string Unbracketed(std::string s) {
    for (std::string_view w : {"(", ")", "（", "）", " "}) {
      for (size_t at; (at = s.find(w)) != std::string::npos;)
        s.erase(at, w.size());
    }
    return s;
  }

  // The number at the front of `s` and the unit after it; nullopt when `s`
  // does not start with a number or goes on past its unit.
  static std::optional<std::pair<Decimal, std::string>> NumberAndUnit(
      std::string s) {
    s = Unbracketed(std::move(s));
    size_t e = 0;
    while (e < s.size() &&
           ((s[e] >= '0' && s[e] <= '9') || s[e] == '.' || s[e] == ','))
      ++e;
    if (e == 0) return std::nullopt;
    std::string digits;
    for (size_t i = 0; i < e; ++i) {
      if (s[i] != ',') digits += s[i];
    }
    Result<Decimal> d = Decimal::Parse(digits);
    std::string unit = s.substr(e);
    if (!d.ok() || CountCodePoints(unit) > 3) return std::nullopt;
    return std::make_pair(*d, unit);
  }

  static std::optional<Bound> ParseBound(std::string_view target) {
    struct Op {
      std::string_view word;
      int op;
    };
    static constexpr Op kOps[] = {
        {"≥", 1},        {">=", 1},        {"不低于", 1}, {"不少于", 1},
        {"大于等于", 1}, {"≤", -1},        {"<=", -1},    {"不高于", -1},
        {"不超过", -1},  {"小于等于", -1}, {"=", 0},      {"＝", 0}};
    for (const Op& o : kOps) {
      if (target.substr(0, o.word.size()) != o.word) continue;
      std::optional<std::pair<Decimal, std::string>> v =
          NumberAndUnit(std::string(target.substr(o.word.size())));
      if (!v) return std::nullopt;
      return Bound{o.op, v->first, v->second};
    }
    return std::nullopt;
  }

  // 「各项绩效指标全部完成」 in the text while a self-evaluation's row prints a
  // value that misses its own numeric target (same unit): the text says
  // what the table contradicts.
  void TargetsSaidMet() {
    std::optional<Evidence> said;
    for (size_t b = 0; b < nd_.blocks.size() && !said; ++b) {
      if (nd_.doc.blocks[b].kind == BlockKind::kTable) continue;
      const std::string& t = nd_.blocks[b].text;
      for (std::string_view w : {"全部完成", "均已完成", "全部达到", "均已达到",
                                 "均达到", "全部实现", "均已实现", "均完成"}) {
        size_t at = t.find(w);
        if (at == std::string::npos) continue;
        size_t from = at > 60 ? at - 60 : 0;
        std::string_view near = std::string_view(t).substr(from, at - from);
        if (!Contains(near, "指标") && !Contains(near, "目标")) continue;
        said = TextEvidence(static_cast<int>(b), static_cast<int>(at),
                            static_cast<int>(at + w.size()));
        break;
      }
    }
    if (!said) return;
    for (const PerformanceForm& form : ex_.forms) {
      for (const PerformanceForm::Indicator& ind : form.indicators) {
        std::optional<Bound> bound = ParseBound(Unbracketed(ind.target));
        std::optional<std::pair<Decimal, std::string>> got =
            NumberAndUnit(ind.actual);
        if (!bound || !got || got->second != bound->unit) continue;
        int c = Decimal::Compare(got->first, bound->number);
        bool met = bound->op == 1 ? c >= 0 : bound->op == -1 ? c <= 0 : c == 0;
        if (met) continue;
        CheckResult r;
        r.rule = "agree.performance_targets";
        r.outcome = Outcome::kFail;
        r.message = opts_.english
                        ? "the text says every target was met, but the "
                          "self-evaluation of " +
                              form.project + " prints " + ind.actual +
                              " against the target " + ind.target + " for " +
                              ind.name
                        : "正文称绩效指标全部完成，但绩效自评表" + Name(form) +
                              "“" + ind.name + "”年度指标值为" + ind.target +
                              "，实际完成值为" + ind.actual + "，未达到";
        Evidence row;
        row.label = ind.name;
        row.value = ind.actual;
        row.quote = ind.quote;
        row.origin = "table";
        row.where = ind.where;
        row.location =
            "绩效自评表 第" + std::to_string(ind.where.row + 1) + "行";
        r.evidence = {row, *said};
        Add(std::move(r));
      }
    }
  }

  // 「编报绩效目标的项目N个，涉及项目预算资金X万元」 against the N target
  // forms the report prints: X is the sum of their year's funds (or of their
  // projects' funds).
  void ProjectsTotal() {
    const Fact* amount = nullptr;
    const Fact* count = nullptr;
    for (const Fact& f : ex_.facts) {
      if (f.origin != Origin::kNarrative) continue;
      if (f.metric == "perf.projects.amount" && amount == nullptr) amount = &f;
      if (f.metric == "perf.projects.with_targets" && count == nullptr)
        count = &f;
    }
    std::vector<const PerformanceForm*> forms;
    for (const PerformanceForm& form : ex_.forms) {
      if (form.kind == PerformanceForm::Kind::kTarget) forms.push_back(&form);
    }
    if (amount == nullptr || forms.empty()) return;
    std::string n = std::to_string(forms.size());
    if (count == nullptr ||
        count->value != Decimal::FromInt(static_cast<int64_t>(forms.size()))) {
      std::string stated = count != nullptr ? count->printed.ToString() : "";
      NotChecked(
          "sum.performance_projects",
          {count != nullptr
               ? "正文称编报绩效目标的项目" + stated + "个，报告附" + n +
                     "张绩效目标表，无法由表核对项目金额"
               : "正文未说明项目个数，报告附" + n +
                     "张绩效目标表，无法确认表是否齐全",
           count != nullptr ? "the text names " + stated +
                                  " projects, the report "
                                  "prints " +
                                  n + " target forms"
                            : "the text does not say how many projects; the "
                              "report prints " +
                                  n + " target forms"},
          {amount});
      return;
    }
    std::vector<const Fact*> annual, project;
    for (const PerformanceForm* form : forms) {
      if (form->unit.empty()) {
        NotChecked("sum.performance_projects",
                   {"绩效目标表未注明金额单位，无法与正文金额比较",
                    "a target form does not print its unit"},
                   {amount});
        return;
      }
      annual.push_back(Get(*form, "perf.form.annual.total"));
      project.push_back(Get(*form, "perf.form.project.total"));
    }
    auto judge =
        [&](const std::vector<const Fact*>& totals) -> std::optional<Judgment> {
      std::vector<Term> terms;
      for (const Fact* f : totals) {
        if (f == nullptr) return std::nullopt;
        terms.push_back(TermOf(*f));
      }
      return JudgeSum(TermOf(*amount), terms);
    };
    std::optional<Judgment> by_year = judge(annual);
    std::optional<Judgment> by_project = judge(project);
    const std::vector<const Fact*>* used = &annual;
    std::optional<Judgment> j = by_year;
    if (!j || (j->outcome == Outcome::kFail && by_project &&
               by_project->outcome != Outcome::kFail)) {
      j = by_project;
      used = &project;
    }
    if (!j) return;
    TrimJudgment(&*j);
    std::vector<const Fact*> evidence{amount};
    evidence.insert(evidence.end(), used->begin(), used->end());
    Add(FromJudgment("sum.performance_projects", *j,
                     {"编报绩效目标的项目金额与" + n + "张绩效目标表资金之和",
                      "the amount of the projects with targets against the "
                      "sum of their " +
                          n + " target forms"},
                     "万元", evidence));
  }
};

}  // namespace

void RunPerformanceChecks(const CheckContext& cx) {
  PerformanceChecks(cx).Run();
}

}  // namespace budgetdoc
