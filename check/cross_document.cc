// Tested by tests/check/cross_document_test.cc.
#include "check/cross_document.h"

#include "check/context.h"
#include "check/interval.h"
#include "check/judge.h"
#include "check/verdict.h"
#include "schema/body_names.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

namespace budgetdoc {
namespace {

constexpr CrossRuleSpec kRules[] = {
    {"cross.year.prior_budget",
     "本年报告所列上年预算数，与上年部门预算所列的预算数一致",
     "last year's budget as printed this year equals the figure last year's "
     "budget report printed",
     FailureClass::kBySize},
    {"cross.year.prior_actual",
     "本年决算所列上年决算数，与上年部门决算所列的决算数一致",
     "last year's actual figure as printed this year equals the figure last "
     "year's final accounts printed",
     FailureClass::kBySize},
    {"cross.year.prior_execution",
     "上年预算执行数与上年部门预算的预算安排对照（执行数可以不同于预算安排）",
     "last year's execution figure set against last year's budget (the "
     "executed year may differ from the plan)",
     FailureClass::kBySize},
    {"cross.unit.own_only", "只有本级一个单位的部门，部门数与本级单位数一致",
     "a department whose only unit is its own prints that unit's figures",
     FailureClass::kBySize},
    {"cross.unit.at_least", "部门数不小于所属每个单位的数",
     "a department prints at least what each of its units prints",
     FailureClass::kBySize},
    {"cross.unit.sum", "所属单位齐全时，部门数等于各单位之和",
     "with all its units present, a department prints the sum of its units",
     FailureClass::kBySize},
};

// Money totals a department consolidates from its units (besides the
// classification items, compared by code).
constexpr std::string_view kTotals[] = {
    "income.grand_total",
    "expenditure.grand_total",
    "income.total",
    "expenditure.total",
    "expenditure.basic",
    "expenditure.project",
    "income.fiscal",
    "income.fiscal.gpb",
    "income.begin_carryover",
    "expenditure.end_carryover",
    "fiscal.income.total",
    "fiscal.income.grand_total",
    "fiscal.expenditure.total",
    "fiscal.expenditure.grand_total",
    "gpb.expenditure.total",
    "gpb.expenditure.basic",
    "gpb.expenditure.project",
    "gpb.basic.personnel",
    "gpb.basic.public",
    "gov_fund.expenditure.total",
    "soe.expenditure.total",
    "three_public.total",
    "three_public.outbound",
    "three_public.vehicle",
    "three_public.vehicle.purchase",
    "three_public.vehicle.operation",
    "three_public.reception",
    "admin_operating_cost",
};

bool IsTotal(std::string_view metric) {
  return std::find(std::begin(kTotals), std::end(kTotals), metric) !=
         std::end(kTotals);
}

// What a fact is a figure of, across documents: metric, code, fund; "" when
// it cannot be compared (a classification item without its code).
std::string KeyOf(const Fact& f) {
  if (f.measure != Measure::kAmount || f.on_unreadable_page) return "";
  if (IsClassMetric(f.metric)) {
    if (f.code.empty()) return "";
    return f.metric + "|" + f.code + "|" + f.fund;
  }
  return f.metric + "||" + f.fund;
}

Decimal HalfOf(const Fact& f) {
  Decimal h = HalfUnit(f.printed.scale());
  if (f.unit == "元") return h.ShiftPow10(-4).value_or(h);
  if (f.unit == "亿元") return h.ShiftPow10(4).value_or(h);
  return h;
}

bool IsBudgetBasis(std::string_view b) {
  return b == "budget" || b == "budget_initial";
}

// The basis a report states its own figures in.
bool CurrentBasis(const CrossDocument& d, const Fact& f) {
  if (d.meta.kind == "budget") return IsBudgetBasis(f.basis);
  return f.basis == "actual";
}

// The figure a document prints for one key: its table facts when it has
// any, else its narrative ones; `several` when they disagree.
struct Pick {
  const Fact* fact = nullptr;
  bool several = false;
};

Pick PickOf(const std::vector<const Fact*>& facts) {
  Pick p;
  bool table = false;
  for (const Fact* f : facts) table |= f->origin == Origin::kTable;
  for (const Fact* f : facts) {
    if (table && f->origin != Origin::kTable) continue;
    if (p.fact == nullptr) {
      p.fact = f;
    } else if (f->value != p.fact->value) {
      p.several = true;
    }
  }
  return p;
}

using Figures = std::map<std::string, std::vector<const Fact*>>;

// The document's figures of `year` whose basis passes `basis_ok`, by key.
template <typename BasisOk>
Figures FiguresOf(const CrossDocument& d, int year, BasisOk basis_ok) {
  Figures out;
  for (const Fact& f : d.facts) {
    if (f.year != year || !basis_ok(f)) continue;
    std::string key = KeyOf(f);
    if (!key.empty()) out[key].push_back(&f);
  }
  return out;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Printed(const Fact& f) { return f.printed.ToString() + f.unit; }

Evidence EvidenceOf(const CrossDocument& d, const Fact& f) {
  Evidence e;
  e.label = f.label;
  e.value = Printed(f);
  e.quote = f.quote;
  e.origin = std::string(OriginName(f.origin));
  e.where = f.where;
  e.where.source = d.path;
  if (f.ocr) e.ocr_confidence = f.ocr_confidence;
  e.low_confidence = f.low_confidence;
  std::string loc = BaseName(d.path) + ": ";
  if (f.where.page > 0) loc += "第" + std::to_string(f.where.page) + "页 ";
  if (f.origin == Origin::kTable && f.where.row >= 0) {
    loc += "表格第" + std::to_string(f.where.row + 1) + "行第" +
           std::to_string(f.where.column + 1) + "列";
  }
  e.location = loc;
  return e;
}

std::string Subject(const Fact& f) {
  std::string s = f.label.empty() ? f.metric : f.label;
  if (!f.code.empty() && s.find(f.code) == std::string::npos) {
    s = f.code + " " + s;
  }
  return s;
}

std::string Wan(const Decimal& d) { return d.ToString() + "万元"; }

void Fill(CheckResult* r, const Judgment& j) {
  r->outcome = j.outcome;
  r->expected = Wan(j.expected);
  r->difference = Wan(j.difference);
  r->tolerance = Wan(j.tolerance);
  if (j.outcome == Outcome::kFail) SizeFailure(j, r->rule, "万元", {}, r);
}

// The verdict and severity of a result, through the mapping every rule of
// one report goes through (check/verdict.h): the same sizes, the same
// classes, nothing raised on a value recognized by OCR.
void Settle(CheckResult* r, bool english) {
  FailureClass failure = FailureClass::kBySize;
  for (const CrossRuleSpec& spec : kRules) {
    if (spec.id == r->rule) failure = spec.failure;
  }
  SettleVerdict(failure, ReliabilityOfEvidence(*r), english, r);
}

CrossResult Make(std::string_view link, std::string_view rule,
                 std::vector<std::string> documents) {
  CrossResult c;
  c.link = std::string(link);
  c.documents = std::move(documents);
  c.result.rule = std::string(rule);
  return c;
}

}  // namespace

std::span<const CrossRuleSpec> CrossRules() { return kRules; }

std::string FindRestatement(std::string_view text) {
  static constexpr std::string_view kEnds[] = {"。", "；", ";", "\n"};
  static constexpr std::string_view kYears[] = {"上年", "以前年度"};
  static constexpr std::string_view kRestated[] = {"口径", "追溯调整",
                                                   "重新列示", "重述"};
  auto has = [](std::string_view s, std::span<const std::string_view> any) {
    for (std::string_view a : any) {
      if (s.find(a) != std::string_view::npos) return true;
    }
    return false;
  };
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.size(), len = 0;
    for (std::string_view e : kEnds) {
      size_t at = text.find(e, begin);
      if (at != std::string_view::npos && at < end) {
        end = at;
        len = e.size();
      }
    }
    std::string_view sentence = text.substr(begin, end - begin);
    if (has(sentence, kYears) && has(sentence, kRestated)) {
      size_t cut = std::min<size_t>(sentence.size(), 200);
      // Not inside a character: back to the start of the one at `cut`.
      while (cut > 0 && cut < sentence.size() &&
             (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) {
        --cut;
      }
      return std::string(sentence.substr(0, cut));
    }
    begin = end + len;
  }
  return "";
}

namespace {

BodyName FoldDoc(const CrossDocument& d) {
  BodyName n = FoldBodyName(d.meta.entity_name);
  if (n.region_code.empty()) n.region_code = d.meta.region_code;
  return n;
}

}  // namespace

std::string BodyKeyOf(const CrossDocument& doc) {
  BodyName n = FoldDoc(doc);
  if (n.rest.empty()) return "";
  return n.region_code + "|" + (n.org == "中共" ? "" : n.org) + "|" + n.rest;
}

std::vector<YearLink> LinkYears(const std::vector<CrossDocument>& docs) {
  std::vector<std::string> keys;
  for (const CrossDocument& d : docs) keys.push_back(BodyKeyOf(d));
  std::vector<YearLink> out;
  for (size_t later = 0; later < docs.size(); ++later) {
    const ReportMeta& l = docs[later].meta;
    if (keys[later].empty() || l.fiscal_year == 0) continue;
    for (size_t earlier = 0; earlier < docs.size(); ++earlier) {
      const ReportMeta& e = docs[earlier].meta;
      if (keys[earlier] != keys[later] || e.fiscal_year + 1 != l.fiscal_year ||
          e.scope != l.scope) {
        continue;
      }
      out.push_back({earlier, later});
    }
  }
  return out;
}

std::vector<UnitLink> LinkUnits(const std::vector<CrossDocument>& docs) {
  std::vector<BodyName> names;
  for (const CrossDocument& d : docs) names.push_back(FoldDoc(d));
  std::vector<UnitLink> out;
  for (size_t dept = 0; dept < docs.size(); ++dept) {
    const ReportMeta& m = docs[dept].meta;
    if (m.scope != "部门" || m.fiscal_year == 0 || names[dept].rest.empty())
      continue;
    UnitLink link;
    link.department = dept;
    for (size_t u = 0; u < docs.size(); ++u) {
      const ReportMeta& um = docs[u].meta;
      if (um.scope != "单位" || um.fiscal_year != m.fiscal_year ||
          um.kind != m.kind ||
          names[u].region_code != names[dept].region_code ||
          !UnitOfDepartment(names[u], names[dept])) {
        continue;
      }
      link.units.push_back(u);
    }
    if (!link.units.empty()) out.push_back(std::move(link));
  }
  return out;
}

std::vector<CrossResult> CompareYears(const CrossDocument& earlier,
                                      const CrossDocument& later,
                                      const CheckOptions& options) {
  std::vector<CrossResult> out;
  const int year = earlier.meta.fiscal_year;
  if (year == 0 || later.meta.fiscal_year != year + 1) return out;
  const bool en = options.english;
  const std::string earlier_kind = earlier.meta.kind;
  // Last year's figures as the later report prints them, by the earlier
  // report's kind that printed them as its own.
  Figures prior = FiguresOf(later, year, [](const Fact&) { return true; });
  Figures own = FiguresOf(
      earlier, year, [&](const Fact& f) { return CurrentBasis(earlier, f); });
  // Whether the later report says its last-year figures were restated.
  std::string restated = later.restatement;
  for (size_t i = 0; i < later.facts.size() && restated.empty(); ++i) {
    restated = FindRestatement(later.facts[i].quote.view());
  }
  for (const auto& [key, facts] : prior) {
    auto it = own.find(key);
    if (it == own.end()) continue;
    // Split the later report's figures of this key by what they mean.
    std::map<std::string, std::vector<const Fact*>> by_meaning;
    for (const Fact* f : facts) {
      std::string meaning;
      if (later.meta.kind == "budget") {
        meaning = IsBudgetBasis(f->basis) ? "budget"
                  : f->basis == "budget_adjusted"
                      ? "adjusted"
                      : "execution";  // actual or execution: 预算执行数
      } else {
        meaning = f->basis == "actual"      ? "actual"
                  : IsBudgetBasis(f->basis) ? "budget"
                                            : "adjusted";
      }
      by_meaning[meaning].push_back(f);
    }
    Pick theirs = PickOf(it->second);
    for (const auto& [meaning, fs] : by_meaning) {
      std::string rule;
      if (meaning == "budget" && earlier_kind == "budget") {
        rule = "cross.year.prior_budget";
      } else if (meaning == "actual" && earlier_kind == "final_accounts") {
        rule = "cross.year.prior_actual";
      } else if ((meaning == "execution" || meaning == "adjusted") &&
                 earlier_kind == "budget") {
        rule = "cross.year.prior_execution";
      } else {
        continue;
      }
      Pick mine = PickOf(fs);
      CrossResult c = Make("years", rule, {later.id, earlier.id});
      c.subject = key;
      CheckResult& r = c.result;
      const Fact& a = *mine.fact;
      const Fact& b = *theirs.fact;
      r.evidence = {EvidenceOf(later, a), EvidenceOf(earlier, b)};
      r.printed = Printed(a);
      std::string subject = Subject(a);
      if (mine.several || theirs.several) {
        r.outcome = Outcome::kNotChecked;
        r.reason = en ? "a report prints several values of " + subject
                      : "“" + subject + "”在一份报告中有多个不同的数，无法对照";
        Settle(&r, en);
        out.push_back(std::move(c));
        continue;
      }
      Judgment j = JudgeEqual({a.value, HalfOf(a)}, {b.value, HalfOf(b)});
      Fill(&r, j);
      std::string pair =
          en ? " (" + BaseName(later.path) + " prints " + Printed(a) + ", " +
                   BaseName(earlier.path) + " printed " + Printed(b) + ")"
             : "：本年报告（" + BaseName(later.path) + "）印为" + Printed(a) +
                   "，上年报告（" + BaseName(earlier.path) + "）印为" +
                   Printed(b);
      if (rule == "cross.year.prior_execution") {
        // The executed year against the planned one: a difference is what
        // the figure means, not a contradiction.
        if (j.outcome != Outcome::kPass) {
          r.outcome = Outcome::kNotApplicable;
          r.reason = en ? "execution differs from the budget by " +
                              Wan(j.difference) + pair
                        : "“" + subject + "”上年执行数与上年预算安排相差" +
                              Wan(j.difference) + pair +
                              "（执行数不同于预算安排属正常）";
        }
        r.message = en ? "last year's execution of " + subject + pair
                       : "“" + subject + "”上年执行数与上年预算安排" + pair;
      } else {
        std::string what = rule == "cross.year.prior_budget"
                               ? (en ? "last year's budget of " : "上年预算数")
                               : (en ? "last year's actual of " : "上年决算数");
        r.message =
            en ? what + subject + pair : "“" + subject + "”" + what + pair;
        if (j.outcome == Outcome::kFail) {
          r.message += en ? ", a difference of " + Wan(j.difference)
                          : "，相差" + Wan(j.difference);
        }
        if (j.outcome == Outcome::kFail && !restated.empty()) {
          // The later report restated the year: the figures may rightly
          // differ; say so rather than alarm.
          r.outcome = Outcome::kNotChecked;
          r.verdict = Verdict::kNotChecked;
          r.size_wan = r.size_rel = Decimal();
          r.reason = en ? "the later report says it restated last year's "
                          "figures (\"" +
                              restated + "\"); the difference of " +
                              Wan(j.difference) + " may be the restatement"
                        : "本年报告说明上年数已调整（“" + restated +
                              "”），相差" + Wan(j.difference) +
                              "可能源于口径调整，未作判断";
        }
      }
      Settle(&r, en);
      out.push_back(std::move(c));
    }
  }
  return out;
}

namespace {

// The department's own count of its units (本级 + 所属单位), or -1.
int ExpectedUnits(const CrossDocument& d) {
  for (const Fact& f : d.facts) {
    if (f.metric == "org.affiliated_units" && f.measure == Measure::kCount &&
        !f.on_unreadable_page) {
      if (f.value.WithScale(0) != f.value || f.value.sign() < 0) continue;
      long n =
          std::strtol(f.value.WithScale(0).ToString().c_str(), nullptr, 10);
      if (n < 0 || n > 100000) continue;
      return static_cast<int>(n) + 1;
    }
  }
  return -1;
}

// A department made of its own unit only: the two print the same figures.
CrossResult OwnUnit(const CrossDocument& department, const Fact& df,
                    const Fact& uf, const Evidence& unit_evidence,
                    const std::string& key, const std::vector<std::string>& ids,
                    bool en) {
  CrossResult c = Make("units", "cross.unit.own_only", ids);
  c.subject = key;
  Judgment j = JudgeEqual({df.value, HalfOf(df)}, {uf.value, HalfOf(uf)});
  Fill(&c.result, j);
  c.result.printed = Printed(df);
  c.result.evidence = {EvidenceOf(department, df), unit_evidence};
  std::string pair =
      en ? ": the department prints " + Printed(df) + ", its own unit " +
               Printed(uf)
         : "：部门印为" + Printed(df) + "，本级单位印为" + Printed(uf);
  c.result.message = en ? Subject(df) + pair : "“" + Subject(df) + "”" + pair;
  return c;
}

// A unit printing more than its department (beyond rounding), or nothing.
std::optional<CrossResult> UnitAboveDepartment(
    const CrossDocument& department, const Fact& df, const CrossDocument& unit,
    const Fact& uf, const Evidence& unit_evidence, const std::string& key,
    bool en) {
  Decimal slack = HalfOf(df) + HalfOf(uf);
  if (uf.value <= df.value + slack) return std::nullopt;
  CrossResult c =
      Make("units", "cross.unit.at_least", {department.id, unit.id});
  c.subject = key;
  CheckResult& r = c.result;
  Judgment j;
  j.outcome = Outcome::kFail;
  j.printed = df.value;
  j.expected = uf.value;
  j.difference = df.value - uf.value;
  j.tolerance = slack;
  r.outcome = Outcome::kFail;
  SizeFailure(j, r.rule, "万元", {}, &r);
  r.printed = Printed(df);
  r.expected = "≥" + Printed(uf);
  r.difference = Wan(df.value - uf.value);
  r.tolerance = Wan(slack);
  r.evidence = {EvidenceOf(department, df), unit_evidence};
  r.message = en ? Subject(df) + ": the department prints " + Printed(df) +
                       ", less than its unit " + BaseName(unit.path) + " (" +
                       Printed(uf) + ")"
                 : "“" + Subject(df) + "”部门数" + Printed(df) +
                       "小于所属单位（" + BaseName(unit.path) + "）的" +
                       Printed(uf);
  return c;
}

// Per unit, how many totals were compared; and, when the units are not all
// there, why their sum was not checked.
void AppendUnitSummaries(const CrossDocument& department,
                         const std::vector<const CrossDocument*>& units,
                         const std::vector<size_t>& at_least_checked,
                         const std::vector<std::string>& ids, int expected,
                         bool complete, bool en,
                         std::vector<CrossResult>* out) {
  for (size_t i = 0; i < units.size(); ++i) {
    CrossResult c =
        Make("units", "cross.unit.at_least", {department.id, units[i]->id});
    c.result.outcome =
        at_least_checked[i] > 0 ? Outcome::kPass : Outcome::kNotChecked;
    c.result.message =
        en ? std::to_string(at_least_checked[i]) +
                 " totals of the unit compared with the department"
           : "所属单位（" + BaseName(units[i]->path) + "）与部门对照" +
                 std::to_string(at_least_checked[i]) + "个总数";
    if (at_least_checked[i] == 0) {
      c.result.reason = en ? "no total printed by both" : "无双方都列出的总数";
    }
    out->push_back(std::move(c));
  }
  if (complete) return;
  CrossResult c = Make("units", "cross.unit.sum", ids);
  c.result.outcome = Outcome::kNotChecked;
  c.result.reason =
      expected < 0
          ? (en ? "the department report does not print how many units it "
                  "has"
                : "部门报告未列出所属单位数，无法判断单位是否齐全")
          : (en ? std::to_string(units.size()) + " of " +
                      std::to_string(expected) + " units present"
                : "所属单位应有" + std::to_string(expected) + "个（含本级），" +
                      "仅有" + std::to_string(units.size()) + "个");
  c.result.message =
      en ? "sum of the units not checked" : "未核对部门数等于各单位之和";
  out->push_back(std::move(c));
}

}  // namespace

std::vector<CrossResult> CompareDepartment(
    const CrossDocument& department,
    const std::vector<const CrossDocument*>& units,
    const CheckOptions& options) {
  std::vector<CrossResult> out;
  const bool en = options.english;
  const int year = department.meta.fiscal_year;
  auto current = [](const CrossDocument& d) {
    return [&d](const Fact& f) { return CurrentBasis(d, f); };
  };
  Figures dept = FiguresOf(department, year, current(department));
  std::vector<Figures> unit_figures;
  std::vector<std::string> ids = {department.id};
  for (const CrossDocument* u : units) {
    unit_figures.push_back(FiguresOf(*u, year, current(*u)));
    ids.push_back(u->id);
  }
  const int expected = ExpectedUnits(department);
  const bool own_only = expected == 1 && units.size() == 1;
  const bool complete =
      expected > 1 && static_cast<int>(units.size()) == expected;
  std::vector<size_t> at_least_checked(units.size(), 0);
  for (const auto& [key, facts] : dept) {
    if (!IsTotal(key.substr(0, key.find('|'))) &&
        !IsClassMetric(key.substr(0, key.find('|')))) {
      continue;
    }
    Pick d = PickOf(facts);
    if (d.several) continue;  // the department disagrees with itself
    const Fact& df = *d.fact;
    std::vector<Term> parts;
    std::vector<Evidence> part_evidence;
    std::vector<std::string> lacking;
    for (size_t i = 0; i < units.size(); ++i) {
      auto it = unit_figures[i].find(key);
      if (it == unit_figures[i].end()) {
        lacking.push_back(BaseName(units[i]->path));
        continue;
      }
      Pick u = PickOf(it->second);
      if (u.several) {
        lacking.push_back(BaseName(units[i]->path));
        continue;
      }
      const Fact& uf = *u.fact;
      parts.push_back({uf.value, HalfOf(uf)});
      part_evidence.push_back(EvidenceOf(*units[i], uf));
      if (own_only) {
        out.push_back(
            OwnUnit(department, df, uf, part_evidence.back(), key, ids, en));
        continue;
      }
      ++at_least_checked[i];
      if (std::optional<CrossResult> c = UnitAboveDepartment(
              department, df, *units[i], uf, part_evidence.back(), key, en))
        out.push_back(std::move(*c));
    }
    if (!complete) continue;
    CrossResult c = Make("units", "cross.unit.sum", ids);
    c.subject = key;
    CheckResult& r = c.result;
    r.printed = Printed(df);
    r.evidence = {EvidenceOf(department, df)};
    r.evidence.insert(r.evidence.end(), part_evidence.begin(),
                      part_evidence.end());
    if (!lacking.empty()) {
      r.outcome = Outcome::kNotChecked;
      std::string names;
      for (const std::string& n : lacking)
        names += (names.empty() ? "" : "、") + n;
      r.reason = en ? "units without this figure: " + names
                    : "所属单位未列出该数：" + names;
      r.message = en ? Subject(df) + ": sum of units not checked"
                     : "“" + Subject(df) + "”未核对各单位之和";
      out.push_back(std::move(c));
      continue;
    }
    Judgment j = JudgeSum({df.value, HalfOf(df)}, parts);
    Fill(&r, j);
    r.message = en ? Subject(df) + ": the department prints " + Printed(df) +
                         ", its units add up to " + Wan(j.expected)
                   : "“" + Subject(df) + "”部门印为" + Printed(df) +
                         "，所属单位合计" + Wan(j.expected);
    out.push_back(std::move(c));
  }
  if (!own_only) {
    AppendUnitSummaries(department, units, at_least_checked, ids, expected,
                        complete, en, &out);
  }
  for (CrossResult& c : out) Settle(&c.result, en);
  return out;
}

std::vector<CrossResult> RunCrossChecks(const std::vector<CrossDocument>& docs,
                                        const CheckOptions& options) {
  std::vector<CrossResult> out;
  for (const YearLink& l : LinkYears(docs)) {
    std::vector<CrossResult> r =
        CompareYears(docs[l.earlier], docs[l.later], options);
    out.insert(out.end(), std::make_move_iterator(r.begin()),
               std::make_move_iterator(r.end()));
  }
  for (const UnitLink& l : LinkUnits(docs)) {
    std::vector<const CrossDocument*> units;
    for (size_t u : l.units) units.push_back(&docs[u]);
    std::vector<CrossResult> r =
        CompareDepartment(docs[l.department], units, options);
    out.insert(out.end(), std::make_move_iterator(r.begin()),
               std::make_move_iterator(r.end()));
  }
  return out;
}

}  // namespace budgetdoc
