// Rows and the facts of their cells (TableReader; schema/table_reader.h).
// Tested through tests/schema/tables_test.cc.
#include "base/utf8.h"
#include "schema/narrative.h"
#include "schema/table_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace tables_internal {
namespace {

// Row labels the vocabulary does not list but tables print (folded, after
// the ordinal is stripped). `subjects` limits where an alias applies
// ("" = everywhere).
struct RowAlias {
  std::string_view label;
  std::string_view metric;
  std::string_view subjects;
};
constexpr RowAlias kRowAliases[] = {
    {"一般公共预算资金", "income.fiscal.gpb", ""},
    {"一般公共预算", "income.fiscal.gpb", "summary fiscal_summary"},
    {"公共财政拨款", "income.fiscal.gpb", "summary fiscal_summary"},
    {"一般公共预算拨款", "income.fiscal.gpb", ""},
    {"政府性基金", "income.fiscal.gov_fund", "summary fiscal_summary"},
    {"政府性基金预算", "income.fiscal.gov_fund", "summary fiscal_summary"},
    {"政府性基金预算资金", "income.fiscal.gov_fund", ""},
    {"国有资本经营预算", "income.fiscal.soe", "summary fiscal_summary"},
    {"国有资本经营预算资金", "income.fiscal.soe", ""},
    {"财政拨款", "income.fiscal", "summary"},
    {"当年收入小计", "income.total", ""},
    {"本年收入小计", "income.total", ""},
    {"当年支出小计", "expenditure.total", ""},
    {"本年支出小计", "expenditure.total", ""},
    {"上年结转资金", "income.begin_carryover", ""},
    {"上年结转和结余资金", "income.begin_carryover", ""},
    {"结转下年资金", "expenditure.end_carryover", ""},
    {"结转下年", "expenditure.end_carryover", ""},
    {"货物", "procurement.goods", "procurement"},
    {"工程", "procurement.works", "procurement"},
    {"服务", "procurement.services", "procurement"},
};

}  // namespace

std::string TableReader::RowCode(const Ctx& c, int r, const Panel& p,
                                 std::string* carry, std::string* label) const {
  std::string code;
  bool first_blank = false;
  for (size_t i = 0; i < p.code_cols.size(); ++i) {
    std::string f = Fold(OwnerText(c, r, p.code_cols[i]));
    f.erase(std::remove(f.begin(), f.end(), '-'), f.end());
    if (f.empty()) {
      if (i == 0) first_blank = true;
      continue;
    }
    if (!IsDigits(f)) return "";
    if (!code.empty() && StartsWith(f, code)) {
      code = f;
    } else {
      code += f;
    }
  }
  if (!code.empty() && first_blank && code.size() <= 4 && !carry->empty()) {
    // "| 03 | 01" under a 类 printed once: complete from the row above.
    std::string prefix =
        carry->substr(0, std::min<size_t>(carry->size(), 7 - code.size()));
    if (prefix.size() + code.size() == 5 || prefix.size() + code.size() == 7) {
      code = prefix.substr(0, prefix.size() + code.size() == 7 ? 5 : 3) + code;
    }
  }
  // A code cell wrapped onto the next line ("301" / "01"): that line has
  // only digits in this panel's code columns.
  if (!code.empty() && r + 1 < c.rows) {
    std::string tail;
    bool only_digits = true;
    for (int col : p.code_cols) {
      std::string f = Fold(CellText(c, r + 1, col));
      if (f.empty()) continue;
      if (!IsDigits(f)) only_digits = false;
      tail += f;
    }
    for (int col : p.label_cols) only_digits &= CellText(c, r + 1, col).empty();
    for (int col : p.value_cols) only_digits &= CellText(c, r + 1, col).empty();
    if (only_digits && !tail.empty() &&
        (code.size() + tail.size() == 5 || code.size() + tail.size() == 7)) {
      code += tail;
    }
  }
  std::string norm = code.empty() ? "" : NormalizeClassCode(code);
  if (norm.empty()) {
    // A code printed before the label: "2010301 行政运行",
    // "[201]一般公共服务支出".
    std::string f = Fold(*label);
    size_t i = 0;
    if (i < f.size() && f[i] == '[') ++i;
    size_t start = i;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') ++i;
    std::string digits = f.substr(start, i - start);
    if (i < f.size() && f[i] == ']') ++i;
    if (!NormalizeClassCode(digits).empty() && i < f.size() &&
        static_cast<unsigned char>(f[i]) >= 0x80) {
      norm = digits;
      // Drop the code from the printed label.
      std::string printed = *label;
      size_t skip = 0;
      size_t digits_seen = 0;
      while (skip < printed.size() && digits_seen < digits.size()) {
        char ch = printed[skip];
        if (ch >= '0' && ch <= '9') ++digits_seen;
        ++skip;
      }
      while (skip < printed.size() &&
             (printed[skip] == ' ' || printed[skip] == ']' ||
              printed[skip] == '-')) {
        ++skip;
      }
      *label = printed.substr(skip);
    }
  }
  if (!norm.empty()) *carry = norm;
  return norm;
}

std::string TableReader::PanelLabel(const Ctx& c, int r, const Panel& p) const {
  std::string label;
  std::pair<int, int> last{-1, -1};
  for (int col : p.label_cols) {
    std::pair<int, int> o =
        c.owner[static_cast<size_t>(r)][static_cast<size_t>(col)];
    if (o == last) continue;
    last = o;
    const std::string& t = CellText(c, o.first, o.second);
    if (!t.empty() && StateOf(t) != CellState::kDash) label += t;
  }
  return label;
}

std::string TableReader::BorrowedLabel(const Ctx& c, int r,
                                       const Panel& p) const {
  if (p.side.empty()) return "";
  std::string_view word = p.side == "income" ? "收入" : "支出";
  int start = p.label_cols.empty() ? p.first : p.label_cols.front();
  for (int col = start - 1; col >= 0; --col) {
    const std::string& t = CellText(c, r, col);
    CellState s = StateOf(t);
    if (s == CellState::kBlank) continue;
    if (s != CellState::kText) return "";
    std::string f = Fold(t);
    if (Contains(f, word) &&
        (Contains(f, "合计") || Contains(f, "总计") || Contains(f, "小计"))) {
      return t;
    }
    return "";
  }
  return "";
}

std::string TableReader::FundOfLabel(std::string_view f) {
  if (Contains(f, "一般公共预算") || Contains(f, "公共财政")) return "gpb";
  if (Contains(f, "政府性基金")) return "gov_fund";
  if (Contains(f, "国有资本经营")) return "soe";
  return "";
}

std::string TableReader::LookupMetric(const Ctx& c, std::string_view f) const {
  std::string m = synonyms_.Exact(f);
  if (!m.empty()) return m;
  for (const RowAlias& a : kRowAliases) {
    if (a.label == f &&
        (a.subjects.empty() || Contains(a.subjects, c.subject))) {
      return std::string(a.metric);
    }
  }
  return "";
}

RowKey TableReader::ReadRow(const Ctx& c, int r, Panel* p,
                            std::string* carry) const {
  RowKey key;
  // A number where the label should be: the row is misaligned (a reader
  // dropped a blank cell); reading on would put values in wrong columns.
  for (int col : p->label_cols) {
    const Cell* raw = RawCell(c, r, col);
    if ((raw == nullptr || !raw->covered) &&
        StateOf(CellText(c, r, col)) == CellState::kNumber) {
      return key;
    }
  }
  key.label = PanelLabel(c, r, *p);
  if (key.label.empty()) {
    // "人员经费合计" printed across the code columns.
    for (int col : p->code_cols) {
      const std::string& t = OwnerText(c, r, col);
      if (!t.empty() && StateOf(t) == CellState::kText && !IsDigits(Fold(t))) {
        key.label = t;
        break;
      }
    }
  }
  key.code = RowCode(c, r, *p, carry, &key.label);
  if (!key.code.empty()) {
    std::optional<ClassScheme> s = ClassificationCatalog::SchemeOf(key.code);
    key.scheme = s && *s == ClassScheme::kFunc ? "func" : "econ";
    key.kind = RowKind::kCode;
    return key;
  }
  if (key.label.empty() &&
      (c.subject == "summary" || c.subject == "fiscal_summary")) {
    key.label = BorrowedLabel(c, r, *p);
  }
  if (key.label.empty()) {
    key.kind = p->label_cols.empty() ? RowKind::kNoLabel : RowKind::kSkip;
    return key;
  }
  std::string folded = Fold(key.label);
  std::string f(StripOrdinal(folded));
  if (EndsWith(f, ":")) f.pop_back();
  if (f.empty()) return key;
  {
    std::string y = f;
    int year = StripYear(&y);
    if (IsBasisWord(y)) {
      Column tmp;
      tmp.path = {f};
      ResolveBasis(c, &tmp);
      key.kind = RowKind::kNoLabel;
      key.basis = tmp.basis;
      key.year = year > 0 ? year : tmp.year;
      return key;
    }
  }
  // "小计" under a group printed in another label column (收入预算总表:
  // 一般公共预算资金 | 小计) is that group's subtotal, not the table's.
  if (f == "小计" && p->label_cols.size() > 1 && p->code_cols.empty())
    return key;
  if (IsTotalWord(f) || f == "合计:" || f == "收支合计") {
    key.kind = RowKind::kTotal;
    return key;
  }
  bool summary = c.subject == "summary" || c.subject == "fiscal_summary";
  // 支出 rows of the summaries name a 类 ("一、一般公共服务支出");
  // "国有资本经营预算支出" is a 类 there, not a metric.
  if (summary && p->side != "income") {
    std::string code = ClassCodeOf(f);
    if (!code.empty()) {
      key.kind = RowKind::kCode;
      key.code = code;
      key.scheme = "func";
      return key;
    }
  }
  std::string m = LookupMetric(c, f);
  if (m.empty()) m = LookupMetric(c, WithoutParens(f));
  if (m.empty() && p->label_cols.size() > 1) {
    // Labels spread over several columns (采购品目 | 专项名称 | …): any
    // one of them may name the metric.
    for (int col : p->label_cols) {
      std::string one(StripOrdinal(Fold(OwnerText(c, r, col))));
      if (one.empty() || one == f) continue;
      m = LookupMetric(c, one);
      if (m.empty()) m = LookupMetric(c, WithoutParens(one));
      if (!m.empty()) break;
    }
  }
  if (m.empty()) {
    for (std::string_view suffix : {"合计", "小计", "总计"}) {
      if (EndsWith(f, suffix) && f.size() > suffix.size()) {
        m = LookupMetric(c, f.substr(0, f.size() - suffix.size()));
        if (!m.empty()) break;
      }
    }
  }
  if (!m.empty()) {
    key.kind = RowKind::kMetric;
    key.metric = m;
    key.fund = FundOfLabel(f);
    return key;
  }
  if (summary || c.subject == "income" || c.subject == "expenditure" ||
      c.subject == "gpb_expenditure" || c.subject == "fiscal_expenditure") {
    std::string code = ClassCodeOf(f);
    if (!code.empty()) {
      key.kind = RowKind::kCode;
      key.code = code;
      key.scheme = "func";
      return key;
    }
  }
  return key;
}

std::string TableReader::ClassCodeOf(std::string_view f) const {
  std::vector<const ClassItem*> items =
      classes_.FindByName(f, ClassLevel::kLei);
  if (items.size() == 1 && items.front()->scheme == ClassScheme::kFunc) {
    return items.front()->code;
  }
  return "";
}

TableReader::CellMetric TableReader::ColumnMetric(const Ctx& c,
                                                  const Column& k) const {
  const std::string& s = c.subject;
  const std::string& role = k.role;
  auto is = [&](std::initializer_list<std::string_view> roles) {
    for (std::string_view r : roles) {
      if (role == r) return true;
    }
    return false;
  };
  if (StartsWith(role, "three_public.") || role == "admin_operating_cost") {
    return {role, ""};
  }
  if (s == "income") {
    if (is({"total", "amount"})) {
      return {c.has_carry_column ? "income.grand_total" : "income.total", ""};
    }
    if (role == "income") return {"income.total", ""};
    if (role == "begin_carryover") return {"income.begin_carryover", ""};
    if (StartsWith(role, "income.")) return {role, ""};
    if (role == "gpb") return {"income.fiscal.gpb", ""};
    if (role == "gov_fund") return {"income.fiscal.gov_fund", ""};
    if (role == "soe") return {"income.fiscal.soe", ""};
    return {};
  }
  if (s == "expenditure" || s == "summary") {
    if (is({"total", "amount"})) return {"expenditure.total", ""};
    if (is({"basic", "project", "remit_superior", "operating",
            "affiliate_subsidy"})) {
      return {"expenditure." + role, ""};
    }
    if (role == "end_carryover") return {"expenditure.end_carryover", ""};
    return {};
  }
  if (s == "fiscal_expenditure" || s == "fiscal_summary") {
    if (is({"total", "amount"})) return {"fiscal.expenditure.total", ""};
    if (is({"gpb", "gov_fund", "soe"}))
      return {"fiscal.expenditure.total", k.fund};
    if (is({"basic", "project"})) return {"expenditure." + role, ""};
    return {};
  }
  if (s == "gpb_expenditure") {
    if (is({"total", "amount"})) return {"gpb.expenditure.total", ""};
    if (is({"basic", "project"})) return {"gpb.expenditure." + role, ""};
    return {};
  }
  if (s == "gpb_basic" || s == "fiscal_basic") {
    if (is({"total", "amount", "basic"})) {
      return {s == "gpb_basic" ? "gpb.expenditure.basic" : "expenditure.basic",
              ""};
    }
    if (is({"personnel", "public"})) return {"gpb.basic." + role, ""};
    return {};
  }
  if (s == "gov_fund" || s == "soe") {
    if (is({"total", "amount"})) return {s + ".expenditure.total", ""};
    if (is({"basic", "project"})) return {s + ".expenditure." + role, ""};
    if (role == "begin_carryover") return {s + ".begin_carryover", ""};
    if (role == "end_carryover") return {s + ".end_carryover", ""};
    if (role == "income") return {s + ".income", ""};
    return {};
  }
  if (s == "admin_cost") {
    if (is({"total", "amount"})) return {"admin_operating_cost", ""};
    return {};
  }
  if (s == "procurement") {
    if (is({"total", "amount"})) return {"procurement.total", ""};
    return {};
  }
  return {};
}

TableReader::CellMetric TableReader::CodeMetric(const Ctx& c, const RowKey& row,
                                                const Column& k) const {
  const std::string& s = c.subject;
  const std::string& role = k.role;
  bool total = role == "total" || role == "amount" ||
               (role == "basic" && (s == "gpb_basic" || s == "fiscal_basic"));
  if (row.scheme == "econ") {
    if (s == "admin_cost") return {"admin_operating_cost", ""};
    if (total) return {"gpb.basic.by_econ", ""};
    if (role == "personnel" || role == "public")
      return {"gpb.basic." + role, ""};
    if (role == "admin_operating_cost") return {role, ""};
    return {};
  }
  if (s == "income") {
    if (total) return {"income.by_func", ""};
    return ColumnMetric(c, k);
  }
  if (s == "expenditure" || s == "summary") {
    if (total) return {"expenditure.by_func", ""};
    return ColumnMetric(c, k);
  }
  if (s == "fiscal_expenditure" || s == "fiscal_summary") {
    if (total) return {"fiscal.expenditure.by_func", ""};
    if (role == "gpb" || role == "gov_fund" || role == "soe") {
      return {"fiscal.expenditure.by_func", k.fund};
    }
    return ColumnMetric(c, k);
  }
  if (s == "gpb_expenditure") {
    if (total) return {"gpb.expenditure.by_func", ""};
    return ColumnMetric(c, k);
  }
  if (s == "gov_fund" || s == "soe") {
    if (total) return {"expenditure.by_func", ""};
    return ColumnMetric(c, k);
  }
  if (s == "gpb_basic" || s == "fiscal_basic") {
    if (total) return {"gpb.expenditure.by_func", ""};
    return {};
  }
  return {};
}

std::string TableReader::SideKey(const Panel& p) {
  return p.side.empty() ? "p" + std::to_string(p.first) : p.side;
}

TableReader::CellMetric TableReader::SummaryMetric(const Ctx& c, Panel* p,
                                                   const RowKey& row,
                                                   const Column& k) const {
  std::string m = row.metric;
  // A second 收入合计 after the carryover rows is the grand total.
  const std::set<std::string>& seen = c.seen[SideKey(*p)];
  if (m == "income.total" && seen.count("income.total") > 0 &&
      seen.count("income.begin_carryover") > 0) {
    m = "income.grand_total";
  }
  if (m == "expenditure.total" && seen.count("expenditure.total") > 0 &&
      seen.count("expenditure.end_carryover") > 0) {
    m = "expenditure.grand_total";
  }
  bool fund_row = m == "income.fiscal.gpb" || m == "income.fiscal.gov_fund" ||
                  m == "income.fiscal.soe";
  std::string fund = k.fund;
  if (c.subject == "fiscal_summary") {
    if (fund_row && !p->carry.empty())
      return {p->carry, row.fund.empty() ? "" : row.fund};
    static const std::map<std::string, std::string> kScope = {
        {"income.total", "fiscal.income.total"},
        {"income.fiscal", "fiscal.income.total"},
        {"income.grand_total", "fiscal.income.grand_total"},
        {"income.begin_carryover", "fiscal.begin_carryover"},
        {"expenditure.total", "fiscal.expenditure.total"},
        {"expenditure.grand_total", "fiscal.expenditure.grand_total"},
        {"expenditure.end_carryover", "fiscal.end_carryover"},
    };
    auto it = kScope.find(m);
    if (it != kScope.end()) m = it->second;
    if (fund_row) return {"fiscal.income", row.fund};
    return {m, fund};
  }
  if (fund_row && !p->carry.empty()) return {p->carry, row.fund};
  return {m, fund};
}

void TableReader::NoteRow(const Ctx& c, Panel* p, const RowKey& row,
                          const CellMetric& cm) const {
  if (row.kind == RowKind::kMetric || row.kind == RowKind::kTotal) {
    std::string m = cm.metric.empty() ? row.metric : cm.metric;
    c.seen[SideKey(*p)].insert(row.metric.empty() ? m : row.metric);
    bool carry = m == "fiscal.begin_carryover" ||
                 m == "income.begin_carryover" || m == "fiscal.end_carryover" ||
                 m == "expenditure.end_carryover";
    bool fund_row = row.metric == "income.fiscal.gpb" ||
                    row.metric == "income.fiscal.gov_fund" ||
                    row.metric == "income.fiscal.soe";
    if (carry && row.fund.empty()) {
      p->carry = m == "income.begin_carryover" && c.subject == "fiscal_summary"
                     ? "fiscal.begin_carryover"
                     : (m == "expenditure.end_carryover" &&
                                c.subject == "fiscal_summary"
                            ? "fiscal.end_carryover"
                            : m);
    } else if (!fund_row) {
      p->carry.clear();
    }
  } else if (row.kind == RowKind::kCode) {
    p->carry.clear();
  }
}

void TableReader::EmitFacts(Ctx* c, int* unmapped,
                            std::vector<int>* unmapped_rows) {
  std::vector<std::string> carry(c->panels.size());
  for (int r = c->header_rows; r < c->rows; ++r) {
    bool row_unmapped = false;
    for (size_t pi = 0; pi < c->panels.size(); ++pi) {
      Panel& p = c->panels[pi];
      RowKey row = ReadRow(*c, r, &p, &carry[pi]);
      std::optional<CellMetric> noted;
      // Side totals of the summaries: "合计"/"总计" under 收入 or 支出.
      if (row.kind == RowKind::kTotal &&
          (c->subject == "summary" || c->subject == "fiscal_summary") &&
          !p.side.empty()) {
        std::string f(StripOrdinal(Fold(row.label)));
        bool grand = f == "总计" || Contains(f, "总计");
        row.kind = RowKind::kMetric;
        row.metric =
            p.side == "income"
                ? (grand ? "income.grand_total" : "income.total")
                : (grand ? "expenditure.grand_total" : "expenditure.total");
      }
      for (int col : p.value_cols) {
        const Column& k = c->columns[static_cast<size_t>(col)];
        const std::string& text = CellText(*c, r, col);
        CellState state = StateOf(text);
        if (!IsNumeric(state)) continue;
        const Cell* raw = RawCell(*c, r, col);
        if (raw != nullptr && raw->covered) continue;
        if (k.role == "line_no" || k.role == "other" || k.role == "share")
          continue;
        CellMetric cm;
        switch (row.kind) {
          case RowKind::kCode:
            cm = CodeMetric(*c, row, k);
            break;
          case RowKind::kTotal:
          case RowKind::kNoLabel:
            cm = ColumnMetric(*c, k);
            break;
          case RowKind::kMetric:
            if ((c->subject == "summary" || c->subject == "fiscal_summary") &&
                IsItemRole(k.role) &&
                (row.metric == "expenditure.total" ||
                 row.metric == "expenditure.grand_total")) {
              // 支出合计 under a 基本支出/项目支出 column: that part.
              cm = ColumnMetric(*c, k);
            } else if (c->subject == "summary" ||
                       c->subject == "fiscal_summary") {
              if (!IsItemRole(k.role)) cm = SummaryMetric(*c, &p, row, k);
            } else if (k.role == "amount" || k.role == "total" ||
                       k.role == "gpb" || k.role == "gov_fund" ||
                       k.role == "soe") {
              cm = {ScopeToTable(*c, row.metric), k.fund};
            }
            break;
          case RowKind::kSkip:
            break;
        }
        if (!noted) noted = cm;
        if (cm.metric.empty() || metrics_.Find(cm.metric) == nullptr) {
          ++*unmapped;
          row_unmapped = true;
          continue;
        }
        Emit(*c, r, col, k, row, cm, text);
      }
      NoteRow(*c, &p, row, noted.value_or(CellMetric{}));
    }
    if (row_unmapped) unmapped_rows->push_back(r);
  }
}

bool TableReader::IsItemRole(std::string_view role) {
  return !(role == "amount" || role == "total" || role == "income" ||
           role == "gpb" || role == "gov_fund" || role == "soe" ||
           role == "fiscal" || role.empty());
}

std::string TableReader::ScopeToTable(const Ctx& c,
                                      const std::string& m) const {
  const std::string& s = c.subject;
  if (s == "gpb_expenditure" || s == "gpb_basic") {
    if (m == "expenditure.total") return "gpb.expenditure.total";
    if (m == "expenditure.basic") return "gpb.expenditure.basic";
    if (m == "expenditure.project") return "gpb.expenditure.project";
  }
  if (s == "gov_fund" || s == "soe") {
    if (m == "expenditure.total") return s + ".expenditure.total";
    if (m == "expenditure.basic") return s + ".expenditure.basic";
    if (m == "expenditure.project") return s + ".expenditure.project";
    if (m == "income.begin_carryover") return s + ".begin_carryover";
    if (m == "expenditure.end_carryover") return s + ".end_carryover";
  }
  if (s == "fiscal_expenditure" && m == "expenditure.total") {
    return "fiscal.expenditure.total";
  }
  return m;
}

void TableReader::Emit(const Ctx& c, int r, int col, const Column& k,
                       const RowKey& row, const CellMetric& cm,
                       const std::string& text) {
  bool pct = false;
  std::optional<Decimal> printed = ParseCellNumber(text, &pct);
  if (!printed) return;
  Fact f;
  f.metric = cm.metric;
  f.measure = k.measure;
  if (pct && f.measure == Measure::kAmount) f.measure = Measure::kRate;
  f.printed = *printed;
  if (f.measure == Measure::kRate || f.measure == Measure::kShare) {
    f.unit = "%";
    f.value = *printed;
  } else {
    f.unit = c.unit;
    f.value = c.unit.empty() ? *printed : ToWanYuan(*printed, c.unit);
  }
  f.year = row.year > 0 ? row.year : k.year;
  f.basis = row.basis.empty() ? k.basis : row.basis;
  if (f.measure == Measure::kChange || f.measure == Measure::kRate) {
    f.comparison_year = f.year > 0 ? f.year - 1 : 0;
  }
  std::string table_fund = c.spec != nullptr ? c.spec->fund : "all";
  f.fund = !cm.fund.empty() ? cm.fund : (!k.fund.empty() ? k.fund : table_fund);
  if (row.kind == RowKind::kCode) {
    f.code = row.code;
    f.code_scheme = row.scheme;
  }
  f.origin = Origin::kTable;
  f.where.source = nd_.doc.source;
  const Cell* raw = RawCell(c, r, col);
  f.where.page = raw != nullptr && raw->page > 0 ? raw->page : TablePage(c);
  f.where.block = c.block;
  f.where.table = c.t;
  f.where.row = r;
  f.where.column = col;
  f.quote = SharedRowQuote(c, r);
  f.label = row.label;
  f.table = c.recognized;
  f.column = k.role;
  f.on_unreadable_page =
      f.where.page > 0 && nd_.doc.PageUnreadable(f.where.page);
  out_.facts.push_back(std::move(f));
}

const SharedText& TableReader::SharedRowQuote(const Ctx& c, int r) {
  RowQuoteCache& q = row_quote_;
  if (q.cells != c.cells || q.t != c.t || q.r != r || q.cols != c.cols) {
    q = {c.cells, c.t, r, c.cols, RowQuote(c, r)};
  }
  return q.quote;
}

std::string TableReader::RowQuote(const Ctx& c, int r) const {
  std::string q;
  for (int col = 0; col < c.cols; ++col) {
    const Cell* raw = RawCell(c, r, col);
    if (raw != nullptr && raw->covered) continue;
    const std::string& t = CellText(c, r, col);
    if (t.empty()) continue;
    q += (q.empty() ? "" : " | ") + t;
  }
  return Ellipsize(q, 120);
}

}  // namespace tables_internal
}  // namespace budgetdoc
