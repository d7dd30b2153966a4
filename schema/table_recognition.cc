// One table from title to facts, and its identification (TableReader;
// schema/table_reader.h). Tested through tests/schema/tables_test.cc.
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

TableFacts TableReader::Run() {
  std::vector<int> block_of(nd_.doc.tables.size(), -1);
  for (size_t b = 0; b < nd_.doc.blocks.size(); ++b) {
    const Block& bl = nd_.doc.blocks[b];
    if (bl.kind == BlockKind::kTable && bl.table >= 0 &&
        static_cast<size_t>(bl.table) < block_of.size() &&
        block_of[static_cast<size_t>(bl.table)] < 0) {
      block_of[static_cast<size_t>(bl.table)] = static_cast<int>(b);
    }
  }
  for (size_t t = 0; t < nd_.doc.tables.size(); ++t) {
    ReadTable(static_cast<int>(t), block_of[t]);
  }
  ResolveStandIns();
  return std::move(out_);
}

const std::string& TableReader::CellText(const Ctx& c, int r, int col) const {
  static const std::string kEmpty;
  const auto& rows = *c.cells;
  if (r < 0 || static_cast<size_t>(r) >= rows.size()) return kEmpty;
  if (col < 0 ||
      static_cast<size_t>(col) >= rows[static_cast<size_t>(r)].size()) {
    return kEmpty;
  }
  return rows[static_cast<size_t>(r)][static_cast<size_t>(col)];
}

const Cell* TableReader::RawCell(const Ctx& c, int r, int col) const {
  const auto& rows = c.table->rows;
  if (r < 0 || static_cast<size_t>(r) >= rows.size()) return nullptr;
  if (col < 0 ||
      static_cast<size_t>(col) >= rows[static_cast<size_t>(r)].size()) {
    return nullptr;
  }
  return &rows[static_cast<size_t>(r)][static_cast<size_t>(col)];
}

const std::string& TableReader::OwnerText(const Ctx& c, int r, int col) const {
  auto [ar, ac] = c.owner[static_cast<size_t>(r)][static_cast<size_t>(col)];
  return CellText(c, ar, ac);
}

CellState TableReader::StateOf(std::string_view normalized) {
  return ClassifyCellText(normalized);
}

bool TableReader::IsNumeric(CellState s) {
  return s == CellState::kNumber || s == CellState::kZero;
}

void TableReader::ReadTable(int t, int block) {
  Ctx c;
  c.t = t;
  c.block = block;
  c.table = &nd_.doc.tables[static_cast<size_t>(t)];
  if (static_cast<size_t>(t) >= nd_.cells.size()) {  // not normalized
    RecognizedTable none;
    none.table = t;
    out_.tables.push_back(std::move(none));
    return;
  }
  c.cells = &nd_.cells[static_cast<size_t>(t)];
  c.rows = static_cast<int>(c.cells->size());
  c.cols = 0;
  for (const auto& row : *c.cells)
    c.cols = std::max(c.cols, static_cast<int>(row.size()));
  BuildOwners(&c);
  FindHeaderRows(&c);
  BuildPaths(&c);

  RecognizedTable rt;
  rt.table = t;
  std::string printed_title;
  bool continuation = false;
  c.spec = Identify(c, &printed_title, &continuation);
  rt.title = printed_title;
  if (c.spec == nullptr && continuation && last_recognized_ >= 0) {
    const RecognizedTable& prev =
        out_.tables[static_cast<size_t>(last_recognized_)];
    c.spec = SpecById(prev.canonical_id);
    if (rt.title.empty()) rt.title = prev.title;
  }
  // A header-less fragment right after a recognized table is its tail
  // (a table the layout split: "收入总计 | … | 支出总计 | …").
  const Ctx* before = nullptr;
  if (c.spec == nullptr && c.header_rows == 0 && last_ctx_.spec != nullptr &&
      c.block >= 1 && last_ctx_.block == c.block - 1) {
    before = &last_ctx_;
    c.spec = last_ctx_.spec;
    if (rt.title.empty() && last_recognized_ >= 0) {
      rt.title = out_.tables[static_cast<size_t>(last_recognized_)].title;
    }
    continuation = true;
  }
  if (c.spec == nullptr) {
    c.spec = IdentifyByHeader(c);
    // A title-less table with the header of the table before it is that
    // table continued on the next page (header repeated).
    if (c.spec != nullptr && c.spec == last_ctx_.spec) continuation = true;
  }
  c.subject = c.spec != nullptr ? c.spec->subject : "";
  if (c.spec != nullptr) {
    rt.canonical_id = c.spec->id;
    rt.name = c.spec->name;
  }
  c.unit = FindUnit(c);
  if (continuation && last_recognized_ >= 0) {
    const RecognizedTable& prev =
        out_.tables[static_cast<size_t>(last_recognized_)];
    if (c.unit.empty()) c.unit = prev.unit;
    if (rt.title.empty()) rt.title = prev.title;
  }
  rt.unit = c.unit;

  ClassifyColumns(&c);
  BuildPanels(&c);
  if (before != nullptr) InheritColumns(*before, &c);

  c.recognized = static_cast<int>(out_.tables.size());
  size_t first_fact = out_.facts.size();
  int unmapped = 0;
  std::vector<int> unmapped_rows;
  bool any_nonzero = false;
  int scale = 0;
  if (c.spec != nullptr && c.subject != "other") {
    EmitFacts(&c, &unmapped, &unmapped_rows);
  }
  // Scale and emptiness over every numeric value cell.
  for (int r = c.header_rows; r < c.rows; ++r) {
    for (int col = 0; col < c.cols; ++col) {
      if (c.columns[static_cast<size_t>(col)].kind != ColKind::kValue) continue;
      const std::string& text = CellText(c, r, col);
      if (!IsNumeric(StateOf(text))) continue;
      bool pct = false;
      std::optional<Decimal> v = ParseCellNumber(text, &pct);
      if (!v) continue;
      if (!v->is_zero()) any_nonzero = true;
      if (!pct &&
          c.columns[static_cast<size_t>(col)].measure == Measure::kAmount) {
        scale = std::max(scale, v->scale());
      }
    }
  }
  rt.amount_scale = scale;
  rt.empty = !any_nonzero;
  rt.empty_statement = rt.empty && HasEmptyStatement(c);
  for (int col = 0; col < c.cols; ++col) {
    const Column& k = c.columns[static_cast<size_t>(col)];
    ColumnRole role;
    role.column = col;
    role.role = k.role;
    role.basis = k.kind == ColKind::kValue ? k.basis : "";
    role.header = k.header;
    rt.columns.push_back(std::move(role));
  }
  for (size_t i = first_fact; i < out_.facts.size(); ++i) {
    out_.facts[i].table = c.recognized;
  }
  if (c.spec != nullptr) {
    last_recognized_ = c.recognized;
    last_ctx_ = c;
    last_ctx_.cells = nullptr;
    last_ctx_.table = nullptr;
    last_ctx_.owner.clear();
    std::string where_text = Where(c, rt);
    if (c.unit.empty() && (first_fact < out_.facts.size() || !rt.empty)) {
      AddFinding(c, "table.unit_missing",
                 where_text +
                     ": no unit line (单位：万元/元); values kept as printed");
    }
    if (unmapped > 0) {
      std::string rows;
      for (size_t i = 0; i < unmapped_rows.size() && i < 8; ++i) {
        rows += (i == 0 ? "" : ", ") + std::to_string(unmapped_rows[i] + 1);
      }
      if (unmapped_rows.size() > 8) rows += ", …";
      AddFinding(c, "table.values_unmapped",
                 where_text + ": " + std::to_string(unmapped) +
                     " numeric cells not mapped to a metric (rows " + rows +
                     ")");
    }
  }
  out_.tables.push_back(std::move(rt));
}

std::string TableReader::Where(const Ctx& c, const RecognizedTable& rt) const {
  std::string s = nd_.doc.source.empty() ? "" : nd_.doc.source + ": ";
  int page = TablePage(c);
  if (page > 0) s += "page " + std::to_string(page) + ": ";
  s += "table " + std::to_string(c.t);
  if (!rt.canonical_id.empty()) s += " " + rt.canonical_id;
  if (!rt.title.empty()) s += " '" + rt.title + "'";
  return s;
}

int TableReader::TablePage(const Ctx& c) const {
  if (!c.table->pages.empty()) return c.table->pages.front();
  if (c.block >= 0) return nd_.doc.blocks[static_cast<size_t>(c.block)].page;
  return 0;
}

void TableReader::AddFinding(const Ctx& c, std::string_view rule,
                             std::string message) {
  Finding f;
  f.severity = Severity::kInfo;
  f.rule = std::string(rule);
  f.message = std::move(message);
  Provenance p;
  p.source = nd_.doc.source;
  p.page = TablePage(c);
  p.block = c.block;
  p.table = c.t;
  f.where.push_back(p);
  out_.findings.push_back(std::move(f));
}

void TableReader::InheritColumns(const Ctx& prev, Ctx* c) const {
  c->has_carry_column = prev.has_carry_column;
  if (prev.cols == c->cols) {
    // Same grid: the tail's columns are the head's (its 款/项 code
    // columns hold "06", "01" that alone look like values).
    for (int col = 0; col < c->cols; ++col) {
      Column& k = c->columns[static_cast<size_t>(col)];
      std::vector<std::string> path = std::move(k.path);
      k = prev.columns[static_cast<size_t>(col)];
      k.path = std::move(path);
    }
    BuildPanels(c);
    return;
  }
  if (prev.panels.size() != c->panels.size()) return;
  for (size_t i = 0; i < c->panels.size(); ++i) {
    const Panel& from = prev.panels[i];
    const Panel& to = c->panels[i];
    for (size_t j = 0; j < to.value_cols.size() && j < from.value_cols.size();
         ++j) {
      Column& k = c->columns[static_cast<size_t>(to.value_cols[j])];
      const Column& src = prev.columns[static_cast<size_t>(from.value_cols[j])];
      k.role = src.role;
      k.fund = src.fund;
      k.basis = src.basis;
      k.year = src.year;
      k.measure = src.measure;
      k.header = src.header;
    }
  }
}

const TableSpec* TableReader::Identify(const Ctx& c, std::string* printed,
                                       bool* continuation) const {
  std::vector<std::string> before;  // nearest first (printed text)
  if (c.block >= 0) {
    for (int b = c.block - 1, n = 0; b >= 0 && n < 4; --b) {
      const Block& bl = nd_.doc.blocks[static_cast<size_t>(b)];
      if (bl.kind == BlockKind::kTable || bl.kind == BlockKind::kChart) break;
      const std::string& text = nd_.blocks[static_cast<size_t>(b)].text;
      if (text.empty()) continue;
      ++n;
      if (CountCodePoints(text) > 60) break;
      before.push_back(text);
    }
  }
  const std::string& own = c.table->title;
  std::string own_norm = own.empty() ? "" : NormalizeText(own).text;
  for (const std::string& b : before) {
    std::string f = Fold(b);
    if (f == "续表" || StartsWith(f, "续表") || EndsWith(f, "(续)") ||
        EndsWith(f, "续表")) {
      *continuation = true;
    }
  }
  if (Contains(Fold(own_norm), "续表") || EndsWith(Fold(own_norm), "(续)")) {
    *continuation = true;
  }
  // Candidates: the own title, each block alone (nearest first), then
  // the own title preceded by blocks and runs of blocks.
  std::vector<std::string> candidates;
  if (!own_norm.empty()) candidates.push_back(own_norm);
  for (const std::string& b : before) candidates.push_back(b);
  std::string joined = own_norm;
  std::string run;
  for (const std::string& b : before) {
    joined = b + joined;
    if (joined != b) candidates.push_back(joined);
    run = b + run;
    if (run != b && run != joined) candidates.push_back(run);
  }
  const TableSpec* best = nullptr;
  size_t best_len = 0;
  bool best_kind = false;
  for (const std::string& cand : candidates) {
    std::string f = Fold(cand);
    size_t len = 0;
    const TableSpec* s = MatchTitle(f, kind_, &len);
    if (s == nullptr) continue;
    bool k = !kind_.empty() && s->kind == kind_;
    if (best == nullptr || (k && !best_kind) ||
        (k == best_kind && len > best_len)) {
      best = s;
      best_len = len;
      best_kind = k;
      *printed = TitleText(cand);
    }
  }
  if (best == nullptr && !own_norm.empty()) *printed = own_norm;
  if (best != nullptr) *continuation = false;
  return best;
}

std::string TableReader::TitleText(std::string_view s) {
  std::string out(s);
  size_t cut = std::string::npos;
  for (std::string_view w : {"编制单位", "金额单位", "单位：",
                             "单位:", "部门：", "部门:", "部门名称"}) {
    size_t p = out.find(w);
    if (p != std::string::npos && p > 0) cut = std::min(cut, p);
  }
  if (cut != std::string::npos) out.resize(cut);
  while (!out.empty() && (out.back() == ' ')) out.pop_back();
  return out;
}

std::string TableReader::HeaderText(const Ctx& c) const {
  std::string all;
  for (const Column& k : c.columns) {
    for (const std::string& e : k.path) all += e + "|";
  }
  return all;
}

const TableSpec* TableReader::IdentifyByHeader(const Ctx& c) const {
  std::string h = HeaderText(c);
  std::string body;
  for (int r = c.header_rows; r < c.rows; ++r) {
    for (int col = 0; col < c.cols; ++col)
      body += Fold(CellText(c, r, col)) + "|";
  }
  std::string subject;
  if (Contains(h, "因公出国") && Contains(h, "公务接待")) {
    subject = "three_public";
  } else if (Contains(h, "人员经费") && Contains(h, "公用经费")) {
    subject = "gpb_basic";
  } else if (Contains(h, "事业收入") &&
             (Contains(h, "财政拨款") || Contains(h, "一般公共预算"))) {
    subject = "income";
  } else if (Contains(h, "基本支出") && Contains(h, "项目支出")) {
    subject = Contains(h, "一般公共预算") ? "gpb_expenditure" : "expenditure";
  } else if ((Contains(body, "本年收入合计") || Contains(body, "收入总计")) &&
             (Contains(body, "本年支出合计") || Contains(body, "支出总计"))) {
    subject = Contains(body, "财政拨款结转") ? "fiscal_summary" : "summary";
  }
  if (subject.empty()) return nullptr;
  std::string kind = kind_.empty() ? "final" : kind_;
  for (const TableSpec& s : Specs()) {
    if (s.subject == subject && s.kind == kind && s.mandatory_since >= 0)
      return &s;
  }
  return nullptr;
}

std::string TableReader::FindUnit(const Ctx& c) const {
  std::string u = ParseUnit(NormalizeText(c.table->unit_text).text);
  if (!u.empty()) return u;
  for (int r = 0; r < std::min(c.rows, std::max(1, c.header_rows)); ++r) {
    for (int col = 0; col < c.cols; ++col) {
      u = ParseUnit(CellText(c, r, col));
      if (!u.empty()) return u;
    }
  }
  if (c.block >= 0) {
    for (int b = c.block - 1, n = 0; b >= 0 && n < 4; --b, ++n) {
      const Block& bl = nd_.doc.blocks[static_cast<size_t>(b)];
      if (bl.kind == BlockKind::kTable || bl.kind == BlockKind::kChart) break;
      const std::string& text = nd_.blocks[static_cast<size_t>(b)].text;
      if (CountCodePoints(text) > 80) continue;
      u = ParseUnit(text);
      if (!u.empty()) return u;
    }
  }
  u = ParseUnit(NormalizeText(c.table->title).text);
  return u;
}

bool TableReader::HasEmptyStatement(const Ctx& c) const {
  for (int r = 0; r < c.rows; ++r) {
    for (int col = 0; col < c.cols; ++col) {
      if (IsEmptyStatement(CellText(c, r, col))) return true;
    }
  }
  if (IsEmptyStatement(c.table->title)) return true;
  if (c.block < 0) return false;
  for (size_t b = static_cast<size_t>(c.block) + 1, n = 0;
       b < nd_.doc.blocks.size() && n < 4; ++b, ++n) {
    const Block& bl = nd_.doc.blocks[b];
    if (bl.kind == BlockKind::kTable || bl.kind == BlockKind::kChart ||
        bl.kind == BlockKind::kHeading) {
      break;
    }
    if (IsEmptyStatement(nd_.blocks[b].text)) return true;
  }
  for (int b = c.block - 1, n = 0; b >= 0 && n < 4; --b, ++n) {
    const Block& bl = nd_.doc.blocks[static_cast<size_t>(b)];
    if (bl.kind == BlockKind::kTable || bl.kind == BlockKind::kChart) break;
    if (IsEmptyStatement(nd_.blocks[static_cast<size_t>(b)].text)) return true;
  }
  return false;
}

void TableReader::ResolveStandIns() {
  std::set<std::string> present;
  for (const RecognizedTable& t : out_.tables) present.insert(t.canonical_id);
  for (RecognizedTable& t : out_.tables) {
    const TableSpec* s = SpecById(t.canonical_id);
    if (s == nullptr || s->stands_for.empty() ||
        present.count(s->stands_for) > 0) {
      continue;
    }
    if (const TableSpec* target = SpecById(s->stands_for)) {
      t.canonical_id = target->id;
      t.name = target->name;
    }
  }
}

}  // namespace tables_internal
}  // namespace budgetdoc
