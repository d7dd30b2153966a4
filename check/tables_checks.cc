#include "base/utf8.h"
#include "check/families.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"
#include "schema/classification.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace budgetdoc {
namespace {

class TableChecks : public CheckContext {
 public:
  explicit TableChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckTableRows();
    CheckTableColumns();
    CheckShiftedValues();
  }

 private:
  // One key for a table and its continuations: the canonical id when the
  // table was recognized, else the document table index.
  std::string TableKey(const Fact& f) const {
    if (f.table >= 0 && f.table < static_cast<int>(ex_.tables.size()) &&
        !ex_.tables[static_cast<size_t>(f.table)].canonical_id.empty()) {
      return ex_.tables[static_cast<size_t>(f.table)].canonical_id;
    }
    return "#" + std::to_string(f.where.table);
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
      for (const RecognizedTable* rt : TablesOf(table)) {
        for (const ColumnRole& c : rt->columns) {
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
        if (std::string lost = ChildWithoutFigure(*parent, children, facts);
            !lost.empty()) {
          NotChecked(
              "sum.func.hierarchy",
              {"表中“" + lost + "”一行的编码或数字未能读出，无法核对“" +
                   parent->label + "”（" + code + "）与其下级科目之和",
               "the row " + lost + " could not be read: " + parent->label +
                   " (" + code + ") not summed against its sub-items"},
              {parent});
          continue;
        }
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

  // The name of a catalog sub-item of `parent` printed in a row under it
  // (before the next row of its level or above, among `column`) whose row
  // gave no figure among `children` (its code cell misread, e.g. a digit of
  // a wrapped code lost), or "".
  std::string ChildWithoutFigure(const Fact& parent,
                                 const std::vector<const Fact*>& children,
                                 const std::vector<const Fact*>& column) const {
    if (parent.where.table < 0 ||
        static_cast<size_t>(parent.where.table) >= nd_.doc.tables.size())
      return "";
    const std::vector<ClassItem>& items =
        ClassificationCatalog::Default().items();
    const std::string& p = parent.code;
    auto it = std::lower_bound(
        items.begin(), items.end(), p,
        [](const ClassItem& i, const std::string& c) { return i.code < c; });
    std::set<std::string> names;
    for (; it != items.end() && it->code.compare(0, p.size(), p) == 0; ++it) {
      if (it->code.size() != p.size() + 2) continue;
      bool have = false;
      for (const Fact* c : children) have |= c->code == it->code;
      if (!have) names.insert(it->name);
    }
    if (names.empty()) return "";
    const Table& t = nd_.doc.tables[static_cast<size_t>(parent.where.table)];
    int stop = static_cast<int>(t.rows.size());
    for (const Fact* f : column) {
      if (f->where.table == parent.where.table &&
          f->where.row > parent.where.row && f->code.size() <= p.size())
        stop = std::min(stop, f->where.row);
    }
    for (int r = parent.where.row + 1; r < stop; ++r) {
      const std::vector<Cell>& row = t.rows[static_cast<size_t>(r)];
      // Only a row with a figure in the parent's column is missing from
      // the sum (a blank cell adds nothing).
      size_t col = static_cast<size_t>(parent.where.column);
      if (col >= row.size() || row[col].state() != CellState::kNumber) continue;
      for (const Cell& cell : row) {
        if (names.count(cell.text) > 0) return cell.text;
      }
    }
    return "";
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
};

}  // namespace

void RunTableChecks(const CheckContext& cx) { TableChecks(cx).Run(); }

}  // namespace budgetdoc
