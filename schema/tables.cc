#include "schema/tables.h"

#include "base/utf8.h"
#include "schema/classification.h"
#include "schema/embedded_data.h"
#include "schema/narrative.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace budgetdoc {
namespace {

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}
bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// ---- Text folding ----

// The form titles, headers and labels are compared in: spaces and quotes
// dropped, full-width ASCII folded ("（境）" → "(境)", "：" → ":"), 〔〕 → ().
std::string Fold(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = DecodeUtf8(s, &pos);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 ||
        c == 0xA0 || c == '"' || c == '\'' || c == 0x201C || c == 0x201D ||
        c == 0x2018 || c == 0x2019 || c == 0x300C || c == 0x300D ||
        c == 0x300E || c == 0x300F) {
      continue;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == 0x3014) c = '(';
    if (c == 0x3015) c = ')';
    AppendUtf8(c, &out);
  }
  return out;
}

bool IsCnNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇两").find(c) !=
         std::u32string_view::npos;
}

// Drops a leading list ordinal ("一、", "(一)", "1.", "1、", "(1)", "①")
// and "其中:" from a folded label, repeatedly.
std::string_view StripOrdinal(std::string_view s) {
  for (int round = 0; round < 3; ++round) {
    std::string_view before = s;
    if (StartsWith(s, "其中:"))
      s.remove_prefix(std::string_view("其中:").size());
    if (StartsWith(s, "其中")) s.remove_prefix(std::string_view("其中").size());
    if (!s.empty() && s[0] == '(') {
      // (一) / (1)
      size_t p = 1;
      bool any = false;
      while (p < s.size()) {
        size_t q = p;
        char32_t c = DecodeUtf8(s, &q);
        if (!(IsCnNumeral(c) || (c >= '0' && c <= '9'))) break;
        p = q;
        any = true;
      }
      if (any && p < s.size() && s[p] == ')') {
        s.remove_prefix(p + 1);
        if (StartsWith(s, "、")) s.remove_prefix(std::string_view("、").size());
        continue;
      }
    }
    size_t p = 0;
    bool cn = false, digit = false;
    while (p < s.size()) {
      size_t q = p;
      char32_t c = DecodeUtf8(s, &q);
      if (IsCnNumeral(c) && !digit) {
        cn = true;
      } else if (c >= '0' && c <= '9' && !cn) {
        digit = true;
      } else {
        break;
      }
      p = q;
    }
    if ((cn || (digit && p <= 2)) && p < s.size()) {
      std::string_view rest = s.substr(p);
      for (std::string_view sep : {"、", ".", "．", ",", "，"}) {
        if (StartsWith(rest, sep) && rest.size() > sep.size()) {
          // "1.5" is a number, not an ordinal.
          char next = rest[sep.size()];
          if (digit && next >= '0' && next <= '9') break;
          s = rest.substr(sep.size());
          break;
        }
      }
    }
    if (!s.empty()) {
      size_t q = 0;
      char32_t c = DecodeUtf8(s, &q);
      if (c >= 0x2460 && c <= 0x2473) s.remove_prefix(q);  // ①…⑳
    }
    if (s == before) break;
  }
  return s;
}

// A folded text without any parenthesized part ("上年结转(结余)" → "上年结转").
std::string WithoutParens(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

// ---- Catalog of standard tables (schema/data/tables.tsv) ----

struct TableSpec {
  std::string id;
  std::string kind;          // final | budget
  int mandatory_since = -1;  // -1 optional, 0 always, else fiscal year
  std::string name;
  std::string subject;
  std::string fund;
  std::string stands_for;
  std::vector<std::string> titles;  // folded
};

const std::vector<TableSpec>& Specs() {
  static const std::vector<TableSpec>* specs = [] {
    auto* out = new std::vector<TableSpec>();
    Result<DataTable> t = ReadDataTable("tables.tsv", '\t');
    auto fail = [](const std::string& why) {
      std::fprintf(stderr, "budgetdoc: tables.tsv: %s\n", why.c_str());
      std::abort();
    };
    if (!t.ok()) fail(t.status().ToString());
    const DataTable& d = t.value();
    int c_id = d.Column("id"), c_kind = d.Column("kind"),
        c_mand = d.Column("mandatory"), c_name = d.Column("name"),
        c_subject = d.Column("subject"), c_fund = d.Column("fund"),
        c_stands = d.Column("stands_for"), c_titles = d.Column("titles");
    if (std::min({c_id, c_kind, c_mand, c_name, c_subject, c_fund, c_stands,
                  c_titles}) < 0) {
      fail("missing column");
    }
    for (size_t i = 0; i < d.rows.size(); ++i) {
      const std::vector<std::string>& r = d.rows[i];
      TableSpec s;
      s.id = r[static_cast<size_t>(c_id)];
      s.kind = r[static_cast<size_t>(c_kind)];
      const std::string& m = r[static_cast<size_t>(c_mand)];
      s.mandatory_since =
          m == "yes" ? 0 : (m == "-" ? -1 : std::atoi(m.c_str()));
      s.name = r[static_cast<size_t>(c_name)];
      s.subject = r[static_cast<size_t>(c_subject)];
      s.fund = r[static_cast<size_t>(c_fund)];
      s.stands_for = r[static_cast<size_t>(c_stands)];
      std::string_view titles = r[static_cast<size_t>(c_titles)];
      size_t start = 0;
      for (size_t k = 0; k <= titles.size(); ++k) {
        if (k == titles.size() || titles[k] == '|') {
          std::string f = Fold(titles.substr(start, k - start));
          if (!f.empty()) s.titles.push_back(std::move(f));
          start = k + 1;
        }
      }
      if (s.id.empty() || (s.kind != "final" && s.kind != "budget") ||
          s.titles.empty() ||
          (m != "yes" && m != "-" && s.mandatory_since <= 0)) {
        fail("line " + std::to_string(d.lines[i]) + ": bad row");
      }
      out->push_back(std::move(s));
    }
    return out;
  }();
  return *specs;
}

const TableSpec* SpecById(std::string_view id) {
  for (const TableSpec& s : Specs()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string SpecKind(const ReportMeta& meta) {
  if (meta.kind == "final_accounts") return "final";
  if (meta.kind == "budget") return "budget";
  return "";
}

// The best catalog entry for a folded title: the longest title variant it
// contains, preferring the report's kind. Returns nullptr when none.
const TableSpec* MatchTitle(std::string_view folded, std::string_view kind,
                            size_t* matched_len) {
  const TableSpec* best = nullptr;
  size_t best_len = 0;
  bool best_kind = false;
  for (const TableSpec& s : Specs()) {
    for (const std::string& t : s.titles) {
      if (!Contains(folded, t)) continue;
      bool k = !kind.empty() && s.kind == kind;
      if (best == nullptr || (k && !best_kind) ||
          (k == best_kind && t.size() > best_len)) {
        best = &s;
        best_len = t.size();
        best_kind = k;
      }
    }
  }
  if (matched_len != nullptr) *matched_len = best_len;
  return best;
}

// ---- Units ----

// The unit a "单位：万元" / "金额单位：元" / "单位:万" text names (the last
// one when several); "" when none.
std::string ParseUnit(std::string_view text) {
  std::string f = Fold(text);
  std::string unit;
  size_t pos = 0;
  while ((pos = f.find("单位", pos)) != std::string::npos) {
    size_t p = pos + std::string_view("单位").size();
    pos = p;
    if (p < f.size() && f[p] == ':') ++p;
    std::string_view rest = std::string_view(f).substr(p);
    if (StartsWith(rest, "万元") || StartsWith(rest, "万")) {
      unit = "万元";
    } else if (StartsWith(rest, "亿元")) {
      unit = "亿元";
    } else if (StartsWith(rest, "元")) {
      unit = "元";
    }
  }
  return unit;
}

// ---- Empty-table statements ----

bool IsEmptyStatement(std::string_view text) {
  std::string f = Fold(text);
  if (f.empty() || CountCodePoints(f) > 200) return false;
  if (Contains(f, "空表") || Contains(f, "表为空") || Contains(f, "无数据") ||
      Contains(f, "无相关收支") || Contains(f, "无相关数据")) {
    return true;
  }
  bool who =
      Contains(f, "本部门") || Contains(f, "本单位") || Contains(f, "本表");
  bool none = Contains(f, "无") || Contains(f, "没有") ||
              Contains(f, "未安排") || Contains(f, "未发生") ||
              Contains(f, "不涉及");
  return who && none;
}

// ---- Metric vocabulary lookups ----

// Folded synonym → metric id, longest first.
class SynonymIndex {
 public:
  explicit SynonymIndex(const MetricCatalog& metrics) {
    for (const Metric& m : metrics.metrics()) {
      for (const std::string& s : m.synonyms) {
        std::string f = Fold(s);
        if (!f.empty()) entries_.emplace_back(std::move(f), m.id);
      }
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const auto& a, const auto& b) {
                       return a.first.size() > b.first.size();
                     });
  }

  // The metric whose synonym equals the folded text exactly.
  std::string Exact(std::string_view folded) const {
    for (const auto& [syn, id] : entries_) {
      if (syn == folded) return id;
    }
    return "";
  }

  // The longest synonym contained in the text among metrics with `prefix`.
  std::string Longest(std::string_view folded, std::string_view prefix) const {
    for (const auto& [syn, id] : entries_) {
      if (StartsWith(id, prefix) && Contains(folded, syn)) return id;
    }
    return "";
  }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

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

bool IsTotalWord(std::string_view f) {
  return f == "合计" || f == "总计" || f == "小计" || f == "合计数" ||
         f == "总计数" || f == "金额合计";
}

// Header elements and row labels that only say which figure (预算数, 决算数,
// 金额) rather than which item.
bool IsBasisWord(std::string_view f) {
  static constexpr std::string_view kWords[] = {
      "预算数",     "决算数",     "金额",       "数额",        "本年预算数",
      "上年预算数", "年初预算数", "调整预算数", "全年预算数",  "执行数",
      "上年执行数", "上年决算数", "本年决算数", "决算",        "预算",
      "本年数",     "上年数",     "实际数",     "预算金额",    "收入预算",
      "支出预算",   "本年预算",   "上年预算",   "年初预算",    "调整预算",
      "全年预算",   "上年执行",   "上年决算",   "金额单位",    "本年",
      "上年",       "数",         "预算安排",   "调整后预算数"};
  for (std::string_view w : kWords) {
    if (f == w) return true;
  }
  return false;
}

// Removes a leading year ("2025年", "2025年度"), returning it (0 if none).
int StripYear(std::string* f) {
  if (f->size() >= 7 &&
      std::all_of(f->begin(), f->begin() + 4,
                  [](char c) { return c >= '0' && c <= '9'; }) &&
      f->compare(4, 3, "年") == 0) {
    int year = std::atoi(f->substr(0, 4).c_str());
    f->erase(0, 7);
    if (StartsWith(*f, "度")) f->erase(0, std::string_view("度").size());
    return year;
  }
  return 0;
}

// ---- Columns ----

enum class ColKind { kValue, kLabel, kCode, kLineNo };

struct Column {
  ColKind kind = ColKind::kValue;
  std::vector<std::string> path;  // folded header elements, top first
  std::vector<bool> wide;         // element spans the whole table (a title)
  std::string header;             // printed path joined by "/"
  std::string role;
  std::string fund;  // fund columns (gpb|gov_fund|soe|fiscal)
  std::string basis;
  int year = 0;
  Measure measure = Measure::kAmount;
  int panel = -1;
  bool top_total = false;   // a 合计 with no 三公 / 公务用车 parent
  bool unresolved = false;  // its header names an item we do not know
  std::string total_word;   // 合计 / 小计 when the role came from one
};

struct Panel {
  int first = 0;
  std::vector<int> code_cols, label_cols, value_cols;
  std::string side;   // income | expenditure | ""
  std::string carry;  // carryover context metric for fund sub-rows
};

// What a row (in one panel) is about.
enum class RowKind { kSkip, kCode, kMetric, kTotal, kNoLabel };

struct RowKey {
  RowKind kind = RowKind::kSkip;
  std::string label;   // as printed (normalized text)
  std::string code;    // canonical digits
  std::string scheme;  // func | econ
  std::string metric;  // kMetric: the generic metric before scoping
  std::string fund;    // a fund the row itself names (carryover sub-rows)
  std::string basis;   // a row that says 预算数 / 决算数
  int year = 0;
};

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// Reads a numeric cell: "2,946.25", "-3.5", "(1,000.00)", "12.5%".
std::optional<Decimal> ParseCellNumber(std::string_view text, bool* percent) {
  std::string s;
  for (char c : text) {
    if (c != ' ') s.push_back(c);
  }
  *percent = false;
  bool negative = false;
  if (!s.empty() && s.back() == '%') {
    *percent = true;
    s.pop_back();
  }
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  Result<Decimal> d = Decimal::Parse(s);
  if (!d.ok()) return std::nullopt;
  return negative ? -d.value() : d.value();
}

// ---- The reader of one document's tables ----

class TableReader {
 public:
  TableReader(const NormalizedDocument& nd, const ReportMeta& meta,
              const MetricCatalog& metrics)
      : nd_(nd),
        meta_(meta),
        metrics_(metrics),
        synonyms_(metrics),
        classes_(ClassificationCatalog::Default()),
        kind_(SpecKind(meta)) {}

  TableFacts Run() {
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

 private:
  // ---- One table ----

  struct Ctx {
    int t = -1;
    int block = -1;
    const Table* table = nullptr;
    const std::vector<std::vector<std::string>>* cells = nullptr;
    const TableSpec* spec = nullptr;
    std::string subject;
    std::string unit;
    int header_rows = 0;
    int rows = 0, cols = 0;
    std::vector<std::vector<std::pair<int, int>>> owner;
    std::vector<Column> columns;
    std::vector<Panel> panels;
    bool has_carry_column = false;
    int recognized = -1;  // index into out_.tables
    // Row metrics met so far on each side of a summary (收入 / 支出): a
    // second 收入合计 after the carryover rows is the grand total.
    mutable std::map<std::string, std::set<std::string>> seen;
  };

  const std::string& CellText(const Ctx& c, int r, int col) const {
    static const std::string kEmpty;
    const auto& rows = *c.cells;
    if (r < 0 || static_cast<size_t>(r) >= rows.size()) return kEmpty;
    if (col < 0 ||
        static_cast<size_t>(col) >= rows[static_cast<size_t>(r)].size()) {
      return kEmpty;
    }
    return rows[static_cast<size_t>(r)][static_cast<size_t>(col)];
  }

  const Cell* RawCell(const Ctx& c, int r, int col) const {
    const auto& rows = c.table->rows;
    if (r < 0 || static_cast<size_t>(r) >= rows.size()) return nullptr;
    if (col < 0 ||
        static_cast<size_t>(col) >= rows[static_cast<size_t>(r)].size()) {
      return nullptr;
    }
    return &rows[static_cast<size_t>(r)][static_cast<size_t>(col)];
  }

  // Text of the cell that covers (r, col): the anchor of a merged cell.
  const std::string& OwnerText(const Ctx& c, int r, int col) const {
    auto [ar, ac] = c.owner[static_cast<size_t>(r)][static_cast<size_t>(col)];
    return CellText(c, ar, ac);
  }

  static CellState StateOf(std::string_view normalized) {
    return ClassifyCellText(normalized);
  }

  static bool IsNumeric(CellState s) {
    return s == CellState::kNumber || s == CellState::kZero;
  }

  void ReadTable(int t, int block) {
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
        if (c.columns[static_cast<size_t>(col)].kind != ColKind::kValue)
          continue;
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
        AddFinding(
            c, "table.unit_missing",
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

  std::string Where(const Ctx& c, const RecognizedTable& rt) const {
    std::string s = nd_.doc.source.empty() ? "" : nd_.doc.source + ": ";
    int page = TablePage(c);
    if (page > 0) s += "page " + std::to_string(page) + ": ";
    s += "table " + std::to_string(c.t);
    if (!rt.canonical_id.empty()) s += " " + rt.canonical_id;
    if (!rt.title.empty()) s += " '" + rt.title + "'";
    return s;
  }

  int TablePage(const Ctx& c) const {
    if (!c.table->pages.empty()) return c.table->pages.front();
    if (c.block >= 0) return nd_.doc.blocks[static_cast<size_t>(c.block)].page;
    return 0;
  }

  void AddFinding(const Ctx& c, std::string_view rule, std::string message) {
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

  // A header-less tail takes the value-column meanings of the table it
  // continues, panel by panel, left-aligned (trailing blanks vanish when a
  // layout splits a row off).
  void InheritColumns(const Ctx& prev, Ctx* c) const {
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
        const Column& src =
            prev.columns[static_cast<size_t>(from.value_cols[j])];
        k.role = src.role;
        k.fund = src.fund;
        k.basis = src.basis;
        k.year = src.year;
        k.measure = src.measure;
        k.header = src.header;
      }
    }
  }

  // ---- Grid ----

  void BuildOwners(Ctx* c) const {
    c->owner.assign(
        static_cast<size_t>(c->rows),
        std::vector<std::pair<int, int>>(static_cast<size_t>(c->cols)));
    for (int r = 0; r < c->rows; ++r) {
      for (int col = 0; col < c->cols; ++col) {
        c->owner[static_cast<size_t>(r)][static_cast<size_t>(col)] = {r, col};
      }
    }
    for (int r = 0; r < c->rows; ++r) {
      for (int col = 0; col < c->cols; ++col) {
        const Cell* cell = RawCell(*c, r, col);
        if (cell == nullptr || cell->covered) continue;
        int rs = std::max(1, cell->row_span), cs = std::max(1, cell->col_span);
        if (rs == 1 && cs == 1) continue;
        for (int i = r; i < std::min(c->rows, r + rs); ++i) {
          for (int j = col; j < std::min(c->cols, col + cs); ++j) {
            const Cell* covered = RawCell(*c, i, j);
            if ((i != r || j != col) && covered != nullptr &&
                covered->covered) {
              c->owner[static_cast<size_t>(i)][static_cast<size_t>(j)] = {r,
                                                                          col};
            }
          }
        }
      }
    }
  }

  // A row with a number in it begins the body (codes are numbers too).
  bool LooksLikeBodyRow(const Ctx& c, int r) const {
    // A 栏次/行次 row numbering the columns ("栏次 | 1 | 2 | 3") is header.
    for (int col = 0; col < c.cols; ++col) {
      std::string f = Fold(CellText(c, r, col));
      if (f == "栏次" || f == "行次") return false;
    }
    for (int col = 0; col < c.cols; ++col) {
      const Cell* cell = RawCell(c, r, col);
      if (cell == nullptr || cell->covered) continue;
      CellState s = StateOf(CellText(c, r, col));
      if (IsNumeric(s)) return true;
    }
    return false;
  }

  void FindHeaderRows(Ctx* c) const {
    int h = c->rows;
    for (int r = 0; r < c->rows; ++r) {
      if (LooksLikeBodyRow(*c, r)) {
        h = r;
        break;
      }
    }
    // Label-only body rows before the first number (a blank first item):
    // a row whose first text starts with an ordinal is body.
    for (int r = 0; r < h; ++r) {
      std::string first;
      for (int col = 0; col < c->cols && first.empty(); ++col) {
        first = Fold(CellText(*c, r, col));
      }
      if (!first.empty() && StripOrdinal(first).size() < first.size() &&
          !StartsWith(first, "(")) {
        h = r;
        break;
      }
    }
    if (c->table->header_rows > 0 && c->table->header_rows < h) {
      h = c->table->header_rows;
    }
    c->header_rows = h;
  }

  void BuildPaths(Ctx* c) const {
    c->columns.assign(static_cast<size_t>(c->cols), Column{});
    InferHeaderSpans(c);
    for (int col = 0; col < c->cols; ++col) {
      Column& k = c->columns[static_cast<size_t>(col)];
      std::pair<int, int> last{-1, -1};
      for (int r = 0; r < c->header_rows; ++r) {
        std::pair<int, int> o =
            c->owner[static_cast<size_t>(r)][static_cast<size_t>(col)];
        if (o == last) continue;
        last = o;
        const std::string& text = CellText(*c, o.first, o.second);
        if (text.empty()) continue;
        std::string f = Fold(text);
        if (f.empty() || (!k.path.empty() && k.path.back() == f)) continue;
        const Cell* anchor = RawCell(*c, o.first, o.second);
        k.wide.push_back(c->cols > 2 && anchor != nullptr &&
                         anchor->col_span >= c->cols);
        k.path.push_back(f);
        k.header += (k.header.empty() ? "" : "/") + text;
      }
    }
  }

  // Text tables carry no spans: a merged header cell prints its text once
  // and leaves the positions it covers blank. A blank header position with
  // nothing above it in its column (unit lines aside) belongs to the
  // nearest header text on its left ("预算数 | | | … | 决算数 | …"); one
  // with text above is the vertical continuation of that text.
  void InferHeaderSpans(Ctx* c) const {
    for (int r = 0; r < c->header_rows; ++r) {
      for (int col = 0; col < c->cols; ++col) {
        const Cell* cell = RawCell(*c, r, col);
        if (cell == nullptr || cell->covered || cell->row_span > 1 ||
            cell->col_span > 1) {
          return;  // the reader gave spans: trust them
        }
      }
    }
    auto usable = [&](int r, int col) {
      const std::string& t = CellText(*c, r, col);
      return !t.empty() && !Contains(Fold(t), ":");
    };
    for (int r = 0; r < c->header_rows; ++r) {
      for (int col = 1; col < c->cols; ++col) {
        if (!CellText(*c, r, col).empty()) continue;
        bool above = false;
        for (int a = 0; a < r && !above; ++a) above = usable(a, col);
        if (above) continue;
        // Only a group over columns that have their own header below.
        bool below = false;
        for (int b = r + 1; b < c->header_rows && !below; ++b)
          below = usable(b, col);
        if (!below) continue;
        for (int left = col - 1; left >= 0; --left) {
          if (usable(r, left)) {
            c->owner[static_cast<size_t>(r)][static_cast<size_t>(col)] = {r,
                                                                          left};
            break;
          }
          if (!CellText(*c, r, left).empty()) break;
        }
      }
    }
  }

  // ---- Identification ----

  // Title candidates: the table's own title, the short blocks just before
  // it, and their concatenations (a number line and a title line).
  const TableSpec* Identify(const Ctx& c, std::string* printed,
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

  // A printed title without a trailing unit clause.
  static std::string TitleText(std::string_view s) {
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

  std::string HeaderText(const Ctx& c) const {
    std::string all;
    for (const Column& k : c.columns) {
      for (const std::string& e : k.path) all += e + "|";
    }
    return all;
  }

  // Without a title: the header and body decide the subject.
  const TableSpec* IdentifyByHeader(const Ctx& c) const {
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

  std::string FindUnit(const Ctx& c) const {
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

  bool HasEmptyStatement(const Ctx& c) const {
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
      if (IsEmptyStatement(nd_.blocks[static_cast<size_t>(b)].text))
        return true;
    }
    return false;
  }

  // ---- Columns ----

  static bool HeaderSaysCode(const Column& k) {
    for (const std::string& e : k.path) {
      if (Contains(e, "编码") || Contains(e, "代码")) return true;
    }
    if (k.path.empty()) return false;
    const std::string& last = k.path.back();
    return last == "类" || last == "款" || last == "项" || last == "类款项" ||
           last == "款项" || last == "科目编号";
  }

  static bool HeaderSaysLabel(const Column& k) {
    for (const std::string& e : k.path) {
      if (Contains(e, "名称") || e == "项目" || e == "科目" || e == "收入" ||
          e == "支出" || Contains(e, "项目名称")) {
        return true;
      }
    }
    return false;
  }

  static bool HeaderSaysLineNo(const Column& k) {
    for (const std::string& e : k.path) {
      if (e == "行次" || e == "栏次") return true;
    }
    return false;
  }

  // Digits that can be (part of) a classification code: "201", "03", "2010301".
  static bool CodeLike(std::string_view f) {
    return IsDigits(f) &&
           (f.size() == 2 || f.size() == 3 || f.size() == 5 || f.size() == 7);
  }

  void ClassifyColumns(Ctx* c) const {
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

  // 三公 headers are often garbled by the layout (a 公务用车 group spanning
  // the 小计 of the whole 三公). The order of the columns decides: a 小计/合计
  // followed (in its basis) by 购置费/运行费 is the 公务用车 subtotal, one
  // followed by 因公出国 the 三公 total; with 会议费/培训费 columns present a
  // 合计 beside another 三公 total (or with no 三公 parent) is the total of
  // everything, not of 三公.
  static void ResolveThreePublicTotals(Ctx* c) {
    auto next_role = [&](int col) -> std::string {
      const Column& k = c->columns[static_cast<size_t>(col)];
      for (int j = col + 1; j < c->cols; ++j) {
        const Column& n = c->columns[static_cast<size_t>(j)];
        if (n.kind == ColKind::kValue && n.basis == k.basis && n.year == k.year)
          return n.role;
      }
      return "";
    };
    for (int col = 0; col < c->cols; ++col) {
      Column& k = c->columns[static_cast<size_t>(col)];
      if (k.kind != ColKind::kValue || k.total_word.empty()) continue;
      std::string next = next_role(col);
      if (next == "three_public.vehicle.purchase" ||
          next == "three_public.vehicle.operation") {
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

  static bool HeaderSaysValue(const Column& k) {
    for (const std::string& e : k.path) {
      if (Contains(e, "合计") || Contains(e, "金额") || Contains(e, "决算") ||
          Contains(e, "预算数") || Contains(e, "支出") || Contains(e, "收入") ||
          Contains(e, "经费")) {
        return true;
      }
    }
    return false;
  }

  // Basis and year of a value column, from its whole path.
  void ResolveBasis(const Ctx& c, Column* k) const {
    std::string def =
        kind_ == "budget"
            ? "budget"
            : (kind_ == "final" ? "actual"
                                : (c.spec != nullptr && c.spec->kind == "budget"
                                       ? "budget"
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
        while ((p = e.find(carry)) != std::string::npos)
          e.erase(p, carry.size());
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

  // The role of one folded header element, or "". `parents` are the
  // shallower elements.
  std::string ElementRole(const Ctx& c, std::string e,
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
    if ((Contains(e, "年初") && Contains(e, "结转")) ||
        Contains(e, "上年结转") || Contains(e, "上年结余")) {
      return "begin_carryover";
    }
    if ((Contains(e, "年末") && Contains(e, "结转")) ||
        Contains(e, "结转下年")) {
      return "end_carryover";
    }
    if (subject == "income") {
      std::string m = synonyms_.Longest(e, "income.");
      if (m == "income.total") return "total";
      if (!m.empty() && m != "income.grand_total" &&
          m != "income.begin_carryover" &&
          m != "income.use_nonfiscal_balance") {
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

  // Header words that group columns or name the label side, not an item.
  static bool IsGroupWord(std::string_view f) {
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

  // 增减额 / 增减% / 占比 columns: what they measure of their row.
  static std::optional<Measure> MeasureOf(std::string_view e) {
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

  void ResolveValueColumn(const Ctx& c, Column* k) const {
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

  // ---- Panels ----

  void BuildPanels(Ctx* c) const {
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

  // ---- Rows ----

  // Code of a row in a panel: its code columns joined ("201|03|01"), or a
  // code printed before the label. `carry` holds the previous row's code.
  std::string RowCode(const Ctx& c, int r, const Panel& p, std::string* carry,
                      std::string* label) const {
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
      if (prefix.size() + code.size() == 5 ||
          prefix.size() + code.size() == 7) {
        code =
            prefix.substr(0, prefix.size() + code.size() == 7 ? 5 : 3) + code;
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
      for (int col : p.label_cols)
        only_digits &= CellText(c, r + 1, col).empty();
      for (int col : p.value_cols)
        only_digits &= CellText(c, r + 1, col).empty();
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

  std::string PanelLabel(const Ctx& c, int r, const Panel& p) const {
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

  // A total printed left of its panel (merged across panels, or shifted):
  // only across blank cells, only when it names the panel's side.
  std::string BorrowedLabel(const Ctx& c, int r, const Panel& p) const {
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

  // Fund a label names: 一般公共预算… / 政府性基金… / 国有资本经营….
  static std::string FundOfLabel(std::string_view f) {
    if (Contains(f, "一般公共预算") || Contains(f, "公共财政")) return "gpb";
    if (Contains(f, "政府性基金")) return "gov_fund";
    if (Contains(f, "国有资本经营")) return "soe";
    return "";
  }

  std::string LookupMetric(const Ctx& c, std::string_view f) const {
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

  RowKey ReadRow(const Ctx& c, int r, Panel* p, std::string* carry) const {
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
        if (!t.empty() && StateOf(t) == CellState::kText &&
            !IsDigits(Fold(t))) {
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

  // The 类 code a printed 类 name stands for ("一般公共服务支出" → "201",
  // also former names of the year); "" unless exactly one 类 has it.
  std::string ClassCodeOf(std::string_view f) const {
    std::vector<const ClassItem*> items =
        classes_.FindByName(f, ClassLevel::kLei);
    if (items.size() == 1 && items.front()->scheme == ClassScheme::kFunc) {
      return items.front()->code;
    }
    return "";
  }

  // ---- Metrics of cells ----

  struct CellMetric {
    std::string metric;
    std::string fund;  // "" = the table's
  };

  // The metric of a column in a 合计 row (or a row without a label).
  CellMetric ColumnMetric(const Ctx& c, const Column& k) const {
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
        return {
            s == "gpb_basic" ? "gpb.expenditure.basic" : "expenditure.basic",
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

  // The metric of a coded row's cell: the by-code metric in the total
  // column, the column's metric (with the code) elsewhere.
  CellMetric CodeMetric(const Ctx& c, const RowKey& row,
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

  static std::string SideKey(const Panel& p) {
    return p.side.empty() ? "p" + std::to_string(p.first) : p.side;
  }

  // A metric row of the summaries, scoped to the table and the panel.
  CellMetric SummaryMetric(const Ctx& c, Panel* p, const RowKey& row,
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

  // Remembers what a row said for the rows after it: the metrics met on
  // its side (a later 收入合计 is then the grand total) and the carryover a
  // following fund row ("一般公共预算财政拨款") is a part of.
  void NoteRow(const Ctx& c, Panel* p, const RowKey& row,
               const CellMetric& cm) const {
    if (row.kind == RowKind::kMetric || row.kind == RowKind::kTotal) {
      std::string m = cm.metric.empty() ? row.metric : cm.metric;
      c.seen[SideKey(*p)].insert(row.metric.empty() ? m : row.metric);
      bool carry =
          m == "fiscal.begin_carryover" || m == "income.begin_carryover" ||
          m == "fiscal.end_carryover" || m == "expenditure.end_carryover";
      bool fund_row = row.metric == "income.fiscal.gpb" ||
                      row.metric == "income.fiscal.gov_fund" ||
                      row.metric == "income.fiscal.soe";
      if (carry && row.fund.empty()) {
        p->carry =
            m == "income.begin_carryover" && c.subject == "fiscal_summary"
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

  void EmitFacts(Ctx* c, int* unmapped, std::vector<int>* unmapped_rows) {
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

  // A column that names an item (基本支出, 人员经费, …) rather than the
  // amount of whatever the row names.
  static bool IsItemRole(std::string_view role) {
    return !(role == "amount" || role == "total" || role == "income" ||
             role == "gpb" || role == "gov_fund" || role == "soe" ||
             role == "fiscal" || role.empty());
  }

  // A generic metric named by a row label, in a table of one fund.
  std::string ScopeToTable(const Ctx& c, const std::string& m) const {
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

  void Emit(const Ctx& c, int r, int col, const Column& k, const RowKey& row,
            const CellMetric& cm, const std::string& text) {
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
    f.fund =
        !cm.fund.empty() ? cm.fund : (!k.fund.empty() ? k.fund : table_fund);
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
    f.quote = RowQuote(c, r);
    f.label = row.label;
    f.table = c.recognized;
    f.column = k.role;
    f.on_unreadable_page =
        f.where.page > 0 && nd_.doc.PageUnreadable(f.where.page);
    out_.facts.push_back(std::move(f));
  }

  std::string RowQuote(const Ctx& c, int r) const {
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

  // ---- Document level ----

  // A table standing in for an absent standard one takes its id (上海's
  // 国有资本经营…收入支出决算表 is its FA12).
  void ResolveStandIns() {
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

  const NormalizedDocument& nd_;
  const ReportMeta& meta_;
  const MetricCatalog& metrics_;
  SynonymIndex synonyms_;
  const ClassificationCatalog& classes_;
  std::string kind_;
  TableFacts out_;
  int last_recognized_ = -1;
  Ctx last_ctx_;  // the last recognized table (grid pointers cleared)
};

}  // namespace

TableFacts RecognizeTables(const NormalizedDocument& nd, const ReportMeta& meta,
                           const MetricCatalog& metrics) {
  return TableReader(nd, meta, metrics).Run();
}

std::vector<std::string> ExpectedTables(const ReportMeta& meta) {
  std::string kind = SpecKind(meta);
  std::vector<std::string> out;
  if (kind.empty()) return out;
  for (const TableSpec& s : Specs()) {
    if (s.kind != kind || s.mandatory_since < 0) continue;
    if (s.mandatory_since > 0 && meta.fiscal_year > 0 &&
        meta.fiscal_year < s.mandatory_since) {
      continue;
    }
    out.push_back(s.id);
  }
  return out;
}

std::string TableName(std::string_view id) {
  const TableSpec* s = SpecById(id);
  return s == nullptr ? std::string(id) : s->name;
}

std::vector<std::string> PrintedTableTitles(const NormalizedDocument& nd,
                                            const ReportMeta& meta) {
  std::string kind = SpecKind(meta);
  std::set<std::string> ids;
  for (size_t b = 0; b < nd.blocks.size(); ++b) {
    BlockKind k = nd.doc.blocks[b].kind;
    if (k == BlockKind::kTable || k == BlockKind::kChart) continue;
    const std::string& text = nd.blocks[b].text;
    if (text.empty() || CountCodePoints(text) > 40) continue;
    // A list entry ("七、政府性基金支出预算表") is a table of contents.
    HeadingLabel label;
    if (ParseHeadingLabel(text, &label) && label.style != "title") continue;
    std::string folded = Fold(text);
    // "公开09表", "表9" before the title.
    size_t len = 0;
    const TableSpec* s = MatchTitle(folded, kind, &len);
    if (s == nullptr || s->kind != kind) continue;
    // The line is the title: little else is printed on it.
    if (len * 10 < folded.size() * 6) continue;
    ids.insert(s->id);
  }
  return {ids.begin(), ids.end()};
}

std::string DebugString(const TableFacts& tf) {
  std::string out;
  for (size_t i = 0; i < tf.tables.size(); ++i) {
    const RecognizedTable& t = tf.tables[i];
    out += "table " + std::to_string(i) + " t" + std::to_string(t.table) + " " +
           (t.canonical_id.empty() ? "-" : t.canonical_id) + " '" + t.title +
           "' unit=" + (t.unit.empty() ? "?" : t.unit) +
           " scale=" + std::to_string(t.amount_scale);
    if (t.empty) out += t.empty_statement ? " empty(stated)" : " empty";
    out += "\n  columns:";
    for (const ColumnRole& c : t.columns) {
      out += " " + std::to_string(c.column) + "=" +
             (c.role.empty() ? "?" : c.role);
      if (!c.basis.empty() && c.basis != "actual" && c.role != "label" &&
          c.role != "code") {
        out += "/" + c.basis;
      }
    }
    out += "\n";
  }
  for (const Fact& f : tf.facts) {
    std::string id =
        f.table >= 0 && static_cast<size_t>(f.table) < tf.tables.size()
            ? tf.tables[static_cast<size_t>(f.table)].canonical_id
            : "?";
    out += id + " r" + std::to_string(f.where.row) + "c" +
           std::to_string(f.where.column) + " " + f.metric;
    if (f.measure != Measure::kAmount)
      out += " " + std::string(MeasureName(f.measure));
    out += " " + f.basis;
    if (f.year > 0) out += " " + std::to_string(f.year);
    out += " " + f.fund;
    if (!f.code.empty()) out += " " + f.code_scheme + ":" + f.code;
    out += " = " + f.value.ToString() + " (" + f.printed.ToString() + f.unit +
           ") [" + f.column + "] " + f.label + "\n";
  }
  for (const Finding& f : tf.findings) {
    out += std::string(SeverityName(f.severity)) + " " + f.rule + ": " +
           f.message + "\n";
  }
  return out;
}

}  // namespace budgetdoc
