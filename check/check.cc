#include "check/check.h"

#include "base/utf8.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/classification.h"
#include "schema/metrics.h"
#include "schema/narrative.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

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

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool IsClassMetric(std::string_view metric) {
  return metric == "gpb.expenditure.by_func" || metric == "gpb.basic.by_econ" ||
         metric == "expenditure.by_func" || metric == "income.by_func";
}

// Two facts speak of the same thing: the same metric and, for
// classification metrics, the same 类/款/项 name.
bool SameSubject(const Fact& a, const Fact& b) {
  if (a.metric != b.metric) return false;
  if (!IsClassMetric(a.metric)) return true;
  if (!a.code.empty() && !b.code.empty()) return a.code == b.code;
  return CanonicalClassName(a.label) == CanonicalClassName(b.label);
}

bool IsUp(std::string_view d) {
  return d == "增加" || d == "增长" || d == "上升" || d == "提高";
}
bool IsDown(std::string_view d) {
  return d == "减少" || d == "下降" || d == "降低" || d == "节约";
}

// A short Chinese/English message pair.
struct Text {
  std::string zh, en;
};

class Checker {
 public:
  Checker(const NormalizedDocument& nd, const Extraction& ex,
          const CheckOptions& opts)
      : nd_(nd), ex_(ex), opts_(opts), metrics_(MetricCatalog::Default()) {}

  CheckReport Run() {
    IndexFacts();
    CheckSums();
    CheckFuncHierarchy();
    CheckTableRows();
    CheckTableColumns();
    CheckShiftedValues();
    CheckEconItems();
    CheckShares();
    CheckChanges();
    CheckCompletion();
    CheckComparators();
    CheckRepeats();
    CheckCounts();
    CheckAdminCost();
    CheckClassNames();
    CheckTableCodeNames();
    CheckPresentation();
    CheckPartialPeriods();
    CheckPerformanceScores();
    CheckStructure();
    return std::move(report_);
  }

 private:
  // ---- Facts and their groups ----

  // A group is the set of facts one statement of the report makes together:
  // a chapter of the narrative (the first section below a 第X部分), one
  // table, or one chart.
  std::string GroupOf(const Fact& f) const {
    if (f.origin == Origin::kTable) return "t" + std::to_string(f.where.table);
    if (f.origin == Origin::kChart) return "c" + std::to_string(f.where.block);
    int s = f.section;
    int chapter = s;
    while (s > 0) {
      const Section& sec = nd_.sections.sections[static_cast<size_t>(s)];
      if (sec.style == "part") break;
      chapter = s;
      s = sec.parent;
    }
    return "n" + std::to_string(chapter);
  }

  // The basis a report states its own figures in.
  std::string DefaultBasis() const {
    return ex_.meta.kind == "budget" ? "budget" : "actual";
  }

  bool Current(const Fact& f) const {
    return f.year == 0 || ex_.meta.fiscal_year == 0 ||
           f.year == ex_.meta.fiscal_year;
  }

  void IndexFacts() {
    for (const Fact& f : ex_.facts) groups_[GroupOf(f)].push_back(&f);
  }

  // Half a unit of the fact's printed precision, in 万元 for money.
  Decimal Half(const Fact& f) const {
    int scale = f.printed.scale();
    if (f.measure == Measure::kAmount || f.measure == Measure::kChange) {
      if (f.origin == Origin::kTable) {
        for (const RecognizedTable& t : ex_.tables) {
          if (t.table == f.where.table) scale = std::max(scale, t.amount_scale);
        }
      } else if (f.unit == "万元" || f.unit.empty()) {
        scale = std::max(scale, ex_.narrative_amount_scale);
      }
      Decimal h = HalfUnit(scale);
      if (f.unit == "元") return h.ShiftPow10(-4).value_or(h);
      if (f.unit == "亿元") return h.ShiftPow10(4).value_or(h);
      return h;
    }
    if (f.measure == Measure::kCount) return Decimal();
    return HalfUnit(std::max(scale, ex_.percent_scale));
  }

  Term TermOf(const Fact& f) const { return {f.value, Half(f)}; }

  std::string Printed(const Fact& f) const {
    return f.printed.ToString() + f.unit;
  }

  Evidence EvidenceOf(const Fact& f) const {
    Evidence e;
    e.label = f.label;
    e.value = Printed(f);
    e.quote = f.quote;
    e.origin = std::string(OriginName(f.origin));
    e.where = f.where;
    if (f.ocr) e.ocr_confidence = f.ocr_confidence;
    e.low_confidence = f.low_confidence;
    std::string loc;
    if (f.where.page > 0) loc = "第" + std::to_string(f.where.page) + "页 ";
    if (f.origin == Origin::kTable) {
      std::string title;
      for (const RecognizedTable& t : ex_.tables) {
        if (t.table == f.where.table) title = t.name.empty() ? t.title : t.name;
      }
      loc += "表「" + title + "」第" + std::to_string(f.where.row + 1) +
             "行第" + std::to_string(f.where.column + 1) + "列";
    } else if (f.origin == Origin::kChart) {
      loc += "图表「" + f.quote + "」";
    } else if (f.section > 0) {
      loc += nd_.sections.Path(f.section);
    }
    e.location = loc;
    return e;
  }

  // Facts of a metric in a group (current year, amounts of one basis).
  std::vector<const Fact*> Find(const std::vector<const Fact*>& group,
                                std::string_view metric, Measure measure,
                                std::string_view basis) const {
    std::vector<const Fact*> out;
    for (const Fact* f : group) {
      if (f->metric == metric && f->measure == measure && Current(*f) &&
          (basis.empty() || f->basis == basis)) {
        out.push_back(f);
      }
    }
    return out;
  }

  // ---- Results ----

  void Add(CheckResult r) {
    // One finding per distinct statement: a pair subject ("收、支总计")
    // gives the same judgment twice.
    std::string key = r.rule + "\x1f" + r.message;
    for (const Evidence& e : r.evidence)
      key += "\x1f" + e.value + "@" + e.where.ToString();
    if (!seen_messages_.insert(key).second) return;
    size_t& n = per_rule_[r.rule];
    if (n >= opts_.max_results_per_rule) {
      ++report_.dropped;
      return;
    }
    ++n;
    const RuleSpec* spec = FindRule(r.rule);
    if (r.outcome == Outcome::kFail) {
      r.severity = spec != nullptr ? spec->severity : Severity::kError;
    } else if (r.outcome == Outcome::kRounding) {
      r.severity = Severity::kWarning;
    } else {
      r.severity = Severity::kInfo;
    }
    // A value that may be misread (OCR, Fact::low_confidence) fails nothing.
    if ((r.outcome == Outcome::kFail || r.outcome == Outcome::kRounding) &&
        std::any_of(r.evidence.begin(), r.evidence.end(),
                    [](const Evidence& e) { return e.low_confidence; })) {
      r.outcome = Outcome::kNotChecked;
      r.severity = Severity::kInfo;
      r.reason = opts_.english ? "a value was recognized (OCR) with low "
                                 "confidence and may be misread"
                               : "有数值为图像识别所得且置信度低，可能误识";
      r.message += (opts_.english ? " (not checked: " : "（未核对：") +
                   r.reason + (opts_.english ? ")" : "）");
    }
    // Nothing error-level may rest on an unreadable page, nor on text
    // recognized by OCR (a misread row or column is not a misread figure).
    bool unreadable = false;
    for (const Evidence& e : r.evidence) {
      unreadable |= e.where.page > 0 && nd_.doc.PageUnreadable(e.where.page);
      unreadable |= e.ocr_confidence >= 0 ||
                    (e.where.page > 0 && nd_.doc.PageOcr(e.where.page));
    }
    if (unreadable && r.severity == Severity::kError) {
      r.severity = Severity::kWarning;
      r.capped = true;
      r.message +=
          opts_.english
              ? " (capped at warning: a value comes from an unreadable or "
                "recognized (OCR) page)"
              : "（涉及无法可靠识别的页面，降为警告）";
    }
    report_.results.push_back(std::move(r));
  }

  CheckResult FromJudgment(std::string_view rule, const Judgment& j,
                           const Text& what, std::string_view unit,
                           std::vector<const Fact*> facts) {
    CheckResult r;
    r.rule = std::string(rule);
    r.outcome = j.outcome;
    r.printed = j.printed.ToString() + std::string(unit);
    r.expected = j.expected.ToString() + std::string(unit);
    r.difference = j.difference.ToString() + std::string(unit);
    r.tolerance = j.tolerance.ToString() + std::string(unit);
    r.hint = j.hint;
    for (const Fact* f : facts) r.evidence.push_back(EvidenceOf(*f));
    std::string verdict_zh, verdict_en;
    switch (j.outcome) {
      case Outcome::kPass:
        verdict_zh = "一致";
        verdict_en = "consistent";
        break;
      case Outcome::kRounding:
        if (j.difference.Abs() > j.tolerance) {
          // Only explained differences get here (see the hint).
          verdict_zh = "相差" + j.difference.ToString() + std::string(unit) +
                       "，超出四舍五入容差" + j.tolerance.ToString() +
                       std::string(unit) + "，但可由取整方式解释";
          verdict_en = "off by " + j.difference.ToString() + std::string(unit) +
                       ", beyond the tolerance " + j.tolerance.ToString() +
                       std::string(unit) +
                       " but explained by how it was rounded";
          break;
        }
        verdict_zh = "相差" + j.difference.ToString() + std::string(unit) +
                     "，在四舍五入容差" + j.tolerance.ToString() +
                     std::string(unit) + "以内，可能为取整误差";
        verdict_en = "off by " + j.difference.ToString() + std::string(unit) +
                     ", within the rounding tolerance " +
                     j.tolerance.ToString() + std::string(unit);
        break;
      default:
        verdict_zh = "印为" + j.printed.ToString() + std::string(unit) +
                     "，按其他数字应为" + j.expected.ToString() +
                     std::string(unit) + "，相差" + j.difference.ToString() +
                     std::string(unit) + "，超出取整容差" +
                     j.tolerance.ToString() + std::string(unit);
        verdict_en = "printed " + j.printed.ToString() + std::string(unit) +
                     ", the other figures give " + j.expected.ToString() +
                     std::string(unit) + " (difference " +
                     j.difference.ToString() + std::string(unit) +
                     ", beyond the rounding tolerance " +
                     j.tolerance.ToString() + std::string(unit) + ")";
    }
    if (!j.hint.empty()) {
      verdict_zh += "（" + HintZh(j.hint) + "）";
      verdict_en += " (" + j.hint + ")";
    }
    r.message = opts_.english ? what.en + ": " + verdict_en
                              : what.zh + "：" + verdict_zh;
    return r;
  }

  static std::string HintZh(const std::string& hint) {
    if (hint == "truncation") return "印数等于截尾值，疑为截尾而非四舍五入";
    if (hint == "partial list") return "所列为部分明细";
    if (hint == "truncated when converting 元 to 万元")
      return "正文万元数为表中元数截尾所得，未四舍五入";
    if (hint == "the text prints fewer decimals")
      return "正文按较少小数位四舍五入";
    if (Contains(hint, "complementary") || Contains(hint, "complements")) {
      return "两个互补占比之和不可能为此值，其中一个被截尾";
    }
    return hint;
  }

  void NotChecked(std::string_view rule, const Text& reason,
                  std::vector<const Fact*> facts) {
    CheckResult r;
    r.rule = std::string(rule);
    r.outcome = Outcome::kNotChecked;
    r.reason = opts_.english ? reason.en : reason.zh;
    r.message = r.reason;
    for (const Fact* f : facts) r.evidence.push_back(EvidenceOf(*f));
    Add(std::move(r));
  }

  std::string LabelOf(std::string_view metric) const {
    const Metric* m = metrics_.Find(metric);
    return m != nullptr ? m->label : std::string(metric);
  }

  // ---- Sums ----

  struct SumRule {
    std::string_view id;
    std::string_view total;
    std::vector<std::string_view> parts;
    bool complete_only;  // skip when parts are missing (no partial judgment)
  };

  void CheckSums() {
    const std::vector<SumRule> rules = {
        {"sum.income.grand_total",
         "income.grand_total",
         {"income.total", "income.use_nonfiscal_balance",
          "income.begin_carryover"},
         true},
        {"sum.expenditure.grand_total",
         "expenditure.grand_total",
         {"expenditure.total", "expenditure.balance_distribution",
          "expenditure.end_carryover"},
         true},
        {"sum.income.by_source",
         "income.total",
         {"income.fiscal", "income.fiscal.gpb", "income.fiscal.gov_fund",
          "income.fiscal.soe", "income.special_account",
          "income.superior_subsidy", "income.business", "income.operating",
          "income.affiliate_remit", "income.other"},
         false},
        {"sum.expenditure.basic_project",
         "expenditure.total",
         {"expenditure.basic", "expenditure.project",
          "expenditure.remit_superior", "expenditure.operating",
          "expenditure.affiliate_subsidy"},
         false},
        {"sum.gpb.basic_project",
         "gpb.expenditure.total",
         {"gpb.expenditure.basic", "gpb.expenditure.project"},
         true},
        {"sum.basic.personnel_public",
         "gpb.expenditure.basic",
         {"gpb.basic.personnel", "gpb.basic.public"},
         true},
        {"sum.three_public.total",
         "three_public.total",
         {"three_public.outbound", "three_public.vehicle",
          "three_public.reception"},
         false},
        {"sum.three_public.vehicle",
         "three_public.vehicle",
         {"three_public.vehicle.purchase", "three_public.vehicle.operation"},
         true},
        {"sum.three_public.reception",
         "three_public.reception",
         {"three_public.reception.domestic", "three_public.reception.foreign"},
         true},
        {"sum.procurement",
         "procurement.total",
         {"procurement.goods", "procurement.works", "procurement.services"},
         false},
    };
    for (const auto& [gid, group] : groups_) {
      for (const std::string& basis : Bases(group)) {
        for (const SumRule& rule : rules) CheckSum(rule, group, basis);
        CheckBalance(group, basis, "income.grand_total",
                     "expenditure.grand_total");
        CheckBalance(group, basis, "fiscal.income.grand_total",
                     "fiscal.expenditure.grand_total");
        CheckFuncClasses(group, basis);
      }
    }
  }

  static std::set<std::string> Bases(const std::vector<const Fact*>& group) {
    std::set<std::string> out;
    for (const Fact* f : group) {
      if (f->measure == Measure::kAmount) out.insert(f->basis);
    }
    return out;
  }

  // The first value of each metric; conflicting repeats are agree.repeat's
  // business.
  // In a table, a metric printed in several cells with different values
  // (a 科目 row's 合计/基本/项目 columns) has no single value: nullptr.
  const Fact* First(const std::vector<const Fact*>& group,
                    std::string_view metric, std::string_view basis) const {
    std::vector<const Fact*> f = Find(group, metric, Measure::kAmount, basis);
    if (f.empty()) return nullptr;
    if (f.front()->origin == Origin::kTable) {
      for (const Fact* x : f) {
        if (x->value != f.front()->value) return nullptr;
      }
    }
    return f.front();
  }

  void CheckSum(const SumRule& rule, const std::vector<const Fact*>& group,
                const std::string& basis) {
    std::vector<std::string_view> parts = rule.parts;
    // The personnel/public split is sometimes stated under 基本支出 alone.
    const Fact* total = First(group, rule.total, basis);
    if (total == nullptr && rule.total == "gpb.expenditure.basic") {
      total = First(group, "expenditure.basic", basis);
    }
    if (total == nullptr) return;
    // 财政拨款收入 and its split by fund must not both count.
    bool split = First(group, "income.fiscal.gpb", basis) ||
                 First(group, "income.fiscal.gov_fund", basis) ||
                 First(group, "income.fiscal.soe", basis);
    std::vector<const Fact*> found;
    std::vector<std::string_view> missing;
    for (std::string_view p : parts) {
      bool fund_split = p == "income.fiscal.gpb" ||
                        p == "income.fiscal.gov_fund" ||
                        p == "income.fiscal.soe";
      if (p == "income.fiscal" && split) continue;
      if (fund_split && !split) continue;  // counted as 财政拨款收入
      const Fact* f = First(group, p, basis);
      if (f != nullptr) {
        found.push_back(f);
      } else if (!ColumnPrintedBlank(group, p, basis)) {
        missing.push_back(p);
      }
    }
    if (found.empty()) return;
    if (found.size() == 1 && missing.empty() == false && rule.complete_only)
      return;
    std::vector<Term> terms;
    for (const Fact* f : found) terms.push_back(TermOf(*f));
    Text what{LabelOf(total->metric) + "与其各组成部分之和",
              LabelOf(total->metric) + " against the sum of its parts"};
    std::vector<const Fact*> evidence{total};
    evidence.insert(evidence.end(), found.begin(), found.end());
    if (missing.empty()) {
      Add(FromJudgment(rule.id, JudgeSum(TermOf(*total), terms), what, "万元",
                       evidence));
      return;
    }
    if (rule.complete_only) {
      std::string names;
      for (std::string_view m : missing)
        names += (names.empty() ? "" : "、") + LabelOf(m);
      NotChecked(rule.id,
                 {"未列出" + names + "，无法核对" + LabelOf(total->metric),
                  "parts not printed (" + names + "): cannot check " +
                      LabelOf(total->metric)},
                 evidence);
      return;
    }
    // Unlisted parts of a fixed template list are usually zero; parts may
    // never exceed the total, and a shortfall is judged only when the
    // listed parts are what the report presents as the breakdown.
    Judgment j = JudgeSum(TermOf(*total), terms);
    if (j.outcome == Outcome::kFail && j.difference.sign() > 0) {
      std::string names;
      for (std::string_view m : missing)
        names += (names.empty() ? "" : "、") + LabelOf(m);
      // The shortfall could be the unlisted parts.
      CheckResult r = FromJudgment(rule.id, j, what, "万元", evidence);
      r.outcome = Outcome::kNotChecked;
      r.reason =
          opts_.english
              ? "the listed parts fall short of the total; unlisted parts (" +
                    names + ") would have to make up " +
                    j.difference.ToString() + "万元"
              : "所列分项之和小于合计" + j.difference.ToString() +
                    "万元，未列出的" + names + "可能构成差额";
      r.message = r.reason;
      Add(std::move(r));
      return;
    }
    Add(FromJudgment(rule.id, j, what, "万元", evidence));
  }

  // In a table, a part is zero rather than missing when its column is
  // there: it holds a value in the other panel (预算数/决算数), or the table's
  // header gives a column to that very item (the “三公” table's 出国 column).
  bool ColumnPrintedBlank(const std::vector<const Fact*>& group,
                          std::string_view metric,
                          const std::string& basis) const {
    if (group.empty() || group.front()->origin != Origin::kTable) return false;
    for (const Fact* f : group) {
      if (f->metric == metric && f->basis != basis) return true;
    }
    int t = group.front()->table;
    if (t < 0 || t >= static_cast<int>(ex_.tables.size())) return false;
    for (const ColumnRole& c : ex_.tables[static_cast<size_t>(t)].columns) {
      if (c.role == metric) return true;
    }
    return false;
  }

  void CheckBalance(const std::vector<const Fact*>& group,
                    const std::string& basis, std::string_view a,
                    std::string_view b) {
    const Fact* fa = First(group, a, basis);
    const Fact* fb = First(group, b, basis);
    if (fa == nullptr || fb == nullptr || fa == fb) return;
    Text what{LabelOf(a) + "与" + LabelOf(b),
              LabelOf(a) + " against " + LabelOf(b)};
    Add(FromJudgment("sum.total_balance", JudgeEqual(TermOf(*fa), TermOf(*fb)),
                     what, "万元", {fa, fb}));
  }

  static bool IsClassLevelLabel(const Fact& f) {
    return f.code.size() == 3 ||
           (f.code.empty() && f.label.find('/') == std::string::npos &&
            (Contains(f.label, "支出") || Contains(f.label, "（类）")));
  }

  void CheckFuncClasses(const std::vector<const Fact*>& group,
                        const std::string& basis) {
    const Fact* total = First(group, "gpb.expenditure.total", basis);
    if (total == nullptr) return;
    std::vector<const Fact*> classes;
    std::set<std::string> seen;
    for (const Fact* f :
         Find(group, "gpb.expenditure.by_func", Measure::kAmount, basis)) {
      if (IsClassLevelLabel(*f) && seen.insert(f->label).second)
        classes.push_back(f);
    }
    if (classes.size() < 2) return;
    std::vector<Term> terms;
    for (const Fact* f : classes) terms.push_back(TermOf(*f));
    std::vector<const Fact*> evidence{total};
    evidence.insert(evidence.end(), classes.begin(), classes.end());
    Add(FromJudgment("sum.func.classes", JudgeSum(TermOf(*total), terms),
                     {"一般公共预算财政拨款支出与各类支出之和",
                      "general-budget spending against its classes"},
                     "万元", evidence));
  }

  static std::string StripZhiChu(std::string s) {
    if (s.size() > 6 && s.substr(s.size() - 6) == "支出")
      s.resize(s.size() - 6);
    return s;
  }

  // A 类 by its code when the catalog knows the printed name (current or
  // former), else by its canonical name.
  std::string ClassKey(const std::string& printed_lei) const {
    std::vector<const ClassItem*> found =
        ClassificationCatalog::Default().FindByName(printed_lei,
                                                    ClassLevel::kLei);
    std::set<std::string> codes;
    for (const ClassItem* c : found) {
      if (c->code[0] == '2') codes.insert(c->code);
    }
    if (codes.size() == 1) return *codes.begin();
    return "name:" + StripZhiChu(CanonicalClassName(printed_lei));
  }

  // The 类 code the catalog puts a printed 项 under, when unambiguous.
  std::string CatalogClassCodeOf(const std::string& xiang) const {
    std::set<std::string> codes;
    for (const ClassItem* c : ClassificationCatalog::Default().FindByName(
             xiang, ClassLevel::kXiang)) {
      codes.insert(c->code.substr(0, 3));
    }
    return codes.size() == 1 ? *codes.begin() : "";
  }

  // The printed 类 name is the current or (for the report's year) former
  // name of the 类 of some code the 项 name belongs to.
  bool ValidClassName(const std::string& xiang,
                      const std::string& printed_lei) const {
    const ClassificationCatalog& cat = ClassificationCatalog::Default();
    for (const ClassItem* c : cat.FindByName(xiang, ClassLevel::kXiang)) {
      NameMatch m = cat.NameMatches(c->code.substr(0, 3), printed_lei,
                                    ex_.meta.fiscal_year);
      if (m == NameMatch::kMatch || m == NameMatch::kFormerName) return true;
    }
    return false;
  }

  // 类 amounts (a structure list) against the 项 under them (a detail list
  // with 类/款/项 paths), and the total against all 项. An item printed
  // under the wrong 类 (code.name_mismatch reports it) is counted under the
  // 类 the catalog gives it, so one slip is not reported twice.
  void CheckFuncHierarchy() {
    std::map<std::string, const Fact*> classes;  // canonical 类 name → fact
    std::map<std::string, std::vector<const Fact*>> items;
    std::vector<const Fact*> all_items;
    for (const Fact& f : ex_.facts) {
      // One fund's items: a 政府性基金 list is not part of the 一般公共预算
      // one.
      if (f.origin != Origin::kNarrative ||
          f.metric != "gpb.expenditure.by_func" || f.fund != "gpb" ||
          f.measure != Measure::kAmount || !Current(f) ||
          f.basis != DefaultBasis()) {
        continue;
      }
      size_t slash = f.label.find('/');
      if (slash != std::string::npos) {
        std::string printed_lei = f.label.substr(0, slash);
        std::string xiang = f.label.substr(f.label.rfind('/') + 1);
        // The 类 an item counts under: as printed when the catalog allows
        // it (current or the year's former name), else the catalog's.
        std::string key = ClassKey(printed_lei);
        if (!ValidClassName(xiang, printed_lei)) {
          std::string catalog = CatalogClassCodeOf(xiang);
          if (!catalog.empty()) key = catalog;
        }
        items[key].push_back(&f);
        all_items.push_back(&f);
      } else if (IsClassLevelLabel(f)) {
        classes.emplace(ClassKey(f.label), &f);
      }
    }
    if (items.empty()) return;
    for (const auto& [name, cls] : classes) {
      auto it = items.find(name);
      if (it == items.end()) {
        NotChecked("sum.func.hierarchy",
                   {"“" + cls->label + "”下未列出任何项级支出，无法核对",
                    "no items listed under " + cls->label},
                   {cls});
        continue;
      }
      std::vector<Term> terms;
      for (const Fact* f : it->second) terms.push_back(TermOf(*f));
      std::vector<const Fact*> evidence{cls};
      evidence.insert(evidence.end(), it->second.begin(), it->second.end());
      Add(FromJudgment("sum.func.hierarchy", JudgeSum(TermOf(*cls), terms),
                       {"“" + cls->label + "”与其下各项支出之和",
                        cls->label + " against its items"},
                       "万元", evidence));
    }
    // The total printed with the detail list.
    const Fact* total = nullptr;
    for (const Fact& f : ex_.facts) {
      if (f.metric == "gpb.expenditure.total" &&
          f.measure == Measure::kAmount && Current(f) &&
          f.basis == DefaultBasis() && f.origin == Origin::kNarrative &&
          GroupOf(f) == GroupOf(*all_items.front())) {
        total = &f;
        if (f.where.block < all_items.front()->where.block) continue;
        break;
      }
    }
    if (total != nullptr && all_items.size() >= 2) {
      std::vector<Term> terms;
      for (const Fact* f : all_items) terms.push_back(TermOf(*f));
      std::vector<const Fact*> evidence{total};
      evidence.insert(evidence.end(), all_items.begin(), all_items.end());
      Add(FromJudgment("sum.func.hierarchy", JudgeSum(TermOf(*total), terms),
                       {"一般公共预算财政拨款支出与各项支出之和",
                        "general-budget spending against its items"},
                       "万元", evidence));
    }
  }

  // ---- Tables: rows (合计 = 基本 + 项目 …) and columns (类 = Σ款 = Σ项) ----

  // One key for a table and its continuations: the canonical id when the
  // table was recognized, else the document table index.
  std::string TableKey(const Fact& f) const {
    if (f.table >= 0 && f.table < static_cast<int>(ex_.tables.size()) &&
        !ex_.tables[static_cast<size_t>(f.table)].canonical_id.empty()) {
      return ex_.tables[static_cast<size_t>(f.table)].canonical_id;
    }
    return "#" + std::to_string(f.where.table);
  }

  static bool IsTotalRole(std::string_view role) {
    return role == "total" || role == "amount";
  }

  void CheckTableRows() {
    // (table, row, basis) → facts of that row
    std::map<std::tuple<int, int, std::string>, std::vector<const Fact*>> rows;
    for (const Fact& f : ex_.facts) {
      if (f.origin == Origin::kTable && f.measure == Measure::kAmount) {
        rows[{f.where.table, f.where.row, f.basis}].push_back(&f);
      }
    }
    std::map<std::pair<int, int>, int> facts_per_row;
    for (const auto& [key, facts] : rows) {
      facts_per_row[{std::get<0>(key), std::get<1>(key)}] +=
          static_cast<int>(facts.size());
    }
    for (const auto& [key, facts] : rows) {
      // Judge a row only when every number printed in it is understood: an
      // unrecognized column (事业单位经营支出, a fund split) could be a part.
      int table = std::get<0>(key), row = std::get<1>(key);
      if (table < 0 || table >= static_cast<int>(nd_.doc.tables.size()))
        continue;
      const Table& t = nd_.doc.tables[static_cast<size_t>(table)];
      if (row < 0 || row >= static_cast<int>(t.rows.size())) continue;
      std::set<int> not_money;  // code, label and 行次 columns
      for (const RecognizedTable& rt : ex_.tables) {
        if (rt.table != table) continue;
        for (const ColumnRole& c : rt.columns) {
          if (c.role == "code" || c.role == "label" || c.role == "line_no")
            not_money.insert(c.column);
        }
      }
      int numeric = 0;
      const std::vector<Cell>& cells = t.rows[static_cast<size_t>(row)];
      for (size_t c = 0; c < cells.size(); ++c) {
        CellState st = cells[c].state();
        if (not_money.count(static_cast<int>(c)) == 0)
          numeric += st == CellState::kNumber || st == CellState::kZero;
      }
      if (numeric > facts_per_row[{table, row}]) continue;
      const Fact* total = nullptr;
      std::vector<const Fact*> parts;
      int totals = 0;
      for (const Fact* f : facts) totals += IsTotalRole(f->column);
      if (totals > 1) continue;  // two "total" columns: roles not understood
      for (const Fact* f : facts) {
        if (IsTotalRole(f->column) && total == nullptr) {
          total = f;
        } else if (f->column == "basic" || f->column == "project" ||
                   f->column == "remit_superior" || f->column == "operating" ||
                   f->column == "affiliate_subsidy") {
          parts.push_back(f);
        }
      }
      if (total == nullptr || parts.empty()) continue;
      bool has_basic = false, has_project = false;
      for (const Fact* p : parts) {
        has_basic |= p->column == "basic";
        has_project |= p->column == "project";
      }
      if (!(has_basic || has_project)) continue;
      std::vector<Term> terms;
      for (const Fact* p : parts) terms.push_back(TermOf(*p));
      std::string rule = total->fund == "gpb" ? "sum.gpb.basic_project"
                                              : "sum.expenditure.basic_project";
      std::vector<const Fact*> evidence{total};
      evidence.insert(evidence.end(), parts.begin(), parts.end());
      Judgment j = JudgeSum(TermOf(*total), terms);
      // A blank 基本 or 项目 cell counts as zero; a row whose parts fall
      // short only because one column is blank is still a finding.
      Add(FromJudgment(
          rule, j,
          {"表中“" + total->label + "”行合计与基本支出、项目支出之和",
           "row " + total->label + ": total against basic plus project"},
          "万元", evidence));
    }
  }

  void CheckTableColumns() {
    // (table, column, basis) → coded rows. A table continued after a page
    // break ("续表") may arrive as two tables of one canonical id: they are
    // one table here, and columns are matched by role.
    std::map<std::tuple<std::string, std::string, std::string, std::string>,
             std::vector<const Fact*>>
        cols;
    for (const Fact& f : ex_.facts) {
      if (f.origin == Origin::kTable && f.measure == Measure::kAmount &&
          !f.code.empty() && f.code_scheme == "func") {
        std::string column =
            f.column.empty() ? "c" + std::to_string(f.where.column) : f.column;
        cols[{TableKey(f), column, f.metric, f.basis}].push_back(&f);
      }
    }
    for (const auto& [key, facts] : cols) {
      std::map<std::string, const Fact*> by_code;
      for (const Fact* f : facts) by_code.emplace(f->code, f);
      for (const auto& [code, parent] : by_code) {
        if (code.size() != 3 && code.size() != 5) continue;
        std::vector<const Fact*> children;
        for (const auto& [c2, f2] : by_code) {
          if (c2.size() == code.size() + 2 &&
              c2.compare(0, code.size(), code) == 0)
            children.push_back(f2);
        }
        if (children.empty()) continue;
        std::vector<Term> terms;
        for (const Fact* c : children) terms.push_back(TermOf(*c));
        std::vector<const Fact*> evidence{parent};
        evidence.insert(evidence.end(), children.begin(), children.end());
        Add(FromJudgment(
            "sum.func.hierarchy", JudgeSum(TermOf(*parent), terms),
            {"表中“" + parent->label + "”（" + code + "）与其下级科目之和",
             parent->label + " (" + code + ") against its sub-items"},
            "万元", evidence));
      }
    }
  }

  // A value printed in the wrong column of a 科目 row (基本支出 under 项目支出,
  // the other cell left blank): the row still adds up, but the parent's two
  // columns are off by the same amount in opposite directions.
  void CheckShiftedValues() {
    // (table, basis, role, code) → fact
    std::map<std::tuple<std::string, std::string, std::string, std::string>,
             const Fact*>
        cell;
    std::set<std::tuple<std::string, std::string>> tables;
    for (const Fact& f : ex_.facts) {
      if (f.origin != Origin::kTable || f.measure != Measure::kAmount ||
          f.code.empty() || f.code_scheme != "func") {
        continue;
      }
      if (f.column != "basic" && f.column != "project") continue;
      cell.emplace(std::make_tuple(TableKey(f), f.basis, f.column, f.code), &f);
      tables.insert({TableKey(f), f.basis});
    }
    auto get = [&](const std::string& t, const std::string& b,
                   const std::string& role,
                   const std::string& code) -> const Fact* {
      auto it = cell.find(std::make_tuple(t, b, role, code));
      return it == cell.end() ? nullptr : it->second;
    };
    auto value = [](const Fact* f) {
      return f == nullptr ? Decimal() : f->value;
    };
    for (const auto& [t, b] : tables) {
      std::set<std::string> codes;
      for (const auto& [k, f] : cell) {
        if (std::get<0>(k) == t && std::get<1>(k) == b)
          codes.insert(std::get<3>(k));
      }
      for (const std::string& parent : codes) {
        if (parent.size() != 5 && parent.size() != 3) continue;
        Decimal sum_basic, sum_project;
        std::vector<std::string> children;
        for (const std::string& c : codes) {
          if (c.size() == parent.size() + 2 &&
              c.compare(0, parent.size(), parent) == 0) {
            children.push_back(c);
            sum_basic = sum_basic + value(get(t, b, "basic", c));
            sum_project = sum_project + value(get(t, b, "project", c));
          }
        }
        if (children.empty()) continue;
        Decimal d_basic = value(get(t, b, "basic", parent)) - sum_basic;
        Decimal d_project = value(get(t, b, "project", parent)) - sum_project;
        if (d_basic.is_zero() || (d_basic + d_project) != Decimal()) continue;
        for (const std::string& c : children) {
          const Fact* basic = get(t, b, "basic", c);
          const Fact* project = get(t, b, "project", c);
          const Fact* moved = nullptr;
          std::string from, to;
          if (basic == nullptr && project != nullptr &&
              project->value == d_basic) {
            moved = project;
            from = "基本支出";
            to = "项目支出";
          } else if (project == nullptr && basic != nullptr &&
                     basic->value == d_project) {
            moved = basic;
            from = "项目支出";
            to = "基本支出";
          }
          if (moved == nullptr) continue;
          CheckResult r;
          r.rule = "table.value_shifted";
          r.outcome = Outcome::kFail;
          r.printed = Printed(*moved);
          r.message =
              opts_.english
                  ? "row " + moved->label + " (" + c + "): " + Printed(*moved) +
                        " looks shifted from the " + from + " column into " + to
                  : "表中“" + moved->label + "”（" + c + "）的" +
                        Printed(*moved) + "印在“" + to +
                        "”列，按上级科目的两列合计应属“" + from +
                        "”列（该格空白）";
          r.evidence = {EvidenceOf(*moved)};
          if (const Fact* p = get(t, b, "basic", parent))
            r.evidence.push_back(EvidenceOf(*p));
          if (const Fact* p = get(t, b, "project", parent))
            r.evidence.push_back(EvidenceOf(*p));
          Add(std::move(r));
        }
      }
    }
  }

  // 人员经费 / 公用经费 against the economic items listed after them.
  void CheckEconItems() {
    const Fact* total = nullptr;
    std::vector<const Fact*> items;
    int block = -1;
    auto flush = [&]() {
      if (total != nullptr && items.size() >= 2) {
        std::vector<Term> terms;
        for (const Fact* f : items) terms.push_back(TermOf(*f));
        std::vector<const Fact*> evidence{total};
        evidence.insert(evidence.end(), items.begin(), items.end());
        Add(FromJudgment("sum.econ.items",
                         JudgeSumAtMost(TermOf(*total), terms),
                         {LabelOf(total->metric) + "与所列明细之和",
                          LabelOf(total->metric) + " against its items"},
                         "万元", evidence));
      }
      total = nullptr;
      items.clear();
    };
    for (const Fact& f : ex_.facts) {
      if (f.origin != Origin::kNarrative || f.measure != Measure::kAmount ||
          !Current(f) || f.basis != DefaultBasis()) {
        continue;
      }
      if (f.metric == "gpb.basic.personnel" || f.metric == "gpb.basic.public") {
        flush();
        total = &f;
        block = f.where.block;
      } else if (f.metric == "gpb.basic.by_econ" && total != nullptr &&
                 f.where.block == block) {
        items.push_back(&f);
      }
    }
    flush();
  }

  // ---- Shares ----

  // The amount a share/change/completion speaks of: same metric and label,
  // nearest before it in the same block, else in its group.
  const Fact* AmountFor(const Fact& s, std::string_view basis = "") const {
    const Fact* best = nullptr;
    for (const Fact& f : ex_.facts) {
      if (&f == &s) break;
      if (SameSubject(f, s) && f.measure == Measure::kAmount && Current(f) &&
          f.origin == s.origin && (basis.empty() || f.basis == basis) &&
          f.where.block == s.where.block) {
        best = &f;
      }
    }
    if (best != nullptr) return best;
    auto it = groups_.find(GroupOf(s));
    if (it == groups_.end()) return nullptr;
    for (const Fact* f : it->second) {
      if (SameSubject(*f, s) && f->measure == Measure::kAmount && Current(*f) &&
          (basis.empty() || f->basis == basis)) {
        return f;
      }
    }
    return nullptr;
  }

  // The base amount of a share: its base metric in the same group, else the
  // same metric anywhere in the narrative.
  const Fact* BaseFor(const Fact& s) const {
    if (s.base_metric.empty()) return nullptr;
    auto it = groups_.find(GroupOf(s));
    if (it != groups_.end()) {
      for (const Fact* f : it->second) {
        if (f->metric == s.base_metric && f->measure == Measure::kAmount &&
            Current(*f) && f->basis == s.basis) {
          return f;
        }
      }
    }
    for (const Fact& f : ex_.facts) {
      if (f.metric == s.base_metric && f.measure == Measure::kAmount &&
          Current(f) && f.basis == s.basis && f.origin == s.origin) {
        return &f;
      }
    }
    // The total is sometimes printed only in the table (“三公” tables).
    for (const Fact& f : ex_.facts) {
      if (f.metric == s.base_metric && f.measure == Measure::kAmount &&
          Current(f) && f.basis == s.basis && f.origin == Origin::kTable &&
          (f.column.empty() || IsTotalRole(f.column))) {
        return &f;
      }
    }
    return nullptr;
  }

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
      Judgment j = JudgeRatio(s.printed, ex_.percent_scale, TermOf(*amount),
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
        Add(FromJudgment(
            "share.sum_100", JudgeSharesSum(shares, ex_.percent_scale),
            {"同一组分项占比之和", "shares of one breakdown"}, "%", evidence));
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
      Add(FromJudgment(
          "share.sum_100", JudgeSharesSum(shares, ex_.percent_scale),
          {"同一组分项占比之和", "shares of one breakdown"}, "%", evidence));
    }
  }

  // ---- Changes ----

  const Fact* Next(const Fact& c, Measure m) const {
    bool after = false;
    for (const Fact& f : ex_.facts) {
      if (&f == &c) {
        after = true;
        continue;
      }
      if (!after) continue;
      if (f.where.block != c.where.block) break;
      if (f.measure == m && SameSubject(f, c)) return &f;
      if (f.measure == Measure::kChange && SameSubject(f, c)) break;
    }
    return nullptr;
  }

  // A printed prior-year value: a chart point or an amount of year − 1.
  const Fact* PriorFor(const Fact& c) const {
    int prior_year =
        c.comparison_year > 0 ? c.comparison_year : ex_.meta.fiscal_year - 1;
    for (const Fact& f : ex_.facts) {
      if (SameSubject(f, c) && f.measure == Measure::kAmount &&
          f.year == prior_year && prior_year > 0) {
        return &f;
      }
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
      Decimal signed_change = IsDown(c.direction) ? -c.value : c.value;
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
        r.outcome = Outcome::kFail;
        r.message = opts_.english
                        ? "a growth rate from a zero base"
                        : "上年数为0（本年数即增加额），不应给出增长率" +
                              Printed(*rate);
        r.evidence = {EvidenceOf(c), EvidenceOf(*rate), EvidenceOf(*current)};
        Add(std::move(r));
        continue;
      }
      Judgment j =
          JudgeRatio(rate->printed, ex_.percent_scale, change_term, prior_term);
      // An unknown sign (template residue "增加（减少）"): the rate holds if
      // it holds either way; the residue is reported by its own rule.
      if (c.direction == "增加（减少）" && prior == nullptr &&
          j.outcome == Outcome::kFail) {
        Term other{current->value + c.value, prior_term.half};
        Judgment k =
            JudgeRatio(rate->printed, ex_.percent_scale, change_term, other);
        if (k.outcome != Outcome::kFail) j = k;
      }
      Add(FromJudgment(
          "change.rate", j,
          {"“" + c.label + "”增减幅度", "change rate of " + c.label}, "%",
          {rate, &c, current}));
    }
  }

  // ---- Completion ----

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
      for (const Fact& f : ex_.facts) {
        if (SameSubject(f, p) && f.measure == Measure::kAmount && Current(f) &&
            (f.basis == p.basis ||
             (p.basis == "budget" && f.basis.rfind("budget", 0) == 0))) {
          budget = &f;
          break;
        }
      }
      bool no_budget_said = false;
      if (p.where.block >= 0) {
        int section =
            nd_.sections.block_section[static_cast<size_t>(p.where.block)];
        const Section& sec =
            nd_.sections.sections[static_cast<size_t>(section)];
        for (int b = std::max(0, sec.block);
             b < sec.end_block && b < static_cast<int>(nd_.blocks.size());
             ++b) {
          const std::string& t = nd_.blocks[static_cast<size_t>(b)].text;
          no_budget_said |= Contains(t, "没有年初预算") ||
                            Contains(t, "无年初预算") ||
                            Contains(t, "未安排预算") ||
                            Contains(t, "没有预算") || Contains(t, "无预算");
        }
      }
      // "完成年初预算的95.89%" while 年初预算 is 0: the rate was computed
      // against another budget printed beside it (全年/调整预算).
      if (budget != nullptr && budget->value.is_zero() && actual != nullptr) {
        const Fact* other = nullptr;
        for (const Fact& f : ex_.facts) {
          if (SameSubject(f, p) && f.measure == Measure::kAmount &&
              Current(f) && f.basis != budget->basis &&
              f.basis.rfind("budget", 0) == 0 && !f.value.is_zero() &&
              f.where.block == p.where.block) {
            other = &f;
          }
        }
        if (other != nullptr) {
          Judgment j = JudgeRatio(p.printed, ex_.percent_scale, TermOf(*actual),
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
          JudgeRatio(p.printed, ex_.percent_scale, TermOf(*actual),
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
      for (const Fact& f : ex_.facts) {
        if (f.origin != Origin::kNarrative ||
            f.where.block != static_cast<int>(b) ||
            f.measure != Measure::kAmount) {
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

  // ---- Agreement ----

  void CheckRepeats() {
    struct Key {
      std::string metric, basis, fund, label;
      int year;
      bool operator<(const Key& o) const {
        return std::tie(metric, basis, fund, label, year) <
               std::tie(o.metric, o.basis, o.fund, o.label, o.year);
      }
    };
    std::map<Key, std::vector<const Fact*>> by_key;
    for (const Fact& f : ex_.facts) {
      if (f.measure != Measure::kAmount || f.unit.empty()) continue;
      // A table row without a printed label was placed by column alone.
      if (f.origin == Origin::kTable && f.label.empty()) continue;
      // A table column other than the row's total (基本支出, 项目支出 of a
      // 科目 row) is a different figure.
      std::string metric = f.metric;
      if (!f.column.empty() && f.column != "total" && f.column != "amount")
        metric += "#" + f.column;
      std::string label;
      if (IsClassMetric(f.metric)) {
        if (f.code.empty() && f.origin == Origin::kTable) continue;
        label = !f.code.empty()
                    ? f.code
                    : "name:" + StripZhiChu(CanonicalClassName(f.label));
      }
      by_key[{metric, f.basis, f.fund, label, f.year}].push_back(&f);
    }
    for (const auto& [key, facts] : by_key) {
      const Fact* first_text = nullptr;
      for (const Fact* f : facts) {
        if (f->origin == Origin::kNarrative) {
          first_text = f;
          break;
        }
      }
      if (first_text == nullptr) continue;
      std::set<std::string> reported;
      for (const Fact* f : facts) {
        if (f == first_text) continue;
        if (f->origin == Origin::kNarrative &&
            f->where.block == first_text->where.block &&
            f->printed == first_text->printed) {
          continue;
        }
        std::string rule = f->origin == Origin::kChart   ? "agree.chart_text"
                           : f->origin == Origin::kTable ? "agree.text_table"
                                                         : "agree.repeat";
        Judgment j = JudgeEqual(TermOf(*f), TermOf(*first_text));
        // A 万元 text figure that is the 元 table value truncated (87.70 for
        // 877,080 元): a conversion habit, reported as rounding-level.
        if (j.outcome == Outcome::kFail && f->origin == Origin::kTable &&
            f->unit == "元" && first_text->unit == "万元" &&
            f->value.Round(first_text->printed.scale(),
                           RoundingMode::kTruncate) == first_text->value) {
          j.outcome = Outcome::kRounding;
          j.hint = "truncated when converting 元 to 万元";
        }
        // "17,192万元" in the text for 171,915,169 元 in the table: a correct
        // rounding to the decimals the text printed.
        if (j.outcome == Outcome::kFail && f->origin == Origin::kTable &&
            first_text->origin == Origin::kNarrative &&
            first_text->printed.scale() == 0 && Half(*first_text).scale() > 1 &&
            f->value.Round(first_text->printed.scale(),
                           RoundingMode::kHalfUp) == first_text->value) {
          j.outcome = Outcome::kRounding;
          j.hint = "the text prints fewer decimals";
        }
        // One finding per distinct printed value.
        if (!reported.insert(rule + f->printed.ToString()).second &&
            j.outcome == Outcome::kPass)
          continue;
        Add(FromJudgment(
            rule, j,
            {"“" + (f->label.empty() ? LabelOf(key.metric) : f->label) +
                 "”在不同位置的数字",
             (f->label.empty() ? LabelOf(key.metric) : f->label) +
                 " printed in two places"},
            "万元", {f, first_text}));
      }
    }
  }

  void CheckCounts() {
    // The fleet is compared with the asset section's vehicle count, or else
    // with the fleet as a second section states it.
    const Fact* fleet = nullptr;
    const Fact* assets = nullptr;
    const Fact* fleet_again = nullptr;
    for (const Fact& f : ex_.facts) {
      if (f.measure != Measure::kCount) continue;
      if (f.metric == "three_public.vehicle.fleet_count") {
        if (fleet == nullptr) {
          fleet = &f;
        } else if (fleet_again == nullptr && f.section != fleet->section) {
          fleet_again = &f;
        }
      }
      if (f.metric == "assets.vehicles" && assets == nullptr) assets = &f;
    }
    if (assets == nullptr) assets = fleet_again;
    if (fleet != nullptr && assets != nullptr) {
      Term a{fleet->value, Decimal()}, b{assets->value, Decimal()};
      Add(FromJudgment("agree.counts", JudgeEqual(a, b),
                       {"公务用车数量", "vehicle counts"}, "辆",
                       {fleet, assets}));
    }
  }

  void CheckAdminCost() {
    const Fact* admin = nullptr;
    const Fact* pub = nullptr;
    for (const Fact& f : ex_.facts) {
      if (f.measure != Measure::kAmount || !Current(f) || f.basis != "actual")
        continue;
      if (f.metric == "admin_operating_cost" && admin == nullptr) admin = &f;
      if (f.metric == "gpb.basic.public" && pub == nullptr) pub = &f;
    }
    if (admin == nullptr || pub == nullptr) return;
    Judgment j = JudgeSumAtMost(TermOf(*pub), {TermOf(*admin)});
    Add(FromJudgment(
        "agree.admin_cost", j,
        {"机关运行经费与公用经费", "administrative costs against public costs"},
        "万元", {admin, pub}));
  }

  // ---- Codes and names ----

  struct PathSeen {
    ClassPath path;
    int block;
  };

  void CheckClassNames() {
    const ClassificationCatalog& cat = ClassificationCatalog::Default();
    std::map<std::string, std::vector<PathSeen>> by_item;  // canonical 项 name
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      const std::string& t = nd_.blocks[b].text;
      ClassPath p;
      if (!Contains(t, "（项）") ||
          !ParseClassPath(t.substr(0, t.rfind("（项）") + 9), &p))
        continue;
      if (p.xiang.empty()) continue;
      // A 项 name used under many 款 (行政运行, 机关服务, 其他…支出) is one
      // item only together with its 款.
      std::set<std::string> kuans_of_name;
      for (const ClassItem* c : cat.FindByName(p.xiang, ClassLevel::kXiang))
        kuans_of_name.insert(c->code.substr(0, 5));
      std::string key = StripZhiChu(CanonicalClassName(p.xiang));
      if (kuans_of_name.size() > 1)
        key = StripZhiChu(CanonicalClassName(p.kuan)) + "/" + key;
      by_item[key].push_back({p, static_cast<int>(b)});
    }
    auto canon_lei = [](const std::string& s) {
      return StripZhiChu(CanonicalClassName(s));
    };
    for (const auto& [item, seen] : by_item) {
      // Candidate codes for the 项 name; keep those whose 款 or 类 fit.
      std::vector<const ClassItem*> candidates =
          cat.FindByName(seen.front().path.xiang, ClassLevel::kXiang);
      std::vector<std::string> problems_zh, problems_en;
      std::set<std::string> leis, kuans;
      for (const PathSeen& s : seen) {
        if (!s.path.lei.empty()) leis.insert(canon_lei(s.path.lei));
        if (!s.path.kuan.empty()) kuans.insert(canon_lei(s.path.kuan));
      }
      // Which 类 does the catalog put this 项 under?
      std::set<std::string> catalog_leis;
      for (const ClassItem* c : candidates) {
        if (const ClassItem* lei = cat.Find(c->code.substr(0, 3)))
          catalog_leis.insert(canon_lei(lei->name));
      }
      std::vector<int> blocks;
      for (const PathSeen& s : seen) {
        bool lei_ok = s.path.lei.empty() || catalog_leis.empty() ||
                      catalog_leis.count(canon_lei(s.path.lei)) > 0 ||
                      ValidClassName(s.path.xiang, s.path.lei);
        if (!lei_ok) {
          std::string expected;
          for (const std::string& l : catalog_leis)
            expected += (expected.empty() ? "" : "/") + l;
          problems_zh.push_back(
              "“" +
              nd_.sections.Path(
                  nd_.sections.block_section[static_cast<size_t>(s.block)]) +
              "”把“" + s.path.xiang + "（项）”列在“" + s.path.lei +
              "（类）”下，该项属于“" + expected + "”类");
          problems_en.push_back(s.path.xiang + " is printed under " +
                                s.path.lei + ", it belongs to " + expected);
          blocks.push_back(s.block);
        }
      }
      if (leis.size() > 1) {
        std::string list;
        for (const std::string& l : leis)
          list += (list.empty() ? "" : "、") + l;
        problems_zh.push_back("同一项在不同位置所属类名称不一致：" + list);
        problems_en.push_back(
            "the same item is printed under different classes: " + list);
      }
      bool kuan_only = problems_zh.empty() && kuans.size() > 1;
      if (kuans.size() > 1) {
        std::string list;
        for (const std::string& k : kuans)
          list += (list.empty() ? "" : "、") + k;
        problems_zh.push_back("同一项在不同位置所属款名称不一致：" + list);
        problems_en.push_back(
            "the same item is printed under different 款 names: " + list);
      }
      if (problems_zh.empty()) continue;
      CheckResult r;
      r.rule = kuan_only ? "code.name_variant" : "code.name_mismatch";
      r.outcome = Outcome::kFail;
      std::string zh, en;
      for (const std::string& p : problems_zh)
        zh += (zh.empty() ? "" : "；") + p;
      for (const std::string& p : problems_en)
        en += (en.empty() ? "" : "; ") + p;
      r.message = opts_.english
                      ? "class names of " + seen.front().path.xiang + ": " + en
                      : "“" + seen.front().path.xiang + "”的科目归属：" + zh;
      for (const PathSeen& s : seen) {
        Evidence e;
        e.label = s.path.lei + "/" + s.path.kuan + "/" + s.path.xiang;
        e.quote = Ellipsize(nd_.blocks[static_cast<size_t>(s.block)].text, 120);
        e.origin = "narrative";
        e.where.block = s.block;
        e.where.page = nd_.doc.blocks[static_cast<size_t>(s.block)].page;
        e.location = nd_.sections.Path(
            nd_.sections.block_section[static_cast<size_t>(s.block)]);
        r.evidence.push_back(std::move(e));
      }
      Add(std::move(r));
    }
  }

  // A table row whose code and printed name disagree: the name belongs to
  // another code of the catalog ("2080505 行政单位离退休").
  void CheckTableCodeNames() {
    const ClassificationCatalog& cat = ClassificationCatalog::Default();
    std::set<std::pair<int, int>> rows;
    for (const Fact& f : ex_.facts) {
      if (f.origin != Origin::kTable || f.code.size() < 3 ||
          f.code_scheme != "func" || f.label.empty())
        continue;
      if (!rows.insert({f.where.table, f.where.row}).second) continue;
      const ClassItem* item = cat.Find(f.code);
      if (item == nullptr) continue;
      if (cat.NameMatches(f.code, f.label, ex_.meta.fiscal_year) !=
          NameMatch::kOtherClassName)
        continue;
      // Only a name that is exactly another 功能分类 item's, not an
      // abbreviation of this one ("职业年金缴费支出" for 机关事业单位…).
      std::string printed = StripZhiChu(CanonicalClassName(f.label));
      if (StripZhiChu(CanonicalClassName(item->name)).find(printed) !=
          std::string::npos)
        continue;
      bool other_item = false;
      for (const ClassItem* c : cat.FindByName(f.label)) {
        other_item |= c->code[0] == '2' && c->code != f.code &&
                      c->code.size() == f.code.size();
      }
      if (!other_item) continue;
      CheckResult r;
      r.rule = "code.name_mismatch";
      r.outcome = Outcome::kFail;
      r.message = opts_.english ? "table row " + f.code + " is named " +
                                      f.label + ", the name of another item; " +
                                      f.code + " is " + item->name
                                : "表中科目编码" + f.code + "印为“" + f.label +
                                      "”，这是另一科目的名称；" + f.code +
                                      "应为“" + item->name + "”";
      r.evidence = {EvidenceOf(f)};
      Add(std::move(r));
    }
  }

  // ---- Presentation ----

  Evidence TextEvidence(int block, int begin, int end) const {
    Evidence e;
    const std::string& t = nd_.blocks[static_cast<size_t>(block)].text;
    e.quote = Ellipsize(t, 120);
    e.value =
        t.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
    e.origin = "narrative";
    e.where.block = block;
    e.where.page = nd_.doc.blocks[static_cast<size_t>(block)].page;
    e.where.norm_begin = begin;
    e.where.norm_end = end;
    e.location = nd_.sections.Path(
        nd_.sections.block_section[static_cast<size_t>(block)]);
    return e;
  }

  void CheckPresentation() {
    for (const Mention& m : nd_.mentions) {
      if (m.kind == MentionKind::kBareNumber) {
        CheckResult r;
        r.rule = "presentation.missing_unit";
        r.outcome = Outcome::kFail;
        r.message = opts_.english
                        ? "amount " + m.text + " has no unit"
                        : "金额“" + m.text + "”缺少计量单位（万元/元）";
        r.evidence = {TextEvidence(m.block, m.begin, m.end)};
        Add(std::move(r));
      } else if (m.percent_sign_missing) {
        CheckResult r;
        r.rule = "presentation.percent_without_sign";
        r.outcome = Outcome::kFail;
        r.message = opts_.english ? "share " + m.text + " has no %"
                                  : "占比“" + m.text + "”缺少百分号";
        r.evidence = {TextEvidence(m.block, m.begin, m.end)};
        Add(std::move(r));
      }
    }
    static constexpr std::string_view kResidue[] = {"增加（减少）",
                                                    "减少（增加）",
                                                    "增长（下降）",
                                                    "下降（增长）",
                                                    "增加(减少)",
                                                    "增长(下降)",
                                                    "增加/减少",
                                                    "增长/下降",
                                                    "主要原因是。",
                                                    "主要原因是：。",
                                                    "主要原因是:。",
                                                    "XX",
                                                    "××",
                                                    "某某",
                                                    "XXX"};
    if (!ex_.meta.is_template) {
      for (size_t b = 0; b < nd_.blocks.size(); ++b) {
        const std::string& t = nd_.blocks[b].text;
        for (std::string_view w : kResidue) {
          size_t p = t.find(w);
          if (p == std::string::npos) continue;
          CheckResult r;
          r.rule = "presentation.template_residue";
          r.outcome = Outcome::kFail;
          r.message = opts_.english
                          ? "template residue \"" + std::string(w) + "\""
                          : "存在模板残留文字“" + std::string(w) + "”";
          r.evidence = {TextEvidence(static_cast<int>(b), static_cast<int>(p),
                                     static_cast<int>(p + w.size()))};
          Add(std::move(r));
          break;
        }
      }
    }
    // Headings that name another fiscal year.
    int year = ex_.meta.fiscal_year;
    if (year > 0) {
      for (size_t i = 1; i < nd_.sections.sections.size(); ++i) {
        const Section& s = nd_.sections.sections[i];
        const std::string& title = s.title;
        for (size_t p = 0; p + 7 <= title.size(); ++p) {
          if (title.compare(p + 4, 3, "年") != 0) continue;
          std::string digits = title.substr(p, 4);
          if (!std::all_of(digits.begin(), digits.end(),
                           [](char c) { return c >= '0' && c <= '9'; }))
            continue;
          if (p > 0 && title[p - 1] >= '0' && title[p - 1] <= '9') continue;
          int y = std::stoi(digits);
          if (y < 2000 || y > 2100 || y == year || Contains(title, "相比") ||
              Contains(title, "上年"))
            continue;
          CheckResult r;
          r.rule = "presentation.year_mismatch";
          r.outcome = Outcome::kFail;
          r.message = opts_.english
                          ? "heading names " + digits + " in a " +
                                std::to_string(year) + " report"
                          : "标题“" + s.label + s.title + "”写的是" + digits +
                                "年，报告年度为" + std::to_string(year) + "年";
          r.evidence = {TextEvidence(s.block, 0, 0)};
          Add(std::move(r));
          break;
        }
      }
    }
  }

  // An annual final report speaks of the whole year: "1-9月累计…" reads as a
  // figure carried over from an interim report.
  void CheckPartialPeriods() {
    if (ex_.meta.kind != "final_accounts") return;
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      const std::string& t = nd_.blocks[b].text;
      for (std::string_view dash : {"-", "—", "至", "~"}) {
        std::string pattern = "1" + std::string(dash);
        for (size_t at = t.find(pattern); at != std::string::npos;
             at = t.find(pattern, at + 1)) {
          if (at > 0 && t[at - 1] >= '0' && t[at - 1] <= '9') continue;
          size_t m = at + pattern.size();
          size_t end = m;
          while (end < t.size() && t[end] >= '0' && t[end] <= '9') ++end;
          if (end == m || t.compare(end, 3, "月") != 0) continue;
          int month = std::atoi(t.substr(m, end - m).c_str());
          if (month < 1 || month >= 12) continue;
          CheckResult r;
          r.rule = "presentation.partial_period";
          r.outcome = Outcome::kFail;
          std::string phrase = t.substr(at, end + 3 - at);
          r.message = opts_.english
                          ? "a year-end report quotes a partial period \"" +
                                phrase + "\""
                          : "年度决算中出现期间不完整的表述“" + phrase + "”";
          r.evidence = {TextEvidence(static_cast<int>(b), static_cast<int>(at),
                                     static_cast<int>(end + 3))};
          Add(std::move(r));
        }
      }
    }
  }

  // Performance self-evaluation tables: the 评价结论 score is the 合计 score.
  void CheckPerformanceScores() {
    for (size_t ti = 0; ti < nd_.doc.tables.size(); ++ti) {
      const Table& t = nd_.doc.tables[ti];
      std::optional<Decimal> total, conclusion;
      int total_row = -1, conclusion_row = -1;
      for (size_t r = 0; r < t.rows.size(); ++r) {
        const std::vector<Cell>& row = t.rows[r];
        for (size_t c = 0; c + 1 < row.size(); ++c) {
          std::string label = NormalizeText(row[c].text).text;
          std::string value = NormalizeText(row[c + 1].text).text;
          if (value.size() > 3 && value.compare(value.size() - 3, 3, "分") == 0)
            value.resize(value.size() - 3);
          Result<Decimal> v = Decimal::Parse(value);
          if (!v.ok()) continue;
          if (label == "合计" && !total) {
            total = *v;
            total_row = static_cast<int>(r);
          }
          if (label == "评价结论" || label == "自评得分" || label == "总分") {
            conclusion = *v;
            conclusion_row = static_cast<int>(r);
          }
          break;
        }
      }
      if (!total || !conclusion || *total > Decimal::FromInt(100)) continue;
      CheckResult r;
      r.rule = "agree.performance_score";
      r.outcome = *total == *conclusion ? Outcome::kPass : Outcome::kFail;
      r.message = opts_.english
                      ? "self-evaluation total " + total->ToString() +
                            " against conclusion " + conclusion->ToString()
                      : "绩效自评表合计得分" + total->ToString() +
                            "分，评价结论为" + conclusion->ToString() + "分" +
                            (*total == *conclusion ? "，一致" : "，二者不一致");
      Evidence e;
      e.label = "合计 / 评价结论";
      e.value = total->ToString() + " / " + conclusion->ToString();
      e.origin = "table";
      e.where.table = static_cast<int>(ti);
      e.where.row = conclusion_row;
      e.location = "表" + std::to_string(ti + 1) + " 第" +
                   std::to_string(total_row + 1) + "、" +
                   std::to_string(conclusion_row + 1) + "行";
      r.evidence = {e};
      Add(std::move(r));
    }
  }

  // ---- Structure: mandatory tables, empty-table statements, wording ----

  void CheckStructure() {
    if (ex_.meta.is_template) return;
    // Tables are only judged when the report shows it carries tables at all
    // (a narrative-only PDF of a two-file report has none of them).
    bool has_tables = false;
    for (const RecognizedTable& t : ex_.tables)
      has_tables |= !t.canonical_id.empty();
    if (!ex_.expected_tables.empty()) {
      if (!has_tables) {
        CheckResult r;
        r.rule = "structure.tables_missing";
        r.outcome = Outcome::kNotChecked;
        r.reason = opts_.english ? "no standard table recognized in this file "
                                   "(tables may be published separately)"
                                 : "本文件未识别出任何公开表格（表格可能单独发"
                                   "布），未核对表格是否齐全";
        r.message = r.reason;
        Add(std::move(r));
      } else {
        std::string missing;
        for (const std::string& id : ex_.expected_tables) {
          bool found = false;
          for (const RecognizedTable& t : ex_.tables)
            found |= t.canonical_id == id;
          if (!found) missing += (missing.empty() ? "" : "、") + id;
        }
        CheckResult r;
        r.rule = "structure.tables_missing";
        r.outcome = missing.empty() ? Outcome::kPass : Outcome::kFail;
        r.message =
            missing.empty()
                ? (opts_.english ? "all mandatory tables present"
                                 : "应公开的表格齐全")
                : (opts_.english ? "mandatory tables not found: " + missing
                                 : "未找到应公开的表格：" + missing);
        Add(std::move(r));
      }
    }
    for (const RecognizedTable& t : ex_.tables) {
      if (!t.empty || t.canonical_id.empty()) continue;
      CheckResult r;
      r.rule = "structure.empty_table_statement";
      r.outcome = t.empty_statement ? Outcome::kPass : Outcome::kFail;
      r.message =
          opts_.english
              ? "empty table " + t.title +
                    (t.empty_statement ? " carries its statement"
                                       : " has no \"本表为空\" statement")
              : "空表“" + t.title + "”" +
                    (t.empty_statement ? "有说明" : "未说明“本表为空”");
      Add(std::move(r));
    }
    // 部门 vs 单位 wording in the headings.
    if (!ex_.meta.scope.empty()) {
      std::string other = ex_.meta.scope == "部门" ? "单位" : "部门";
      for (size_t i = 1; i < nd_.sections.sections.size(); ++i) {
        const Section& s = nd_.sections.sections[i];
        for (std::string_view kind : {"决算", "预算"}) {
          std::string wrong = other + std::string(kind);
          if (s.title.find(wrong) == std::string::npos) continue;
          CheckResult r;
          r.rule = "presentation.scope_mismatch";
          r.outcome = Outcome::kFail;
          r.message = opts_.english ? "heading says " + wrong + " in a " +
                                          ex_.meta.scope + " report"
                                    : "标题“" + s.label + s.title + "”写作“" +
                                          wrong + "”，报告为" + ex_.meta.scope +
                                          std::string(kind);
          r.evidence = {TextEvidence(s.block, 0, 0)};
          Add(std::move(r));
        }
      }
    }
  }

  const NormalizedDocument& nd_;
  const Extraction& ex_;
  const CheckOptions& opts_;
  const MetricCatalog& metrics_;
  std::map<std::string, std::vector<const Fact*>> groups_;
  std::map<std::string, size_t> per_rule_;
  std::set<std::string> seen_messages_;
  CheckReport report_;
};

}  // namespace

CheckReport RunChecks(const NormalizedDocument& nd, const Extraction& ex,
                      const CheckOptions& options) {
  return Checker(nd, ex, options).Run();
}

}  // namespace budgetdoc
