#include "base/utf8.h"
#include "check/families.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"
#include "schema/tables.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace budgetdoc {
namespace {

class AgreementChecks : public CheckContext {
 public:
  explicit AgreementChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckRepeats();
    CheckCounts();
    CheckAdminCost();
    CheckPerformanceScores();
    CheckBlankTables();
  }

 private:
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
    const SingleFund single = SingleFundOf();
    for (const Fact& f : ex_.facts) {
      if (f.measure != Measure::kAmount || f.unit.empty()) continue;
      // A figure its column names (人员经费 of the 合计 row, the 接待费
      // column of the “三公” table) rather than its row.
      const bool named_by_column =
          f.origin == Origin::kTable && f.code.empty() && !f.column.empty() &&
          (f.metric == f.column ||
           (f.metric.size() > f.column.size() &&
            f.metric.compare(f.metric.size() - f.column.size() - 1,
                             std::string::npos, "." + f.column) == 0));
      // A table row without a printed label was placed by column alone;
      // only the “三公” table, one row per year, places its figures so.
      if (f.origin == Origin::kTable && f.label.empty() &&
          !(named_by_column && f.metric.rfind("three_public.", 0) == 0))
        continue;
      // A table column other than the row's total (基本支出, 项目支出 of a
      // 科目 row) is a different figure.
      std::string metric = f.metric;
      std::string fund = f.fund;
      bool by_func = f.metric == "expenditure.by_func" ||
                     f.metric == "fiscal.expenditure.by_func" ||
                     f.metric == "gpb.expenditure.by_func";
      // One fund is all the money: a class's spending stated without its
      // fund is that fund's row.
      if (by_func && single == SingleFund::kGpb) {
        metric = "gpb.expenditure.by_func";
        fund = "gpb";
      } else if (by_func && single == SingleFund::kFiscal &&
                 f.metric == "expenditure.by_func") {
        metric = "fiscal.expenditure.by_func";
        fund = "fiscal";
      }
      if (!f.column.empty() && f.column != "total" && f.column != "amount" &&
          !named_by_column)
        metric += "#" + f.column;
      std::string label;
      if (IsClassMetric(f.metric) || by_func) {
        if (f.code.empty() && f.origin == Origin::kTable) continue;
        label = !f.code.empty()
                    ? f.code
                    : "name:" + StripZhiChu(CanonicalClassName(f.label));
      }
      by_key[{metric, f.basis, fund, label, f.year}].push_back(&f);
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

  enum class SingleFund { kNone, kFiscal, kGpb };

  // Whether the year's spending is all 财政拨款 (本年支出合计 = 财政拨款支出)
  // and of it all 一般公共预算 (财政拨款支出 = 一般公共预算拨款支出), as the
  // report prints them (this year, one basis, the same figure).
  SingleFund SingleFundOf() const {
    auto equal = [&](std::string_view a, std::string_view b) {
      for (const Fact* x : OfMetric(std::string(a))) {
        if (x->measure != Measure::kAmount || !Current(*x) ||
            x->value.is_zero())
          continue;
        for (const Fact* y : OfMetric(std::string(b))) {
          if (y->measure == Measure::kAmount && Current(*y) &&
              y->basis == x->basis && y->value == x->value)
            return true;
        }
      }
      return false;
    };
    if (!equal("expenditure.total", "fiscal.expenditure.total"))
      return SingleFund::kNone;
    return equal("fiscal.expenditure.total", "gpb.expenditure.total")
               ? SingleFund::kGpb
               : SingleFund::kFiscal;
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
    if (fleet != nullptr && assets != nullptr) {
      // The asset section's 车辆 include special-purpose vehicles and those
      // paid from other funds: the 三公 fleet
      // (「开支财政拨款的公务用车保有量」) is at most that many.
      Term a{fleet->value, Decimal()}, b{assets->value, Decimal()};
      Add(FromJudgment(
          "agree.counts", JudgeSumAtMost(b, {a}),
          {"公务用车保有量不超过车辆总数", "the fleet within all vehicles"},
          "辆", {fleet, assets}));
    } else if (fleet != nullptr && fleet_again != nullptr) {
      Term a{fleet->value, Decimal()}, b{fleet_again->value, Decimal()};
      Add(FromJudgment("agree.counts", JudgeEqual(a, b),
                       {"公务用车数量", "vehicle counts"}, "辆",
                       {fleet, fleet_again}));
    }
  }

  // A standard table printed without a nonzero figure (blank, dashes or
  // zeros) while the prose of the same report gives this year's nonzero
  // amounts of what it tabulates (「“三公”经费预算0.95万元」 beside a blank
  // 三公 table): one material finding per table, naming the figures.
  void CheckBlankTables() {
    struct Topic {
      std::string_view title_word;  // in the table's canonical name
      std::string_view metric_prefix;
      std::string_view unless;  // a word that gives the table another fund
    };
    static constexpr Topic kTopics[] = {
        {"“三公”", "three_public.", "政府性基金"},
        {"政府性基金", "gov_fund.", ""},
        {"国有资本经营", "soe.", ""},
    };
    for (const RecognizedTable& t : ex_.tables) {
      if (!t.empty || t.canonical_id.empty() || PrintsAFigure(t)) continue;
      std::string name = TableName(t.canonical_id);
      const Topic* topic = nullptr;
      for (const Topic& c : kTopics) {
        if (Contains(name, c.title_word) &&
            (c.unless.empty() || !Contains(name, c.unless))) {
          topic = &c;
          break;
        }
      }
      if (topic == nullptr) continue;
      std::vector<const Fact*> stated;
      for (const Fact& f : ex_.facts) {
        if (f.origin != Origin::kNarrative || f.measure != Measure::kAmount ||
            !Current(f) || f.value.is_zero() || f.unit.empty() ||
            f.metric.rfind(topic->metric_prefix, 0) != 0)
          continue;
        stated.push_back(&f);
      }
      if (stated.empty()) continue;
      CheckResult r;
      r.rule = "agree.blank_table";
      r.outcome = Outcome::kFail;
      std::string figures;
      for (size_t i = 0; i < stated.size() && i < 3; ++i) {
        figures += (i ? "、" : "") + stated[i]->label + " " +
                   stated[i]->printed.ToString() + stated[i]->unit;
      }
      r.message = opts_.english
                      ? "table " + t.title +
                            " prints no figure, while the text states " +
                            figures
                      : "表“" + t.title + "”未列任何数字，正文却写明" + figures;
      r.printed = "0万元";
      r.expected = stated.front()->value.ToString() + "万元";
      r.size_wan = stated.front()->value.Abs();
      r.evidence.push_back(TableEvidence(t));
      for (const Fact* f : stated) r.evidence.push_back(EvidenceOf(*f));
      Add(std::move(r));
    }
  }

  // Whether any cell of the table's grid is a nonzero number: a figure the
  // table reader could not place (an unusual layout) — then the table is not
  // known to be blank.
  bool PrintsAFigure(const RecognizedTable& t) const {
    if (t.table < 0 || static_cast<size_t>(t.table) >= nd_.doc.tables.size())
      return true;
    for (const std::vector<Cell>& row :
         nd_.doc.tables[static_cast<size_t>(t.table)].rows) {
      for (const Cell& cell : row) {
        if (cell.state() == CellState::kNumber) return true;
      }
    }
    return false;
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
};

}  // namespace

void RunAgreementChecks(const CheckContext& cx) { AgreementChecks(cx).Run(); }

}  // namespace budgetdoc
