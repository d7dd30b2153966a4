#include "base/utf8.h"
#include "check/families.h"
#include "check/rules.h"
#include "check/sum_rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace budgetdoc {
namespace {

class SumChecks : public CheckContext {
 public:
  explicit SumChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckSums();
    CheckFuncHierarchy();
    CheckEconItems();
    CheckProcurementSplit();
  }

 private:
  void CheckSums() {
    for (const auto& [gid, group] : groups_) {
      for (const std::string& basis : Bases(group)) {
        for (const SumRuleSpec& rule : SumRules()) CheckSum(rule, group, basis);
        CheckBalance(group, basis, "income.grand_total",
                     "expenditure.grand_total");
        CheckBalance(group, basis, "fiscal.income.grand_total",
                     "fiscal.expenditure.grand_total");
        CheckFuncClasses(group, basis);
      }
    }
  }

  // Contracts won by small firms are part of all contracts: those won in
  // projects reserved for them plus those won in other projects cannot
  // exceed the year's procurement; the 小微 reserve is part of the 中小
  // reserve; awarded to small and micro firms ≤ awarded to small firms.
  void CheckProcurementSplit() {
    auto first = [&](std::string_view metric) -> const Fact* {
      for (const Fact* f : OfMetric(std::string(metric))) {
        if (f->measure == Measure::kAmount && Current(*f)) return f;
      }
      return nullptr;
    };
    const Fact* total = first("procurement.contract_total");
    if (total == nullptr) total = first("procurement.total");
    auto at_most = [&](const Fact* whole, std::vector<const Fact*> parts,
                       const Text& what) {
      std::erase(parts, nullptr);
      if (whole == nullptr || parts.empty()) return;
      std::vector<Term> terms;
      for (const Fact* p : parts) terms.push_back(TermOf(*p));
      std::vector<const Fact*> evidence{whole};
      evidence.insert(evidence.end(), parts.begin(), parts.end());
      Add(FromJudgment("sum.procurement_sme",
                       JudgeSumAtMost(TermOf(*whole), terms), what, "万元",
                       evidence));
    };
    const Fact* reserved_award = first("procurement.sme_reserved_award");
    const Fact* other_award = first("procurement.sme_other_award");
    if (reserved_award != nullptr && other_award != nullptr) {
      at_most(total, {reserved_award, other_award},
              {"政府采购金额与预留项目、其他项目中由中小企业中标的金额之和",
               "procurement against the contracts won by small firms in "
               "reserved and other projects"});
    }
    at_most(first("procurement.sme_reserved_budget"),
            {first("procurement.micro_reserved_budget")},
            {"面向中小企业预留金额与其中面向小微企业预留的金额",
             "the reserve for small firms against its part for micro firms"});
    at_most(reserved_award, {first("procurement.micro_reserved_award")},
            {"预留项目中由中小企业中标的金额与其中由小微企业中标的金额",
             "reserved contracts won by small firms against those won by "
             "micro firms"});
    const Fact* sme = first("procurement.sme");
    at_most(first("procurement.total"), {sme},
            {"政府采购支出总额与授予中小企业合同金额",
             "procurement against the contracts awarded to small firms"});
    at_most(sme, {first("procurement.small_micro")},
            {"授予中小企业合同金额与其中授予小微企业的金额",
             "contracts awarded to small firms against those to micro firms"});
  }

  static std::set<std::string> Bases(const std::vector<const Fact*>& group) {
    std::set<std::string> out;
    for (const Fact* f : group) {
      if (f->measure == Measure::kAmount) out.insert(f->basis);
    }
    return out;
  }

  void CheckSum(const SumRuleSpec& rule, const std::vector<const Fact*>& group,
                const std::string& basis) {
    const std::vector<std::string>& parts = rule.parts;
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

  // 类 amounts (a structure list) against the 项 under them (a detail list
  // with 类/款/项 paths), and the total against all 项. An item printed
  // under the wrong 类 (code.name_mismatch reports it) is counted under the
  // 类 the catalog gives it, so one slip is not reported twice.
  void CheckFuncHierarchy() {
    std::map<std::string, const Fact*> classes;  // canonical 类 name → fact
    std::map<std::string, std::vector<const Fact*>> items;
    std::vector<const Fact*> all_items;
    // An item stated twice (「“…（项）”20.04万元，主要用于…」 then 「支出决算为
    // 20.04万元」) is one term; the first amount printed for a label counts
    // (agree.repeat reports a label printed with two amounts).
    std::set<std::string> item_labels;
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
        if (!item_labels.insert(f.label).second) continue;
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
};

}  // namespace

void RunSumChecks(const CheckContext& cx) { SumChecks(cx).Run(); }

}  // namespace budgetdoc
