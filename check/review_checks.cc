// The disclosure reviewer's checklist (issue 13): what a finance-bureau
// reviewer checks besides the numbers — the year a sentence compares with,
// class names of another catalog year, a "本表为空" note under a table with
// figures, doubled or missing sentence punctuation, unbalanced quotation
// marks, blank pages, text that does not render, parts out of the mandated
// order, and a 单位 report calling itself 部门. Every rule binds only where
// the text is unambiguous: a false alarm costs a reader more than a missed
// warning, so what cannot be read one way is left alone.
// Tested by tests/check/review_checks_test.cc.
#include "base/utf8.h"
#include "check/families.h"
#include "check/review_text.h"
#include "check/rules.h"
#include "schema/classification.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace {

// Words that make "比YYYY年…" a comparison.
constexpr std::string_view kComparisonWords[] = {
    "增加", "减少", "增长", "下降", "上升",   "降低",   "持平", "提高",
    "节约", "相比", "相较", "比较", "无增减", "无变化", "减幅", "增幅"};

class ReviewChecks : public CheckContext {
 public:
  explicit ReviewChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckComparisonYears();
    CheckFormerClassNames();
    CheckEmptyNotes();
    CheckPunctuation();
    CheckQuotes();
    CheckBlankPages();
    CheckUnrenderable();
    CheckSectionOrder();
    CheckScopeSelfReference();
  }

 private:
  bool IsProse(size_t b) const {
    BlockKind k = nd_.doc.blocks[b].kind;
    return (k == BlockKind::kParagraph || k == BlockKind::kListItem) &&
           !nd_.blocks[b].text.empty();
  }
  bool IsText(size_t b) const {
    BlockKind k = nd_.doc.blocks[b].kind;
    return k != BlockKind::kTable && k != BlockKind::kChart &&
           !nd_.blocks[b].text.empty();
  }

  // Evidence for bytes [begin, end) of block b that quotes the sentence
  // around them rather than the start of the paragraph.
  Evidence SentenceEvidence(size_t b, size_t begin, size_t end) const {
    Evidence e = TextEvidence(static_cast<int>(b), static_cast<int>(begin),
                              static_cast<int>(end));
    const std::string& t = nd_.blocks[b].text;
    size_t sb = SentenceBegin(t, begin), se = SentenceEnd(t, end);
    e.quote = Ellipsize(std::string_view(t).substr(sb, se - sb), 120);
    if (!e.location.empty() && e.where.page > 0)
      e.location = "第" + std::to_string(e.where.page) + "页 " + e.location;
    return e;
  }

  Evidence CellEvidence(int table, int row, int col) const {
    Evidence e;
    const Table& tb = nd_.doc.tables[static_cast<size_t>(table)];
    const Cell& cell =
        tb.rows[static_cast<size_t>(row)][static_cast<size_t>(col)];
    e.value = cell.text;
    e.quote = Ellipsize(cell.text, 120);
    e.origin = "table";
    e.where.table = table;
    e.where.row = row;
    e.where.column = col;
    e.where.page =
        cell.page > 0 ? cell.page : (tb.pages.empty() ? 0 : tb.pages.front());
    std::string title = tb.title;
    for (const RecognizedTable* rt : TablesOf(table)) {
      if (!rt->name.empty()) title = rt->name;
    }
    e.location = (e.where.page > 0 ? "第" + std::to_string(e.where.page) + "页 "
                                   : std::string()) +
                 "表「" + title + "」第" + std::to_string(row + 1) + "行第" +
                 std::to_string(col + 1) + "列";
    return e;
  }

  // ---- review.comparison_year ----

  // A budget for year Y compares with Y-1; a final account for Y with
  // Y-1 (决算) or with Y's own 年初预算/调整预算. Sentences about another
  // period (another year, or 上年, before the comparison) are left alone,
  // and so are dates (2024年12月31日, 2024年末), ranges (2021-2025年) and
  // comparisons with years before Y-1 (several-year comparisons).
  void CheckComparisonYears() {
    const int y = ex_.meta.fiscal_year;
    const std::string& kind = ex_.meta.kind;
    if (y == 0 || (kind != "budget" && kind != "final_accounts")) return;
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      if (!IsText(b)) continue;
      const std::string& t = nd_.blocks[b].text;
      for (size_t p = t.find("年"); p != std::string::npos;
           p = t.find("年", p + 1)) {
        if (p < 4) continue;
        size_t at = p - 4;
        int c = YearAt(t, at);
        if (c == 0) continue;
        size_t marker = at;
        if (EndsWithAt(t, at, "比")) {
          marker = at - 3;
        } else if (EndsWithAt(t, at, "较")) {
          marker = at - 3;
        } else if (EndsWithAt(t, at, "与") || EndsWithAt(t, at, "同")) {
          marker = at - 3;
        } else if (EndsWithAt(t, at, "较于") || EndsWithAt(t, at, "比于")) {
          marker = at - 6;
        } else {
          continue;
        }
        size_t after = p + 3;
        if (StartsWithAt(t, after, "度")) after += 3;
        // A date, a point in the year or a range: not a year compared with.
        if (after < t.size() && t[after] >= '0' && t[after] <= '9') continue;
        bool point = false;
        for (std::string_view w : {"初", "末", "底", "中", "上半年", "下半年",
                                   "同期", "前", "以来", "-", "—", "至", "~"})
          point |= StartsWithAt(t, after, w);
        if (point) continue;
        size_t sb = SentenceBegin(t, marker), se = SentenceEnd(t, after);
        // Another period is the subject (the last year the sentence names
        // before the comparison): leave the comparison alone.
        int subject = 0;
        for (size_t q = sb; q < marker; ++q) {
          if (int s = YearAt(t, q); s != 0) subject = s;
        }
        bool other_subject = subject != 0 && subject != y;
        std::string_view before(t.data() + sb, marker - sb);
        if (Contains(before, "上年") || Contains(before, "上一年") ||
            Contains(before, "去年"))
          other_subject = true;
        if (other_subject) continue;
        std::string_view rest(t.data() + after, se - after);
        size_t word_end = std::string_view::npos;
        for (std::string_view w : kComparisonWords) {
          size_t q = rest.find(w);
          if (q != std::string_view::npos && q < 90)
            word_end = std::min(word_end, q + w.size());
        }
        if (word_end == std::string_view::npos) continue;
        bool vs_budget = StartsWithAt(t, after, "预算") ||
                         StartsWithAt(t, after, "年初预算") ||
                         StartsWithAt(t, after, "调整预算") ||
                         StartsWithAt(t, after, "全年预算") ||
                         StartsWithAt(t, after, "调整后预算");
        Outcome o;
        if (kind == "budget") {
          if (c == y - 1) {
            o = Outcome::kPass;
          } else if (c >= y) {
            o = Outcome::kFail;
          } else {
            continue;
          }
        } else {
          if (c > y || (c == y && !vs_budget)) {
            o = Outcome::kFail;
          } else if ((c == y && vs_budget) || (c == y - 1 && !vs_budget)) {
            o = Outcome::kPass;
          } else {
            continue;
          }
        }
        std::string phrase = t.substr(marker, after - marker + word_end);
        CheckResult r;
        r.rule = "review.comparison_year";
        r.outcome = o;
        r.printed = std::to_string(c) + "年";
        r.expected = kind == "budget" ? std::to_string(y - 1) + "年"
                                      : std::to_string(y - 1) + "年（决算）或" +
                                            std::to_string(y) + "年（预算）";
        if (opts_.english) {
          r.message =
              (o == Outcome::kPass ? "compares with "
                                   : "wrong comparison "
                                     "year: ") +
              std::string("\"") + phrase + "\" in a " + std::to_string(y) +
              (kind == "budget"
                   ? " budget, which compares with " + std::to_string(y - 1)
                   : " final account, which compares with " +
                         std::to_string(y - 1) + " actuals or its own " +
                         std::to_string(y) + " budget");
        } else {
          r.message = kind == "budget"
                          ? (o == Outcome::kPass ? "比较年度正确：“"
                                                 : "比较年度有误：“") +
                                phrase + "”，" + std::to_string(y) +
                                "年预算应与" + std::to_string(y - 1) + "年比较"
                          : (o == Outcome::kPass ? "比较年度正确：“"
                                                 : "比较年度有误：“") +
                                phrase + "”，" + std::to_string(y) +
                                "年决算应与" + std::to_string(y - 1) +
                                "年决算或本年（" + std::to_string(y) +
                                "年）预算比较";
        }
        r.evidence = {SentenceEvidence(b, marker, after + word_end)};
        Add(std::move(r));
      }
    }
  }

  // ---- review.former_class_name ----

  struct FormerEntry {
    std::string name;       // the former name as in the catalog
    std::string canonical;  // CanonicalClassName, trailing 支出 dropped
    std::string current;    // the code's current name
    std::string code;
    std::vector<FormerName> spans;  // years the name was in use
  };

  static std::string WithoutZhiChu(std::string s) {
    if (s.size() > 6 && s.compare(s.size() - 6, 6, "支出") == 0)
      s.resize(s.size() - 6);
    return s;
  }

  std::vector<FormerEntry> FormerNames() const {
    const ClassificationCatalog& cat = ClassificationCatalog::Default();
    std::map<std::string, FormerEntry> by_name;
    for (const ClassItem& item : cat.items()) {
      if (item.scheme != ClassScheme::kFunc) continue;
      for (const FormerName& f : item.former_names) {
        std::string key = WithoutZhiChu(CanonicalClassName(f.name));
        FormerEntry& e = by_name[key];
        if (e.name.empty()) {
          e.name = f.name;
          e.canonical = key;
          e.current = item.name;
          e.code = item.code;
        }
        e.spans.push_back(f);
      }
    }
    // A name that is also the current name of some item is no evidence.
    std::vector<FormerEntry> out;
    for (auto& [key, e] : by_name) {
      bool current = false;
      for (const ClassItem* it : cat.FindByName(e.name)) {
        current |= WithoutZhiChu(CanonicalClassName(it->name)) == key;
      }
      if (!current) out.push_back(std::move(e));
    }
    return out;
  }

  void CheckFormerClassNames() {
    const int y = ex_.meta.fiscal_year;
    if (y == 0 || ex_.meta.is_template) return;
    std::vector<FormerEntry> former = FormerNames();
    std::map<std::string, std::vector<Evidence>> places;  // by former name
    // Table cells: the whole cell is the name (after its code and markers).
    for (size_t t = 0; t < nd_.doc.tables.size(); ++t) {
      const Table& tb = nd_.doc.tables[t];
      for (size_t r = 0; r < tb.rows.size(); ++r) {
        for (size_t c = 0; c < tb.rows[r].size(); ++c) {
          const Cell& cell = tb.rows[r][c];
          if (cell.covered || cell.text.empty()) continue;
          std::string key = WithoutZhiChu(CanonicalClassName(cell.text));
          for (const FormerEntry& e : former) {
            if (key == e.canonical)
              places[e.canonical].push_back(CellEvidence(static_cast<int>(t),
                                                         static_cast<int>(r),
                                                         static_cast<int>(c)));
          }
        }
      }
    }
    // Prose: a long former name standing as a name, or a short one marked
    // as a class ("扶贫（款）").
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      if (!IsText(b)) continue;
      const std::string& t = nd_.blocks[b].text;
      for (const FormerEntry& e : former) {
        bool long_name = CountCodePoints(e.canonical) >= 6;
        for (size_t p = t.find(e.canonical); p != std::string::npos;
             p = t.find(e.canonical, p + 1)) {
          size_t end = p + e.canonical.size();
          if (StartsWithAt(t, end, "支出")) end += 6;
          char32_t prev = CharBefore(t, p);
          static constexpr std::u32string_view kJoin = U"于的为是中括及和在即";
          if (IsCjkIdeograph(prev) &&
              kJoin.find(prev) == std::u32string_view::npos)
            continue;
          bool marked =
              StartsWithAt(t, end, "（类）") ||
              StartsWithAt(t, end, "（款）") ||
              StartsWithAt(t, end, "（项）") || StartsWithAt(t, end, "(类)") ||
              StartsWithAt(t, end, "(款)") || StartsWithAt(t, end, "(项)");
          char32_t next = CharAt(t, end);
          if (!marked && (!long_name || IsCjkIdeograph(next))) continue;
          places[e.canonical].push_back(SentenceEvidence(b, p, end));
        }
      }
    }
    for (const FormerEntry& e : former) {
      auto it = places.find(e.canonical);
      if (it == places.end()) continue;
      bool valid = false;
      std::string years;
      for (const FormerName& f : e.spans) {
        valid |= f.Covers(y);
        if (!years.empty()) years += "、";
        years += (f.from_year ? std::to_string(f.from_year) : "") + "—" +
                 (f.to_year ? std::to_string(f.to_year) : "");
      }
      CheckResult r;
      r.rule = "review.former_class_name";
      r.outcome = valid ? Outcome::kPass : Outcome::kFail;
      r.printed = e.name;
      r.expected = e.current;
      r.places = static_cast<int>(it->second.size());
      if (opts_.english) {
        r.message = "class name \"" + e.name + "\" (" + e.code + ") is " +
                    (valid ? "the name in use in " + std::to_string(y)
                           : "a former name (used " + years + "); the " +
                                 std::to_string(y) + " catalog has \"" +
                                 e.current + "\"");
      } else {
        r.message =
            valid
                ? "科目名称“" + e.name + "”为" + std::to_string(y) +
                      "年适用的名称"
                : "科目名称“" + e.name + "”（" + e.code + "）为旧科目名称（" +
                      years + "年使用），" + std::to_string(y) + "年科目为“" +
                      e.current + "”" +
                      (r.places > 1 ? "（共" + std::to_string(r.places) + "处）"
                                    : "");
      }
      std::vector<Evidence>& ev = it->second;
      if (ev.size() > 5) ev.resize(5);
      r.evidence = std::move(ev);
      Add(std::move(r));
    }
  }

  // ---- review.empty_note_with_figures ----

  // The block index of document table t, or -1.
  int BlockOfTable(int t) const {
    for (size_t b = 0; b < nd_.doc.blocks.size(); ++b) {
      if (nd_.doc.blocks[b].kind == BlockKind::kTable &&
          nd_.doc.blocks[b].table == t)
        return static_cast<int>(b);
    }
    return -1;
  }

  void CheckEmptyNotes() {
    if (ex_.meta.is_template) return;
    for (const RecognizedTable& rt : ex_.tables) {
      if (rt.canonical_id.empty() || rt.table < 0) continue;
      const Table& tb = nd_.doc.tables[static_cast<size_t>(rt.table)];
      std::string title = rt.title.empty() ? tb.title : rt.title;
      // The note: a row of the grid, else the first text block after it.
      Evidence note;
      bool found = false;
      const auto& cells = nd_.cells[static_cast<size_t>(rt.table)];
      for (size_t r = 0; r < cells.size() && !found; ++r) {
        for (size_t c = 0; c < cells[r].size() && !found; ++c) {
          if (EmptyNoteBinds(cells[r][c], title)) {
            note = CellEvidence(rt.table, static_cast<int>(r),
                                static_cast<int>(c));
            found = true;
          }
        }
      }
      int tb_block = BlockOfTable(rt.table);
      if (!found && tb_block >= 0 &&
          static_cast<size_t>(tb_block) + 1 < nd_.blocks.size()) {
        size_t b = static_cast<size_t>(tb_block) + 1;
        if (IsText(b) && nd_.doc.blocks[b].kind != BlockKind::kHeading &&
            EmptyNoteBinds(nd_.blocks[b].text, title)) {
          note = SentenceEvidence(b, 0, nd_.blocks[b].text.size());
          note.quote = Ellipsize(nd_.blocks[b].text, 120);
          found = true;
        }
      }
      if (!found) continue;
      CheckResult r;
      r.rule = "review.empty_note_with_figures";
      r.outcome = rt.empty ? Outcome::kPass : Outcome::kFail;
      // A nonzero figure of a value column, for the evidence.
      Evidence figure;
      bool have_figure = false;
      for (const ColumnRole& role : rt.columns) {
        if (role.basis.empty() || have_figure) continue;
        for (size_t row = static_cast<size_t>(tb.header_rows);
             row < tb.rows.size() && !have_figure; ++row) {
          const Cell& cell = tb.rows[row][static_cast<size_t>(role.column)];
          if (cell.covered || cell.state() != CellState::kNumber) continue;
          figure = CellEvidence(rt.table, static_cast<int>(row), role.column);
          have_figure = true;
        }
      }
      if (opts_.english) {
        r.message = rt.empty ? "empty table " + title + " carries its note"
                             : "table " + title + " says it is empty (\"" +
                                   note.quote + "\") but prints figures" +
                                   (have_figure ? " (" + figure.value + ")"
                                                : std::string());
      } else {
        r.message = rt.empty ? "空表“" + title + "”注明为空"
                             : "表“" + title + "”注明“" + note.quote +
                                   "”，但表中有非零数字" +
                                   (have_figure ? "（如“" + figure.value + "”）"
                                                : std::string());
      }
      r.evidence = {note};
      if (have_figure) r.evidence.push_back(figure);
      Add(std::move(r));
    }
  }

  // ---- review.punctuation ----

  void CheckPunctuation() {
    static constexpr std::string_view kDoubled[] = {"。。", "，，", "；；",
                                                    "、、", "：："};
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      if (!IsText(b)) continue;
      const std::string& t = nd_.blocks[b].text;
      for (std::string_view d : kDoubled) {
        for (size_t p = t.find(d); p != std::string::npos;
             p = t.find(d, p + d.size())) {
          // Three or more in a row is a leader or a makeshift ellipsis.
          std::string_view one = d.substr(0, 3);
          if (EndsWithAt(t, p, one) || StartsWithAt(t, p + d.size(), one))
            continue;
          CheckResult r;
          r.rule = "review.punctuation";
          r.outcome = Outcome::kFail;
          r.printed = std::string(d);
          r.slip = std::string(d);
          r.message = opts_.english
                          ? "punctuation doubled: \"" + std::string(d) + "\""
                          : "标点重复：“" + std::string(d) + "”";
          r.evidence = {SentenceEvidence(b, p, p + d.size())};
          Add(std::move(r));
        }
      }
    }
    // A paragraph that is a sentence ends with its punctuation. Only a
    // paragraph followed by a heading is judged: before another paragraph
    // a missing end may be a paragraph split by a page or a table.
    for (size_t b = 0; b + 1 < nd_.blocks.size(); ++b) {
      if (!IsProse(b)) continue;
      if (nd_.doc.blocks[b + 1].kind != BlockKind::kHeading) continue;
      const std::string& t = nd_.blocks[b].text;
      if (CountCodePoints(t) < 20 || !Contains(t, "，")) continue;
      // A heading that the layout did not mark as one.
      HeadingLabel label;
      if (ParseHeadingLabel(t, &label)) continue;
      char32_t last = CharBefore(t, t.size());
      if (!IsCjkIdeograph(last)) continue;
      CheckResult r;
      r.rule = "review.punctuation";
      r.outcome = Outcome::kFail;
      size_t from = t.size();
      for (int i = 0; i < 6 && from > 0; ++i) {
        --from;
        while (from > 0 && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80)
          --from;
      }
      std::string tail = t.substr(from);
      r.message = opts_.english
                      ? "paragraph ends without punctuation: \"…" + tail + "\""
                      : "段末缺少标点：“…" + tail + "”";
      r.evidence = {SentenceEvidence(b, from, t.size())};
      Add(std::move(r));
    }
  }

  // ---- review.unbalanced_quotes ----

  void CheckQuotes() {
    struct Pair {
      std::string_view open, close;
    };
    static constexpr Pair kPairs[] = {
        {"“", "”"}, {"「", "」"}, {"《", "》"}, {"『", "』"}};
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      // Only a whole paragraph: it ends a sentence and so does the text
      // before it (a paragraph split by a line, a page or a table may carry
      // half a quotation).
      if (!IsText(b) || !EndsSentence(nd_.blocks[b].text)) continue;
      if (b > 0 && IsText(b - 1) && !EndsSentence(nd_.blocks[b - 1].text) &&
          nd_.doc.blocks[b - 1].kind != BlockKind::kHeading)
        continue;
      const std::string& t = nd_.blocks[b].text;
      for (const Pair& pr : kPairs) {
        // Depth through the paragraph: a close without an open, or an open
        // left unclosed at the end.
        int depth = 0;
        size_t bad = std::string::npos, last_open = std::string::npos;
        for (size_t p = 0; p < t.size(); ++p) {
          if (StartsWithAt(t, p, pr.open)) {
            ++depth;
            last_open = p;
          } else if (StartsWithAt(t, p, pr.close)) {
            if (--depth < 0) {
              bad = p;
              break;
            }
          }
        }
        if (bad == std::string::npos && depth > 0) bad = last_open;
        if (bad == std::string::npos) continue;
        bool missing_close = depth > 0;
        CheckResult r;
        r.rule = "review.unbalanced_quotes";
        r.outcome = Outcome::kFail;
        std::string mark(missing_close ? pr.open : pr.close);
        std::string other(missing_close ? pr.close : pr.open);
        r.message = opts_.english ? "quotation mark " + mark + " without its " +
                                        other + " in the paragraph"
                                  : "引号/书名号不配对：段落中有“" + mark +
                                        "”而无对应的“" + other + "”";
        r.evidence = {SentenceEvidence(b, bad, bad + mark.size())};
        r.slip = mark;
        Add(std::move(r));
      }
    }
  }

  // ---- review.blank_page ----

  void CheckBlankPages() {
    for (const Page& p : nd_.doc.pages) {
      if (!p.blank || p.unreadable || p.ocr) continue;
      CheckResult r;
      r.rule = "review.blank_page";
      r.outcome = Outcome::kFail;
      r.message = opts_.english
                      ? "page " + std::to_string(p.number) + " is blank"
                      : "第" + std::to_string(p.number) + "页为空白页";
      Evidence e;
      e.where.page = p.number;
      e.location = "第" + std::to_string(p.number) + "页";
      e.origin = "page";
      r.evidence = {e};
      Add(std::move(r));
    }
  }

  // ---- review.unrenderable_text ----

  void CheckUnrenderable() {
    auto run_in = [](std::string_view t, size_t* begin, size_t* end) {
      for (size_t p = 0; p < t.size();) {
        size_t at = p;
        char32_t c = DecodeUtf8(t, &p);
        bool cid = c == '(' && StartsWithAt(t, at, "(cid:");
        if (!IsUnrenderable(c) && !cid) continue;
        *begin = at;
        size_t q = cid ? t.find(')', at) + 1 : p;
        // Extend over the run.
        while (q < t.size()) {
          size_t n = q;
          char32_t d = DecodeUtf8(t, &n);
          if (IsUnrenderable(d)) {
            q = n;
          } else if (StartsWithAt(t, q, "(cid:") &&
                     t.find(')', q) != std::string_view::npos) {
            q = t.find(')', q) + 1;
          } else {
            break;
          }
        }
        *end = q;
        return true;
      }
      return false;
    };
    auto add = [&](const std::string& run, std::vector<Evidence> ev) {
      CheckResult r;
      r.rule = "review.unrenderable_text";
      r.outcome = Outcome::kFail;
      int n = static_cast<int>(CountCodePoints(run));
      r.message = opts_.english
                      ? "text that does not render (" + std::to_string(n) +
                            " characters: replacement, private-use or "
                            "unmapped glyphs)"
                      : "存在无法正常显示的字符（" + std::to_string(n) +
                            "个：替换符、私用区字符或无编码字形）";
      r.evidence = std::move(ev);
      Add(std::move(r));
    };
    for (size_t b = 0; b < nd_.doc.blocks.size(); ++b) {
      if (!IsText(b)) continue;
      const std::string& raw = nd_.doc.blocks[b].text;
      size_t begin = 0, end = 0;
      if (!run_in(raw, &begin, &end)) continue;
      // Quote the normalized sentence at the same place.
      const NormalizedText& nt = nd_.blocks[b];
      size_t nb = 0;
      while (nb < nt.text.size() && nt.ToRaw(nb) < begin) ++nb;
      size_t ne = nb;
      while (ne < nt.text.size() && nt.ToRaw(ne) < end) ++ne;
      add(raw.substr(begin, end - begin), {SentenceEvidence(b, nb, ne)});
    }
    for (size_t t = 0; t < nd_.doc.tables.size(); ++t) {
      const Table& tb = nd_.doc.tables[t];
      for (size_t r = 0; r < tb.rows.size(); ++r) {
        for (size_t c = 0; c < tb.rows[r].size(); ++c) {
          size_t begin = 0, end = 0;
          const std::string& text = tb.rows[r][c].text;
          if (!run_in(text, &begin, &end)) continue;
          add(text.substr(begin, end - begin),
              {CellEvidence(static_cast<int>(t), static_cast<int>(r),
                            static_cast<int>(c))});
        }
      }
    }
  }

  // ---- review.section_order ----

  // Two consecutively numbered sibling headings (二、 then 三、) whose topics
  // stand in the reverse of the mandated order.
  void CheckSectionOrder() {
    const std::vector<Section>& secs = nd_.sections.sections;
    for (const Section& parent : secs) {
      for (size_t i = 1; i < parent.children.size(); ++i) {
        const Section& a = secs[static_cast<size_t>(parent.children[i - 1])];
        const Section& b = secs[static_cast<size_t>(parent.children[i])];
        if (a.style != b.style || a.ordinal <= 0 || b.ordinal != a.ordinal + 1)
          continue;
        SectionRank ra = SectionRankOf(a.title), rb = SectionRankOf(b.title);
        if (ra.scale == 0 || ra.scale != rb.scale) continue;
        CheckResult r;
        r.rule = "review.section_order";
        r.outcome = rb.rank < ra.rank ? Outcome::kFail : Outcome::kPass;
        std::string ha = a.label + a.title, hb = b.label + b.title;
        if (opts_.english) {
          r.message = rb.rank < ra.rank ? "\"" + hb + "\" comes after \"" + ha +
                                              "\"; the mandated order puts it "
                                              "first"
                                        : "\"" + ha + "\" then \"" + hb +
                                              "\": in the mandated order";
        } else {
          r.message =
              rb.rank < ra.rank
                  ? "章节顺序不符合规定：“" + hb + "”应在“" + ha + "”之前"
                  : "“" + ha + "”与“" + hb + "”顺序符合规定";
        }
        Evidence ea = TextEvidence(a.block, 0, 0),
                 eb = TextEvidence(b.block, 0, 0);
        ea.quote = ha;
        eb.quote = hb;
        r.evidence = {ea, eb};
        Add(std::move(r));
      }
    }
  }

  // ---- review.scope_self_reference ----

  // A 单位 report (its title says 单位 and not 部门) that calls itself
  // "本部门". The reverse is not checked: a 部门 made of one unit rightly
  // says "本单位", and a 部门 report speaks of its units.
  void CheckScopeSelfReference() {
    if (ex_.meta.scope != "单位" || ex_.meta.is_template) return;
    const std::string& title = ex_.meta.title;
    if (!title.empty() && (!Contains(title, "单位") || Contains(title, "部门")))
      return;
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      if (!IsText(b)) continue;
      const std::string& t = nd_.blocks[b].text;
      for (size_t p = t.find("本部门"); p != std::string::npos;
           p = t.find("本部门", p + 1)) {
        size_t end = p + 9;
        if (StartsWithAt(t, end, "（单位）") ||
            StartsWithAt(t, end, "(单位)") || StartsWithAt(t, end, "/单位") ||
            StartsWithAt(t, end, "和单位") || StartsWithAt(t, end, "及单位") ||
            StartsWithAt(t, end, "、单位") || StartsWithAt(t, end, "所属") ||
            StartsWithAt(t, end, "及所属"))
          continue;
        CheckResult r;
        r.rule = "review.scope_self_reference";
        r.outcome = Outcome::kFail;
        r.message = opts_.english ? "a 单位 report calls itself 本部门"
                                  : "单位报告正文自称“本部门”，应为“本单位”";
        r.evidence = {SentenceEvidence(b, p, end)};
        Add(std::move(r));
      }
    }
  }
};

}  // namespace

void RunReviewChecks(const CheckContext& cx) { ReviewChecks(cx).Run(); }

}  // namespace budgetdoc
