// Column roles and panels (TableReader; schema/table_reader.h).
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

bool TableReader::HeaderSaysCode(const Column& k) {
  for (const std::string& e : k.path) {
    if (Contains(e, "编码") || Contains(e, "代码")) return true;
  }
  if (k.path.empty()) return false;
  const std::string& last = k.path.back();
  return last == "类" || last == "款" || last == "项" || last == "类款项" ||
         last == "款项" || last == "科目编号";
}

bool TableReader::HeaderSaysLabel(const Column& k) {
  for (const std::string& e : k.path) {
    if (Contains(e, "名称") || e == "项目" || e == "科目" || e == "收入" ||
        e == "支出" || Contains(e, "项目名称")) {
      return true;
    }
  }
  return false;
}

bool TableReader::HeaderSaysLineNo(const Column& k) {
  for (const std::string& e : k.path) {
    if (e == "行次" || e == "栏次") return true;
  }
  return false;
}

bool TableReader::CodeLike(std::string_view f) {
  return IsDigits(f) &&
         (f.size() == 2 || f.size() == 3 || f.size() == 5 || f.size() == 7);
}

void TableReader::ClassifyColumns(Ctx* c) const {
  for (int col = 0; col < c->cols; ++col) {
    Column& k = c->columns[static_cast<size_t>(col)];
    int text = 0, num = 0, code = 0, nonblank = 0;
    for (int r = c->header_rows; r < c->rows; ++r) {
      const std::string& t = CellText(*c, r, col);
      CellState s = StateOf(t);
      if (s == CellState::kBlank || s == CellState::kDash) continue;
      ++nonblank;
      std::string f = Fold(t);
      if (CodeLike(f)) ++code;
      if (IsNumeric(s)) {
        ++num;
      } else {
        ++text;
      }
    }
    if (HeaderSaysLineNo(k)) {
      k.kind = ColKind::kLineNo;
      k.role = "line_no";
    } else if (HeaderSaysCode(k) && code >= text) {
      k.kind = ColKind::kCode;
      k.role = "code";
    } else if (text > num) {
      k.kind = ColKind::kLabel;
      k.role = "label";
    } else if (num > 0) {
      k.kind = ColKind::kValue;
    } else if (HeaderSaysLabel(k) && !HeaderSaysValue(k)) {
      k.kind = ColKind::kLabel;
      k.role = "label";
    } else {
      k.kind = ColKind::kValue;
    }
  }
  // Unlabelled code columns: digits only, valid codes, left of a label.
  for (int col = 0; col + 1 < c->cols; ++col) {
    Column& k = c->columns[static_cast<size_t>(col)];
    if (k.kind != ColKind::kValue || HeaderSaysValue(k)) continue;
    int codes = 0, nonblank = 0;
    bool separators = false;
    for (int r = c->header_rows; r < c->rows; ++r) {
      const std::string& t = CellText(*c, r, col);
      if (t.empty()) continue;
      ++nonblank;
      separators |= Contains(t, ",") || Contains(t, ".");
      if (!NormalizeClassCode(t).empty() && classes_.Find(t) != nullptr)
        ++codes;
    }
    bool label_right = false;
    for (int j = col + 1; j < c->cols; ++j) {
      ColKind kj = c->columns[static_cast<size_t>(j)].kind;
      if (kj == ColKind::kLabel) label_right = true;
      if (kj != ColKind::kCode && kj != ColKind::kLineNo) break;
    }
    if (!separators && nonblank >= 2 && codes * 10 >= nonblank * 8 &&
        label_right) {
      k.kind = ColKind::kCode;
      k.role = "code";
    }
  }
  // 行次 columns whose header was lost: 1, 2, 3… right of a label.
  for (int col = 1; col < c->cols; ++col) {
    Column& k = c->columns[static_cast<size_t>(col)];
    if (k.kind != ColKind::kValue ||
        c->columns[static_cast<size_t>(col - 1)].kind != ColKind::kLabel) {
      continue;
    }
    int expected = -1, count = 0;
    bool sequence = true;
    for (int r = c->header_rows; r < c->rows && sequence; ++r) {
      std::string f = Fold(CellText(*c, r, col));
      if (f.empty()) continue;
      if (!IsDigits(f) || f.size() > 3) {
        sequence = false;
        break;
      }
      int n = std::atoi(f.c_str());
      sequence = expected < 0 || n == expected;
      expected = n + 1;
      ++count;
    }
    if (sequence && count >= 3) {
      k.kind = ColKind::kLineNo;
      k.role = "line_no";
    }
  }
  for (int col = 0; col < c->cols; ++col) {
    Column& k = c->columns[static_cast<size_t>(col)];
    if (k.kind == ColKind::kValue) ResolveValueColumn(*c, &k);
  }
  if (c->subject == "three_public") ResolveThreePublicTotals(c);
  for (const Column& k : c->columns) {
    if (k.kind == ColKind::kValue && k.role == "begin_carryover") {
      c->has_carry_column = true;
    }
  }
}

void TableReader::ResolveThreePublicTotals(Ctx* c) {
  auto next_role = [&](int col) -> std::string {
    const Column& k = c->columns[static_cast<size_t>(col)];
    for (int j = col + 1; j < c->cols; ++j) {
      const Column& n = c->columns[static_cast<size_t>(j)];
      if (n.kind == ColKind::kValue && n.basis == k.basis && n.year == k.year)
        return n.role;
    }
    return "";
  };
  // Whether the columns after `col` of its basis and year, up to the next
  // total, hold 公务接待费 or 因公出国（境）费: then a 合计 before 购置费 is
  // the 三公 total (「合计 | 公务用车购置费 | 公务用车运行费 | 公务接待费 |
  // 因公出国（境）费」), not the vehicle subtotal.
  auto spans_other_items = [&](int col) {
    const Column& k = c->columns[static_cast<size_t>(col)];
    for (int j = col + 1; j < c->cols; ++j) {
      const Column& n = c->columns[static_cast<size_t>(j)];
      if (n.kind != ColKind::kValue || n.basis != k.basis || n.year != k.year)
        continue;
      if (!n.total_word.empty()) return false;
      if (n.role == "three_public.reception" ||
          n.role == "three_public.outbound")
        return true;
    }
    return false;
  };
  for (int col = 0; col < c->cols; ++col) {
    Column& k = c->columns[static_cast<size_t>(col)];
    if (k.kind != ColKind::kValue || k.total_word.empty()) continue;
    std::string next = next_role(col);
    if ((next == "three_public.vehicle.purchase" ||
         next == "three_public.vehicle.operation") &&
        (k.total_word == "小计" || !spans_other_items(col))) {
      k.role = "three_public.vehicle";
    } else if (next == "three_public.outbound" &&
               k.role == "three_public.vehicle") {
      k.role = "three_public.total";
    }
  }
  bool others = false;
  for (const Column& k : c->columns)
    others |= k.kind == ColKind::kValue && k.role == "other";
  if (!others) return;
  for (Column& k : c->columns) {
    if (k.kind != ColKind::kValue || k.role != "three_public.total") continue;
    bool another = false;
    for (const Column& o : c->columns) {
      another |= &o != &k && o.kind == ColKind::kValue &&
                 o.role == "three_public.total" && o.basis == k.basis &&
                 o.year == k.year;
    }
    bool grand = k.total_word == "合计" || k.total_word == "总计" ||
                 k.total_word == "合计数";
    if ((another && grand) || (k.top_total && grand)) k.role = "other";
  }
}

bool TableReader::HeaderSaysValue(const Column& k) {
  for (const std::string& e : k.path) {
    if (Contains(e, "合计") || Contains(e, "金额") || Contains(e, "决算") ||
        Contains(e, "预算数") || Contains(e, "支出") || Contains(e, "收入") ||
        Contains(e, "经费")) {
      return true;
    }
  }
  return false;
}

void TableReader::ResolveBasis(const Ctx& c, Column* k) const {
  std::string def =
      kind_ == "budget"
          ? "budget"
          : (kind_ == "final"
                 ? "actual"
                 : (c.spec != nullptr && c.spec->kind == "budget" ? "budget"
                                                                  : "actual"));
  std::string basis;
  bool prior = false;
  int year = 0;
  for (std::string e : k->path) {
    int y = StripYear(&e);
    if (y > 0 && year == 0) year = y;
    // Fund names contain 预算 without being a basis.
    for (std::string_view fund :
         {"一般公共预算", "政府性基金预算", "国有资本经营预算", "部门预算"}) {
      size_t p;
      while ((p = e.find(fund)) != std::string::npos) e.erase(p, fund.size());
    }
    // 上年结转 is this year's income carried over, not a prior-year figure.
    for (std::string_view carry : {"上年结转", "上年结余"}) {
      size_t p;
      while ((p = e.find(carry)) != std::string::npos) e.erase(p, carry.size());
    }
    if (Contains(e, "上年")) prior = true;
    if (Contains(e, "年初预算")) {
      basis = "budget_initial";
    } else if (Contains(e, "调整预算") || Contains(e, "调整后预算") ||
               Contains(e, "全年预算")) {
      basis = "budget_adjusted";
    } else if (Contains(e, "决算") || Contains(e, "执行") ||
               Contains(e, "实际")) {
      if (basis.empty()) basis = "actual";
    } else if (Contains(e, "预算")) {
      if (basis.empty()) basis = "budget";
    }
  }
  k->basis = basis.empty() ? def : basis;
  int fy = meta_.fiscal_year;
  if (prior) {
    k->year = fy > 0 ? fy - 1 : 0;
    if (basis.empty()) k->basis = def;
  } else if (year > 0 && (fy == 0 || (year >= fy - 5 && year <= fy + 1))) {
    k->year = year;
  } else {
    k->year = fy;
  }
}

std::string TableReader::ElementRole(const Ctx& c, std::string e,
                                     const std::vector<std::string>& parents,
                                     Column* k) const {
  StripYear(&e);
  if (e.empty() || Contains(e, ":")) return "";
  const std::string& subject = c.subject;
  auto parent_has = [&](std::string_view w) {
    for (const std::string& p : parents) {
      if (Contains(p, w)) return true;
    }
    return false;
  };
  if (e == "行次" || e == "栏次") return "line_no";
  bool total = IsTotalWord(e) || e == "本年支出合计" || e == "本年收入合计" ||
               e == "支出合计" || e == "收入合计" || e == "收支合计";
  if (subject == "three_public") {
    if (total) {
      k->total_word = e;
      if (parent_has("公务用车")) return "three_public.vehicle";
      if (!parent_has("三公") && e != "小计") k->top_total = true;
      return "three_public.total";
    }
    if (Contains(e, "会议费") || Contains(e, "培训费")) return "other";
    if (Contains(e, "机关运行经费")) return "admin_operating_cost";
    std::string m = synonyms_.Longest(e, "three_public.");
    if (!m.empty() && m != "three_public.total") return m;
    if (Contains(e, "购置")) return "three_public.vehicle.purchase";
    if (Contains(e, "运行")) return "three_public.vehicle.operation";
    if (Contains(e, "接待")) return "three_public.reception";
    if (Contains(e, "出国")) return "three_public.outbound";
    if (m == "three_public.total" || Contains(e, "三公"))
      return "three_public.total";
    return "";
  }
  if (total) return "total";
  if (Contains(e, "基本支出")) return "basic";
  if (Contains(e, "项目支出")) return "project";
  if (Contains(e, "上缴上级")) return "remit_superior";
  if (Contains(e, "对附属单位补助")) return "affiliate_subsidy";
  if (Contains(e, "经营支出")) return "operating";
  if (Contains(e, "人员经费")) return "personnel";
  if (Contains(e, "公用经费")) return "public";
  if (Contains(e, "机关运行经费")) return "admin_operating_cost";
  if ((Contains(e, "年初") && Contains(e, "结转")) || Contains(e, "上年结转") ||
      Contains(e, "上年结余")) {
    return "begin_carryover";
  }
  if ((Contains(e, "年末") && Contains(e, "结转")) || Contains(e, "结转下年")) {
    return "end_carryover";
  }
  if (subject == "income") {
    std::string m = synonyms_.Longest(e, "income.");
    if (m == "income.total") return "total";
    if (!m.empty() && m != "income.grand_total" &&
        m != "income.begin_carryover" && m != "income.use_nonfiscal_balance") {
      return m;
    }
    if (Contains(e, "一般公共预算")) return "income.fiscal.gpb";
    if (Contains(e, "政府性基金")) return "income.fiscal.gov_fund";
    if (Contains(e, "国有资本经营")) return "income.fiscal.soe";
  }
  if (e == "本年收入") return "income";
  if (e == "本年支出") return "total";
  if (e == "收入" || e == "支出") return "";  // a side, not an item
  if (Contains(e, "一般公共预算")) {
    k->fund = "gpb";
    return "gpb";
  }
  if (Contains(e, "政府性基金")) {
    k->fund = "gov_fund";
    return "gov_fund";
  }
  if (Contains(e, "国有资本经营")) {
    k->fund = "soe";
    return "soe";
  }
  return "";
}

bool TableReader::IsGroupWord(std::string_view f) {
  static constexpr std::string_view kWords[] = {"收入",
                                                "支出",
                                                "项目",
                                                "项目名称",
                                                "科目名称",
                                                "功能分类",
                                                "支出用途",
                                                "功能科目名称",
                                                "经济科目名称",
                                                "收入预算",
                                                "支出预算",
                                                "本年",
                                                "本年支出",
                                                "本年收入",
                                                "财政拨款收入",
                                                "财政拨款支出",
                                                "本年一般公共预算基本支出",
                                                "一般公共预算基本支出",
                                                "一般公共预算支出",
                                                "三公经费"};
  for (std::string_view w : kWords) {
    if (f == w) return true;
  }
  return false;
}

std::optional<Measure> TableReader::MeasureOf(std::string_view e) {
  if (Contains(e, "增减") || Contains(e, "增长") || Contains(e, "比上年") ||
      Contains(e, "变动") || Contains(e, "增幅")) {
    if (Contains(e, "%") || Contains(e, "率") || Contains(e, "幅")) {
      return Measure::kRate;
    }
    return Measure::kChange;
  }
  if (Contains(e, "占比") || Contains(e, "比重")) return Measure::kShare;
  if (Contains(e, "完成")) return Measure::kCompletion;
  return std::nullopt;
}

void TableReader::ResolveValueColumn(const Ctx& c, Column* k) const {
  ResolveBasis(c, k);
  std::vector<std::string> items;  // non-basis elements, top first
  for (size_t i = 0; i < k->path.size(); ++i) {
    std::string f = k->path[i];
    StripYear(&f);
    if (f.empty() || Contains(f, ":") || IsBasisWord(f) || k->wide[i]) {
      continue;
    }
    if (std::optional<Measure> m = MeasureOf(f)) {
      // 增减 (比上年执行数): a change of this year against the last.
      if (k->measure != Measure::kRate) k->measure = *m;
      continue;
    }
    items.push_back(k->path[i]);
  }
  if (k->measure == Measure::kShare || k->measure == Measure::kCompletion) {
    k->role = "share";  // no fact: a ratio of two printed figures
    return;
  }
  if (k->measure == Measure::kChange || k->measure == Measure::kRate) {
    Column plain;
    ResolveBasis(c, &plain);
    k->basis = plain.basis;
    k->year = plain.year;
  }
  // Deepest element first; a header the layout split over lines
  // ("公务接" / "待费") is tried joined with the elements above it
  // before the shallower parent decides.
  if (!items.empty()) {
    for (size_t start = items.size(); start-- > 0;) {
      std::string joined;
      for (size_t j = start; j < items.size(); ++j) joined += items[j];
      std::vector<std::string> parents(
          items.begin(), items.begin() + static_cast<long>(start));
      std::string role = ElementRole(c, joined, parents, k);
      if (!role.empty()) {
        k->role = role;
        if (role == "line_no") k->kind = ColKind::kLineNo;
        return;
      }
    }
  }
  // An item we do not know ("单位预留机动经费") next to known ones is not
  // the row's amount; BuildPanels decides once the panels are known.
  k->role = "amount";
  // (A single character is a fragment of a split header: "金" | "额".)
  if (!items.empty() && !IsGroupWord(items.back()) &&
      CountCodePoints(items.back()) >= 2) {
    k->unresolved = true;
  }
}

void TableReader::BuildPanels(Ctx* c) const {
  c->panels.clear();
  bool seen_value = false;
  for (int col = 0; col < c->cols; ++col) {
    Column& k = c->columns[static_cast<size_t>(col)];
    bool starts = k.kind == ColKind::kCode || k.kind == ColKind::kLabel;
    if (c->panels.empty() || (starts && seen_value)) {
      c->panels.emplace_back();
      c->panels.back().first = col;
      seen_value = false;
    }
    Panel& p = c->panels.back();
    k.panel = static_cast<int>(c->panels.size()) - 1;
    switch (k.kind) {
      case ColKind::kCode:
        p.code_cols.push_back(col);
        break;
      case ColKind::kLabel:
        p.label_cols.push_back(col);
        break;
      case ColKind::kValue:
        p.value_cols.push_back(col);
        seen_value = true;
        break;
      case ColKind::kLineNo:
        break;
    }
  }
  for (const Panel& p : c->panels) {
    if (p.value_cols.size() < 2) continue;
    for (int col : p.value_cols) {
      Column& k = c->columns[static_cast<size_t>(col)];
      if (k.unresolved && k.role == "amount") k.role = "other";
    }
  }
  // 基本支出 tables printed as a 人员经费 panel and a 公用经费 panel, each
  // with one 决算数 column: the panel names a block, the row the item.
  if (c->subject == "gpb_basic" || c->subject == "fiscal_basic") {
    for (const Panel& p : c->panels) {
      if (p.value_cols.size() != 1) continue;
      Column& k = c->columns[static_cast<size_t>(p.value_cols.front())];
      if (k.role == "personnel" || k.role == "public") k.role = "amount";
    }
  }
  for (size_t i = 0; i < c->panels.size(); ++i) {
    Panel& p = c->panels[i];
    bool inc = false, exp = false;
    for (int col = p.first; col < c->cols; ++col) {
      const Column& k = c->columns[static_cast<size_t>(col)];
      if (k.panel != static_cast<int>(i)) break;
      for (const std::string& e : k.path) {
        inc |= Contains(e, "收入");
        exp |= Contains(e, "支出");
      }
    }
    if (inc != exp) p.side = inc ? "income" : "expenditure";
  }
  // Two-panel summaries without side headers: 收入 left, 支出 right.
  if (c->subject == "summary" || c->subject == "fiscal_summary") {
    for (size_t i = 0; i < c->panels.size(); ++i) {
      Panel& p = c->panels[i];
      if (!p.side.empty()) continue;
      int inc = 0, exp = 0;
      for (int r = c->header_rows; r < c->rows; ++r) {
        for (int col : p.label_cols) {
          std::string f = Fold(CellText(*c, r, col));
          inc += Contains(f, "收入");
          exp += Contains(f, "支出");
        }
      }
      if (inc != exp) {
        p.side = inc > exp ? "income" : "expenditure";
      } else {
        p.side = i == 0 ? "income" : "expenditure";
      }
    }
  }
}

}  // namespace tables_internal
}  // namespace budgetdoc
