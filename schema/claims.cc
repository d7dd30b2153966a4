#include "schema/claims.h"

#include "base/utf8.h"
#include "schema/class_path.h"
#include "schema/classification.h"
#include "schema/embedded_data.h"
#include "schema/money.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

namespace budgetdoc {
namespace {

// Bounded look-back: the words that give a value its role and subject stand
// close before it. Keeps reading linear in the length of a sentence.
constexpr size_t kMaxLeadBytes = 240;
constexpr size_t kMaxSentenceLookBack = 720;

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool EndsWith(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}

bool StartsWith(std::string_view s, std::string_view w) {
  return s.substr(0, w.size()) == w;
}

// Moves `pos` back to a UTF-8 character boundary.
size_t CharBoundary(std::string_view t, size_t pos) {
  while (pos > 0 && pos < t.size() &&
         (static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

// Position just after the last occurrence of any of `words` in s, or npos.
size_t LastOf(std::string_view s, std::initializer_list<std::string_view> words,
              std::string_view* which = nullptr) {
  size_t best = std::string_view::npos, best_end = 0;
  for (std::string_view w : words) {
    size_t p = s.rfind(w);
    if (p != std::string_view::npos &&
        (best == std::string_view::npos || p + w.size() > best_end)) {
      best = p;
      best_end = p + w.size();
      if (which != nullptr) *which = w;
    }
  }
  return best == std::string_view::npos ? std::string_view::npos : best_end;
}

struct Span {
  int begin = 0, end = 0;
};

// The last subject lying wholly in [from, to], if any. REQUIRES: subjects
// sorted by position and not overlapping (as FindSubjects and Heads give
// them): a binary search, not a scan of a long block's every subject per
// value.
std::optional<SubjectMatch> LastSubjectIn(
    const std::vector<SubjectMatch>& subjects, int from, int to) {
  auto after =
      std::partition_point(subjects.begin(), subjects.end(),
                           [&](const SubjectMatch& s) { return s.end <= to; });
  if (after == subjects.begin() || std::prev(after)->begin < from) {
    return std::nullopt;
  }
  return *std::prev(after);
}

// Sentences end at 。！？ (；，： only end clauses).
std::vector<Span> SplitSentences(std::string_view t) {
  static constexpr std::string_view kEnds[] = {"。", "！", "？", "!", "?"};
  std::vector<Span> out;
  size_t start = 0, i = 0;
  while (i < t.size()) {
    size_t len = 0;
    if (t[i] == '!' || t[i] == '?') {
      len = 1;
    } else if (static_cast<unsigned char>(t[i]) == 0xE3 ||
               static_cast<unsigned char>(t[i]) == 0xEF) {
      for (std::string_view e : kEnds) {
        if (t.substr(i, e.size()) == e) len = e.size();
      }
    }
    if (len > 0) {
      out.push_back({static_cast<int>(start), static_cast<int>(i + len)});
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  if (start < t.size())
    out.push_back({static_cast<int>(start), static_cast<int>(t.size())});
  return out;
}

// Clause delimiters; a delimiter inside a printed number ("1,234.50") is
// not one (callers skip mention spans).
size_t DelimiterAt(std::string_view t, size_t i) {
  if (t[i] == ',' || t[i] == ';' || t[i] == ':') return 1;
  for (std::string_view d : {"，", "；", "：", "、"}) {
    if (t.substr(i, d.size()) == d) return d.size();
  }
  return 0;
}

// Strips verbs and connectives printed between a subject and its number:
// "公务接待费支出决算为" → "公务接待费".
std::string StripLead(std::string_view s) {
  static constexpr std::string_view kTails[] = {
      "支出决算数为", "支出决算为", "决算数为", "预算数为",
      "支出决算",     "决算为",     "预算为",   "支出为",
      "共计",         "合计为",     "总额为",   "金额为",
      "安排",         "合计",       "总计",     "小计",
      "预算",         "决算",       "全年",     "年初",
      "调整后",       "调整",       "为",       "是",
      "达",           "约",         "共",       "计",
      "均",           "各",         "”",        "\""};
  std::string out(s);
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view t : kTails) {
      if (out.size() >= t.size() && EndsWith(out, t)) {
        out.resize(out.size() - t.size());
        changed = true;
      }
    }
  }
  // Drop a leading year phrase ("2023年度", "2023年").
  size_t y = out.find("年度");
  if (y != std::string::npos && y <= 4) out = out.substr(y + 6);
  if (out.size() >= 7 && out.substr(4, 3) == "年" &&
      std::all_of(out.begin(), out.begin() + 4,
                  [](char c) { return c >= '0' && c <= '9'; })) {
    out = out.substr(7);
  }
  for (std::string_view q : {"“", "\""}) {
    if (StartsWith(out, q)) out = out.substr(q.size());
  }
  // What is left may name only the measure ("2022年当年预算执行数为…",
  // "本年预算安排…"): that is a basis, not a subject.
  static constexpr std::string_view kMeasureOnly[] = {
      "当年预算执行数", "预算执行数", "当年执行数", "执行数",
      "预算执行",       "当年",       "本年",       "上年",
      "去年",           "本年度",     "上年度"};
  for (std::string_view m : kMeasureOnly) {
    if (out == m) return "";
  }
  return out;
}

// Words that may stand between a subject and its number.
bool IsConnective(std::string_view between) {
  static constexpr std::string_view kWords[] = {
      "支出决算数为", "支出决算为", "决算数为", "预算数为", "预算数", "决算数",
      "支出决算",     "支出预算",   "决算为",   "预算为",   "支出为", "收入为",
      "共计",         "合计为",     "总额为",   "金额为",   "合计",   "总计",
      "小计",         "预算",       "决算",     "支出",     "收入",   "资金",
      "为",           "是",         "达",       "约",       "共",     "计",
      "均",           "各",         "的",       "数",       "本年",   "年初",
      "全年",         "占比",       "占",       " ",        "增加",   "减少",
      "增长",         "下降",       "降低",     "上升",     "提高",   "节约",
      "持平",         "比",         "较",       "同比",     "上年度", "上年",
      "年度",         "年",         "相比",     "与",       "安排",   "当年",
      "执行数",       "执行",       "”",        "\""};
  std::string_view rest = between;
  bool changed = true;
  while (!rest.empty() && changed) {
    changed = false;
    if (rest[0] >= '0' && rest[0] <= '9') {
      rest.remove_prefix(1);
      changed = true;
      continue;
    }
    for (std::string_view w : kWords) {
      if (rest.substr(0, w.size()) == w) {
        rest.remove_prefix(w.size());
        changed = true;
        break;
      }
    }
  }
  return rest.empty();
}

// True when `prefix` (the clause text before a vocabulary term) narrows the
// term: anything beyond years, the reporting body's name, list numbers and
// connectives ("其中", "本部门"). "其他资金收入预算总计" is not 收入预算总计.
bool IsQualifier(std::string_view prefix, std::string_view entity) {
  std::string p(prefix);
  if (!entity.empty()) {
    size_t at = p.find(entity);
    if (at != std::string::npos) p.erase(at, entity.size());
  }
  static constexpr std::string_view kDrop[] = {
      "其中", "此外", "另外",   "本部门", "本单位", "我部门", "我单位", "部门",
      "单位", "全年", "本年",   "当年",   "年度",   "年",     "度",     "预算",
      "决算", "年初", "调整后", "“",      "”",      "\"",     " ",      ".",
      "、",   "（",   "）",     "(",      ")",      "其",     "各项"};
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view d : kDrop) {
      size_t at = p.find(d);
      if (at != std::string::npos) {
        p.erase(at, d.size());
        changed = true;
      }
    }
    size_t i = 0;
    while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
    if (i > 0) {
      p.erase(0, i);
      changed = true;
    }
  }
  if (p.empty()) return false;
  // An organization name the metadata did not catch ("…财政局", "…办公室").
  static constexpr std::string_view kOrgEnds[] = {
      "办公室", "办公厅", "委员会", "办事处", "人民政府", "政府", "局",
      "院",     "厅",     "中心",   "委",     "部",       "会",   "所"};
  for (std::string_view e : kOrgEnds) {
    if (p.size() >= e.size() &&
        p.compare(p.size() - e.size(), e.size(), e) == 0 &&
        CountCodePoints(p) >= 3) {
      return false;
    }
  }
  return CountCodePoints(p) >= 2;
}

// The direction word closest before the number, if any ("增加（减少）" for
// template residue whose sign is unknown).
std::string DirectionIn(std::string_view lead) {
  for (std::string_view t : {"增加（减少）", "减少（增加）", "增长（下降）",
                             "下降（增长）", "增加(减少)", "增长(下降)"}) {
    size_t at = lead.rfind(t);
    if (at != std::string_view::npos && CountCodePoints(lead.substr(at)) <= 8)
      return "增加（减少）";
  }
  std::string_view which;
  size_t p = LastOf(lead,
                    {"增加", "增长", "上升", "提高", "减少", "下降", "降低",
                     "节约", "持平", "增幅", "降幅", "减幅", "增", "减"},
                    &which);
  if (p == std::string_view::npos) return "";
  // Only when the word is near the number (within a few characters:
  // "增长了", "下降幅度为").
  std::string_view rest = lead.substr(p);
  for (std::string_view filler : {"幅度为", "幅度", "率为", "为", "了", "约"}) {
    if (StartsWith(rest, filler)) rest.remove_prefix(filler.size());
  }
  if (CountCodePoints(rest) > 2) return "";
  if (which == "增" || which == "增幅") return "增加";
  if (which == "减" || which == "减幅") return "减少";
  if (which == "降幅") return "下降";
  return std::string(which);
}

struct PairSubject {
  std::string_view text;
  std::string_view first, second;
};
constexpr PairSubject kPairs[] = {
    {"财政拨款收、支总计", "fiscal.income.grand_total",
     "fiscal.expenditure.grand_total"},
    {"财政拨款收支总计", "fiscal.income.grand_total",
     "fiscal.expenditure.grand_total"},
    {"财政拨款收、支决算总计", "fiscal.income.grand_total",
     "fiscal.expenditure.grand_total"},
    {"财政拨款收、支预算总计", "fiscal.income.grand_total",
     "fiscal.expenditure.grand_total"},
    {"财政拨款收支预算总计", "fiscal.income.grand_total",
     "fiscal.expenditure.grand_total"},
    {"收入、支出预算总计", "income.grand_total", "expenditure.grand_total"},
    {"收入、支出总计", "income.grand_total", "expenditure.grand_total"},
    {"收入支出预算总计", "income.grand_total", "expenditure.grand_total"},
    {"收入支出总计", "income.grand_total", "expenditure.grand_total"},
    {"收、支总计", "income.grand_total", "expenditure.grand_total"},
    {"收支总计", "income.grand_total", "expenditure.grand_total"},
    {"收、支决算总计", "income.grand_total", "expenditure.grand_total"},
    {"收支决算总计", "income.grand_total", "expenditure.grand_total"},
    {"收支预算总计", "income.grand_total", "expenditure.grand_total"},
    {"收、支预算总计", "income.grand_total", "expenditure.grand_total"},
    {"收支总预算", "income.grand_total", "expenditure.grand_total"},
    {"收、支预算总额", "income.grand_total", "expenditure.grand_total"},
    {"收支预算总额", "income.grand_total", "expenditure.grand_total"},
    {"收、支总额", "income.grand_total", "expenditure.grand_total"},
    {"收支总额", "income.grand_total", "expenditure.grand_total"},
    {"收、支决算总额", "income.grand_total", "expenditure.grand_total"},
    {"收支决算总额", "income.grand_total", "expenditure.grand_total"},
};

enum class Context { kNone, kFunc, kEcon };

Context SectionContext(const NormalizedDocument& nd, int section) {
  for (int s = section; s > 0;
       s = nd.sections.sections[static_cast<size_t>(s)].parent) {
    const std::string& title =
        nd.sections.sections[static_cast<size_t>(s)].title;
    if (Contains(title, "基本支出") || Contains(title, "经济分类"))
      return Context::kEcon;
    if (Contains(title, "三公") || Contains(title, "其他重要事项") ||
        Contains(title, "采购")) {
      return Context::kNone;
    }
    if (Contains(title, "一般公共预算") || Contains(title, "政府性基金") ||
        Contains(title, "国有资本经营") || Contains(title, "功能分类")) {
      return Context::kFunc;
    }
  }
  return Context::kNone;
}

// The metric of a classification item named in a section of this context.
std::string ClassMetric(Context ctx) {
  if (ctx == Context::kEcon) return "gpb.basic.by_econ";
  return ctx == Context::kFunc ? "gpb.expenditure.by_func"
                               : "expenditure.by_func";
}

ClaimSubject FromMetric(const Metric* m, std::string_view label) {
  ClaimSubject s;
  s.metrics.push_back(m->id);
  s.label = std::string(label);
  s.found = true;
  return s;
}

ClaimSubject FromClassPath(const ClassPath& path, Context ctx) {
  ClaimSubject s;
  s.metrics.push_back(ClassMetric(ctx));
  int names = 0;
  for (const std::string* n : {&path.lei, &path.kuan, &path.xiang}) {
    if (!n->empty()) {
      ++names;
      s.label = *n;  // the deepest name printed
    }
  }
  if (names > 1) s.class_path = path.lei + "/" + path.kuan + "/" + path.xiang;
  s.found = names > 0;
  return s;
}

// "（99项）", "(30101)", "【2010301】": a bracketed code with nothing else.
bool ItemCodeOnly(std::string_view s) {
  for (std::string_view open : {"（", "(", "【", "["}) {
    if (!StartsWith(s, open)) continue;
    std::string_view rest = s.substr(open.size());
    size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9')
      ++digits;
    if (digits == 0) return false;
    rest.remove_prefix(digits);
    for (std::string_view level : {"类", "款", "项"}) {
      if (StartsWith(rest, level)) rest.remove_prefix(level.size());
    }
    for (std::string_view close : {"）", ")", "】", "]"}) {
      if (rest == close) return true;
    }
    return false;
  }
  return false;
}

bool HasClassMarker(std::string_view s) {
  return Contains(s, "（类）") || Contains(s, "（款）") ||
         Contains(s, "（项）") || Contains(s, "(类)") || Contains(s, "(款)") ||
         Contains(s, "(项)");
}

std::string Quote(std::string_view t, const Span& sentence) {
  std::string_view s =
      t.substr(static_cast<size_t>(sentence.begin),
               static_cast<size_t>(sentence.end - sentence.begin));
  return Ellipsize(s, 120);
}

// ---- The cue table ----

struct Cues {
  struct Scope {
    std::string cue, value;
    bool sentence = true;  // extent: to the sentence end (else the clause)
  };
  struct Role {
    std::string cue, kind, value;  // kind: rate_role | not_claim
    bool after = false;            // not_claim: the cue follows the value
  };
  std::vector<Scope> scopes;
  std::vector<Role> roles;
};

const Cues& TheCues() {
  static const Cues* cues = [] {
    auto* c = new Cues;
    for (const ClaimCue& row : ClaimCues()) {
      if (row.kind == "scope") {
        c->scopes.push_back({row.cue, row.value, row.extent != "clause"});
      } else if (row.kind == "rate_role" || row.kind == "not_claim") {
        c->roles.push_back(
            {row.cue, row.kind, row.value, row.extent == "after"});
      }
    }
    return c;
  }();
  return *cues;
}

// A scope of a sentence: values in [begin, end) bind by its rules.
enum class ScopeKind { kMain, kReason, kPurpose, kComponents, kPolicy };

struct ScopeSpan {
  ScopeKind kind = ScopeKind::kMain;
  int begin = 0, end = 0;
  std::string cue;
};

ScopeKind ScopeOf(std::string_view value) {
  if (value == "reason") return ScopeKind::kReason;
  if (value == "purpose") return ScopeKind::kPurpose;
  if (value == "components") return ScopeKind::kComponents;
  if (value == "policy") return ScopeKind::kPolicy;
  return ScopeKind::kMain;
}

std::string_view UnclaimedReasonOf(ScopeKind k) {
  switch (k) {
    case ScopeKind::kReason:
      return "reason";
    case ScopeKind::kPurpose:
      return "purpose";
    case ScopeKind::kComponents:
      return "component";
    case ScopeKind::kPolicy:
      return "policy_rate";
    case ScopeKind::kMain:
      break;
  }
  return "subject_unknown";
}

// Words that open a comparison clause ("与上年相比", "比2024年预算执行数").
bool OpensComparison(std::string_view clause) {
  for (std::string_view w : {"与上年", "与去年", "比上年", "较上年", "同比",
                             "比去年", "较去年", "与20", "比20", "较20"}) {
    if (StartsWith(clause, w)) return true;
  }
  return false;
}

// Sentences continuing an enumeration of reasons ("二是…", "其次…").
bool ContinuesEnumeration(std::string_view sentence) {
  for (std::string_view w : {"二是", "三是", "四是", "五是", "六是", "其次",
                             "再次", "其二", "其三", "第二", "第三"}) {
    if (StartsWith(sentence, w)) return true;
  }
  return false;
}

// The comparison stated before a change or rate: the year and the basis of
// the compared figure ("比2024年预算执行数增加" → 2024, execution).
struct Comparison {
  int year = 0;
  std::string basis;
};

std::string BasisWord(std::string_view s) {
  if (Contains(s, "执行数") || Contains(s, "执行")) return "execution";
  if (Contains(s, "年初预算")) return "budget_initial";
  if (Contains(s, "调整预算") || Contains(s, "调整后预算")) {
    return "budget_adjusted";
  }
  if (Contains(s, "预算")) return "budget";
  if (Contains(s, "决算")) return "actual";
  return "";
}

Comparison ComparisonIn(std::string_view before, int fiscal_year) {
  Comparison c;
  size_t best = std::string_view::npos;
  for (std::string_view w : {"与", "比", "较", "同比"}) {
    size_t p = before.rfind(w);
    if (p != std::string_view::npos &&
        (best == std::string_view::npos || p > best)) {
      // The word must start a comparison: a year, 上年/去年 or 同比 follows.
      std::string_view rest = before.substr(p + w.size());
      if (w == "同比" || StartsWith(rest, "上年") || StartsWith(rest, "去年") ||
          StartsWith(rest, "上一年") ||
          (rest.size() >= 7 && rest.substr(4, 3) == "年" &&
           std::all_of(rest.begin(), rest.begin() + 4,
                       [](char ch) { return ch >= '0' && ch <= '9'; }))) {
        best = p;
      }
    }
  }
  if (best == std::string_view::npos) return c;
  std::string_view phrase = before.substr(best);
  // The phrase runs to 相比 or to the direction word.
  size_t stop = phrase.find("相比");
  if (stop != std::string_view::npos) phrase = phrase.substr(0, stop);
  for (size_t i = 0; i + 7 <= phrase.size(); ++i) {
    if (phrase.substr(i + 4, 3) == "年" &&
        std::all_of(phrase.begin() + static_cast<long>(i),
                    phrase.begin() + static_cast<long>(i) + 4,
                    [](char ch) { return ch >= '0' && ch <= '9'; })) {
      c.year = std::atoi(std::string(phrase.substr(i, 4)).c_str());
      break;
    }
  }
  if (c.year == 0 && fiscal_year > 0 &&
      (Contains(phrase, "上年") || Contains(phrase, "去年") ||
       Contains(phrase, "上一年") || Contains(phrase, "同比"))) {
    c.year = fiscal_year - 1;
  }
  c.basis = BasisWord(phrase);
  return c;
}

// ---- The reader ----

class ClaimReader {
 public:
  ClaimReader(const NormalizedDocument& nd, const ReportMeta& meta,
              const MetricCatalog& metrics)
      : nd_(nd), meta_(meta), metrics_(metrics) {}

  // Blocks in order. An item's subject carries over the blocks of its
  // section that follow without naming their own: the section title's
  // subject, then the last 类/款/项 path printed as an item label (a block of
  // its own, "“公共安全支出（类）司法（款）其他公共安全支出（项）”", or the
  // head of a block).
  ClaimSet Run() {
    const auto& mentions = nd_.mentions;
    size_t m = 0;
    int section = -2;
    ClaimSubject carried;
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      size_t first = m;
      while (m < mentions.size() && mentions[m].block == static_cast<int>(b)) {
        ++m;
      }
      int s = nd_.sections.block_section[b];
      Context ctx = SectionContext(nd_, s);
      if (s != section) {
        section = s;
        carried = SectionSubject(s, ctx);
      }
      if (first == m) {
        ClaimSubject label = LabelOnly(nd_.blocks[b].text, ctx);
        if (label.found) carried = label;
        continue;
      }
      carried = ReadBlock(static_cast<int>(b), first, m, carried);
    }
    return std::move(out_);
  }

 private:
  // One sentence's reading state.
  struct SentenceState {
    std::vector<ScopeSpan> scopes;
    ClaimSubject main;          // last subject of the main scope
    ClaimSubject component;     // last subject inside a component scope
    int component_scope = -1;   // index of the scope `component` belongs to
    bool main_unknown = false;  // a named, unknown subject holds
    bool component_unknown = false;  // likewise inside the component scope
    ClaimSubject
        label;  // a 类/款/项 label opening the sentence ("检察（款）：")
    // Whose breakdown each component scope is: the component named before
    // the scope opened in an earlier scope ("其中：人员经费…，主要包括：
    // 基本工资…" breaks down 人员经费), else the main subject.
    std::map<int, ClaimSubject> scope_owner;
  };

  // Reads one block's values; returns the item subject later blocks carry.
  ClaimSubject ReadBlock(int block, size_t first, size_t last,
                         const ClaimSubject& inherited) {
    const std::string& t = nd_.blocks[static_cast<size_t>(block)].text;
    int section = nd_.sections.block_section[static_cast<size_t>(block)];
    Context ctx = SectionContext(nd_, section);
    std::vector<Span> sentences = SplitSentences(t);
    if (sentences.empty()) sentences.push_back({0, static_cast<int>(t.size())});
    std::vector<SubjectMatch> subjects =
        Heads(t, metrics_.FindSubjects(t), first, last);
    std::vector<Span> delims = Delimiters(t, first, last);
    size_t block_first_claim = out_.claims.size();

    ClaimSubject block_subject = ItemSubject(t, sentences, ctx);
    bool block_unknown = false;
    // Claim of each subject in this block.
    std::map<std::string, int> block_claims;
    size_t si = static_cast<size_t>(-1);
    SentenceState st;
    // The main subject of the block's previous sentence: a sentence that
    // opens with a breakdown ("其中：…") breaks it down.
    ClaimSubject last_main;
    bool reason_continues = false;
    int prev_end = 0;  // end of the previous value in the same clause

    for (size_t i = first; i < last; ++i) {
      const Mention& mention = nd_.mentions[i];
      size_t s = si == static_cast<size_t>(-1) ? 0 : si;
      while (s + 1 < sentences.size() && sentences[s].end <= mention.begin) ++s;
      if (s != si) {
        // A new sentence: its scopes; an enumeration of reasons may go on.
        bool was_reason_to_end = !st.scopes.empty() &&
                                 si != static_cast<size_t>(-1) &&
                                 st.scopes.back().kind == ScopeKind::kReason &&
                                 st.scopes.back().end >= sentences[si].end;
        for (size_t k = (si == static_cast<size_t>(-1) ? 0 : si + 1); k < s;
             ++k) {
          // Sentences without values still carry subjects and scopes.
          was_reason_to_end =
              ScanSentence(t, sentences[k], was_reason_to_end, ctx, subjects,
                           &block_subject, &block_unknown);
        }
        reason_continues = was_reason_to_end;
        si = s;
        if (st.main.found && !st.main_unknown) last_main = st.main;
        st = SentenceState();
        st.scopes = Scopes(t, sentences[si], reason_continues);
        st.label = SentenceLabel(t, sentences[si], ctx);
        prev_end = sentences[si].begin;
      }
      const Span& sent = sentences[si];
      Span clause = ClauseOf(delims, sent, mention.begin);
      int lead_begin = std::max({clause.begin, prev_end, sent.begin});
      if (static_cast<size_t>(mention.begin - lead_begin) > kMaxLeadBytes) {
        lead_begin = static_cast<int>(CharBoundary(
            t, static_cast<size_t>(mention.begin) - kMaxLeadBytes));
      }
      std::string_view lead(t.data() + lead_begin,
                            static_cast<size_t>(mention.begin - lead_begin));
      prev_end = mention.end;
      const ScopeSpan* scope = ScopeAt(st.scopes, mention.begin);
      ScopeKind kind = scope == nullptr ? ScopeKind::kMain : scope->kind;
      int scope_index =
          scope == nullptr ? -1 : static_cast<int>(scope - st.scopes.data());
      if ((kind == ScopeKind::kComponents || kind == ScopeKind::kPurpose) &&
          !st.scope_owner.count(scope_index)) {
        bool nested = st.component.found && !st.component_unknown &&
                      st.component_scope >= 0 &&
                      st.component_scope != scope_index;
        ClaimSubject owner_subject = nested ? st.component : st.main;
        if (!owner_subject.found && !st.main_unknown &&
            scope->begin <= sentences[si].begin + 9)
          owner_subject = last_main;
        st.scope_owner[scope_index] = owner_subject;
      }

      ClaimValue v;
      v.mention = static_cast<int>(i);
      v.printed = mention.value;
      v.unit = mention.unit;
      v.year = meta_.fiscal_year;
      v.basis = meta_.kind == "budget" ? "budget" : "actual";
      v.quote = Quote(t, sentences[si]);

      // Thresholds: "单价50万元以上通用设备".
      std::string_view after =
          std::string_view(t).substr(static_cast<size_t>(mention.end));
      if ((mention.kind == MentionKind::kAmount ||
           mention.kind == MentionKind::kBareNumber) &&
          (StartsWith(after, "以上") || StartsWith(after, "以下") ||
           StartsWith(after, "以内") || EndsWith(lead, "单价"))) {
        Unclaim(i, "threshold", "以上/以下/单价");
        continue;
      }
      if (kind == ScopeKind::kReason || kind == ScopeKind::kPolicy) {
        Unclaim(i, std::string(UnclaimedReasonOf(kind)), scope->cue);
        continue;
      }

      std::string_view sentence_before = SentenceBefore(t, sent, mention.begin);
      bool is_money = mention.kind == MentionKind::kAmount ||
                      mention.kind == MentionKind::kBareNumber;
      if (mention.kind == MentionKind::kPercent) {
        if (!PercentRole(t, mention, lead, sentence_before, subjects, &v))
          continue;
      } else if (mention.kind == MentionKind::kCount) {
        if (!CountRole(t, sent, mention, section, &v)) {
          Unclaim(i, "not_fiscal",
                  "count of something the schema does not keep");
          continue;
        }
      } else {
        AmountRole(mention, lead, sentence_before, &v);
      }

      // The subject.
      ClaimSubject subject;
      bool unknown = false;
      if (v.role == ValueRole::kCount) {
        subject.metrics = {v.count_metric};
        const Metric* m = metrics_.Find(v.count_metric);
        subject.label = m != nullptr ? m->label : v.count_metric;
        subject.found = true;
      } else {
        std::string_view own_text(
            t.data() + clause.begin,
            static_cast<size_t>(mention.begin - clause.begin));
        if (own_text.size() > kMaxLeadBytes) own_text = lead;
        if (v.role == ValueRole::kShare) {
          // The words after 占 name the base, not the subject.
          size_t zhan = own_text.rfind("占");
          if (zhan != std::string_view::npos)
            own_text = own_text.substr(0, zhan);
          size_t lz = lead.rfind("占");
          if (lz != std::string_view::npos) lead = lead.substr(0, lz);
        }
        OwnSubject own = FindOwnSubject(
            t, lead, own_text, sentence_before, subjects, st.label, ctx,
            /*allow_label=*/is_money && v.role == ValueRole::kAmount);
        if (own.found) {
          subject = own.subject;
        } else if (own.named_unknown) {
          unknown = true;
        }
        bool in_component =
            kind == ScopeKind::kComponents || kind == ScopeKind::kPurpose;
        if (own.found || own.named_unknown) {
          if (in_component) {
            st.component = subject;
            st.component_unknown = unknown;
            st.component_scope = scope_index;
          } else {
            st.main = subject;
            st.main_unknown = unknown;
            block_subject = subject;
            block_unknown = unknown;
          }
        } else if (in_component) {
          if (st.component_scope == scope_index && st.component.found) {
            subject = st.component;
          } else if (st.component_scope == scope_index &&
                     st.component_unknown) {
            unknown = true;
          } else {
            Unclaim(i, std::string(UnclaimedReasonOf(kind)), scope->cue);
            continue;
          }
        } else if (st.main.found || st.main_unknown) {
          subject = st.main;
          unknown = st.main_unknown;
        } else if (block_subject.found || block_unknown) {
          subject = block_subject;
          unknown = block_unknown;
          st.main = subject;
          st.main_unknown = unknown;
        } else {
          subject = inherited;
          if (subject.found) {
            st.main = subject;
            block_subject = subject;
          }
        }
      }
      if (unknown || !subject.found) {
        // Inside a purpose or components list, a thing the vocabulary does
        // not know is a part of the list, not an unknown subject.
        if (kind == ScopeKind::kComponents || kind == ScopeKind::kPurpose) {
          Unclaim(i, std::string(UnclaimedReasonOf(kind)), scope->cue);
        } else {
          Unclaim(i, "subject_unknown", std::string(Ellipsize(lead, 24)));
        }
        continue;
      }
      // Money never belongs to a count metric (车辆数, 在职人数).
      if (v.role != ValueRole::kCount) {
        bool count_subject = false;
        for (const std::string& id : subject.metrics) {
          const Metric* m = metrics_.Find(id);
          count_subject |= m != nullptr && m->is_count;
        }
        if (count_subject) {
          Unclaim(i, "subject_unknown", "money named by a count term");
          continue;
        }
      }
      if (v.role == ValueRole::kChange || v.role == ValueRole::kRate) {
        Comparison c = ComparisonIn(sentence_before, meta_.fiscal_year);
        v.comparison_year = c.year;
        v.comparison_basis = c.basis;
      }
      // The claim: one per subject in the block; a component's owner is the
      // main subject's claim of the sentence.
      int owner = -1;
      if (kind == ScopeKind::kComponents || kind == ScopeKind::kPurpose) {
        auto it = st.scope_owner.find(scope_index);
        if (it != st.scope_owner.end() && it->second.found &&
            !(it->second == subject))
          owner = ClaimOf(&block_claims, it->second, block, section, -1);
      }
      int c = ClaimOf(&block_claims, subject, block, section, owner);
      Claim& claim = out_.claims[static_cast<size_t>(c)];
      if (claim.values.empty()) claim.begin = mention.begin;
      claim.end = mention.end;
      claim.values.push_back(std::move(v));
    }
    // Sentences after the last value still state comparators.
    AttachComparators(t, sentences, block_first_claim);
    return IsItem(block_subject) ? block_subject : inherited;
  }

  // A subject named by a 类/款/项 path (an item of a list), not by a term.
  static bool IsItem(const ClaimSubject& s) {
    if (!s.found || s.metrics.size() != 1) return false;
    const std::string& m = s.metrics[0];
    return m == "gpb.expenditure.by_func" || m == "expenditure.by_func" ||
           m == "gpb.basic.by_econ";
  }

  // A block without values that labels an item: a 类/款/项 path in its first
  // sentence ("“…（项）”", "15、…（款）事业单位离退休（项）。主要用于：…").
  static ClaimSubject LabelOnly(std::string_view text, Context ctx) {
    size_t end = text.find("。");
    std::string_view first =
        text.substr(0, end == std::string_view::npos ? text.size() : end);
    if (first.size() > 360 || !HasClassMarker(first)) return {};
    ClassPath path;
    if (!ParseClassPath(first, &path)) return {};
    return FromClassPath(path, ctx);
  }

  // Reads a sentence without values for what it tells later sentences:
  // its subject (block_subject) and whether a reason enumeration goes on.
  bool ScanSentence(std::string_view t, const Span& sent, bool reason_before,
                    Context ctx, const std::vector<SubjectMatch>& subjects,
                    ClaimSubject* block_subject, bool* block_unknown) {
    std::vector<ScopeSpan> scopes = Scopes(t, sent, reason_before);
    // A subject heading the sentence outside any scope ("一般行政管理事务（项）
    // 。" as a heading sentence) becomes the block's.
    int main_end = sent.end;
    for (const ScopeSpan& s : scopes) main_end = std::min(main_end, s.begin);
    std::string_view head(t.data() + sent.begin,
                          static_cast<size_t>(main_end - sent.begin));
    ClassPath path;
    if (HasClassMarker(head) && ParseClassPath(head, &path)) {
      *block_subject = FromClassPath(path, ctx);
      *block_unknown = false;
    } else {
      (void)subjects;
    }
    return !scopes.empty() && scopes.back().kind == ScopeKind::kReason &&
           scopes.back().end >= sent.end;
  }

  // "检察（款）：…", "住房改革支出(款): …": a 类/款/项 label before the
  // sentence's first colon.
  static ClaimSubject SentenceLabel(std::string_view t, const Span& sent,
                                    Context ctx) {
    std::string_view s = t.substr(static_cast<size_t>(sent.begin),
                                  static_cast<size_t>(sent.end - sent.begin));
    size_t colon =
        LastOf(s.substr(0, std::min<size_t>(s.size(), 180)), {"：", ":"});
    if (colon == std::string_view::npos) return {};
    std::string_view head = s.substr(0, colon);
    ClassPath path;
    if (!HasClassMarker(head) || !ParseClassPath(head, &path)) return {};
    return FromClassPath(path, ctx);
  }

  // The subject a block's list item names in its first sentence
  // ("1、一般公共服务（类）…（项）。…年初预算为…").
  ClaimSubject ItemSubject(std::string_view t, const std::vector<Span>& sents,
                           Context ctx) const {
    if (sents.empty()) return {};
    std::string_view first =
        t.substr(static_cast<size_t>(sents[0].begin),
                 static_cast<size_t>(sents[0].end - sents[0].begin));
    HeadingLabel item;
    ClassPath path;
    if (ParseHeadingLabel(first, &item) && HasClassMarker(first) &&
        ParseClassPath(first, &path)) {
      return FromClassPath(path, ctx);
    }
    return {};
  }

  // The subject a section's title names: a 类/款/项 path or a vocabulary
  // term that is the whole title ("（一）一般行政管理事务（项）",
  // "3.公务接待费").
  ClaimSubject SectionSubject(int section, Context ctx) const {
    if (section <= 0) return {};
    const Section& sec = nd_.sections.sections[static_cast<size_t>(section)];
    std::string title = sec.title;
    ClassPath path;
    if (HasClassMarker(title) && ParseClassPath(title, &path))
      return FromClassPath(path, ctx);
    std::vector<SubjectMatch> found = metrics_.FindSubjects(title);
    if (found.size() == 1 && found[0].begin == 0 &&
        static_cast<size_t>(found[0].end) + 9 >= title.size()) {
      // The title is the term (a short tail such as "支出" may follow).
      std::string_view rest =
          std::string_view(title).substr(static_cast<size_t>(found[0].end));
      if (rest.empty() || IsConnective(rest))
        return FromMetric(found[0].metric,
                          std::string_view(title).substr(
                              0, static_cast<size_t>(found[0].end)));
    }
    return {};
  }

  std::string_view SentenceBefore(std::string_view t, const Span& sent,
                                  int pos) const {
    int from = sent.begin;
    if (static_cast<size_t>(pos - from) > kMaxSentenceLookBack)
      from = static_cast<int>(
          CharBoundary(t, static_cast<size_t>(pos) - kMaxSentenceLookBack));
    return t.substr(static_cast<size_t>(from), static_cast<size_t>(pos - from));
  }

  // Clause delimiters of a block, outside printed numbers ("1,234.50"):
  // {position, length}, in order. One pass over the text.
  std::vector<Span> Delimiters(std::string_view t, size_t first,
                               size_t last) const {
    std::vector<Span> out;
    size_t m = first;
    for (size_t i = 0; i < t.size();) {
      while (m < last && static_cast<size_t>(nd_.mentions[m].end) <= i) ++m;
      if (m < last && static_cast<size_t>(nd_.mentions[m].begin) <= i) {
        i = static_cast<size_t>(nd_.mentions[m].end);
        continue;
      }
      size_t len = DelimiterAt(t, i);
      // "收、支总计", "收入、支出总计": one name, not two clauses.
      if (len > 0 && t.substr(i, len) == "、" &&
          (EndsWith(t.substr(0, i), "收") ||
           EndsWith(t.substr(0, i), "收入")) &&
          StartsWith(t.substr(i + len), "支")) {
        len = 0;
        i += 3;
        continue;
      }
      if (len > 0) {
        out.push_back({static_cast<int>(i), static_cast<int>(i + len)});
        i += len;
      } else {
        ++i;
      }
    }
    return out;
  }

  // The clause holding `pos` within its sentence.
  static Span ClauseOf(const std::vector<Span>& delims, const Span& sent,
                       int pos) {
    auto it =
        std::lower_bound(delims.begin(), delims.end(), pos,
                         [](const Span& d, int p) { return d.begin < p; });
    int end = sent.end;
    if (it != delims.end() && it->begin < sent.end) end = it->begin;
    int begin = sent.begin;
    if (it != delims.begin()) {
      const Span& prev = *(it - 1);
      if (prev.end > sent.begin && prev.end <= pos) begin = prev.end;
    }
    return {begin, end};
  }

  // The scopes of a sentence, in order. `reason_before`: the sentence goes
  // on with an enumeration of reasons begun in the previous one.
  std::vector<ScopeSpan> Scopes(std::string_view t, const Span& sent,
                                bool reason_before) const {
    std::vector<ScopeSpan> out;
    std::string_view s(t.data() + sent.begin,
                       static_cast<size_t>(sent.end - sent.begin));
    if (reason_before && ContinuesEnumeration(s)) {
      out.push_back({ScopeKind::kReason, sent.begin, sent.end, "一是/二是"});
      return out;
    }
    struct Hit {
      size_t at;
      const Cues::Scope* cue;
    };
    std::vector<Hit> hits;
    for (const Cues::Scope& c : TheCues().scopes) {
      for (size_t p = s.find(c.cue); p != std::string_view::npos;
           p = s.find(c.cue, p + c.cue.size())) {
        hits.push_back({p, &c});
      }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      if (a.at != b.at) return a.at < b.at;
      return a.cue->cue.size() > b.cue->cue.size();
    });
    size_t covered = 0;  // scopes may not overlap: the first one holds,
    // except that a list inside a list item nests ("其中：人员经费…，主要
    // 包括：基本工资…；公用经费…"): it holds to the item's end (；).
    for (const Hit& h : hits) {
      if (h.at < covered) {
        ScopeKind kind = ScopeOf(h.cue->value);
        if (!out.empty() && kind == ScopeKind::kComponents &&
            out.back().kind == ScopeKind::kComponents &&
            sent.begin + static_cast<int>(h.at) >=
                out.back().begin + static_cast<int>(out.back().cue.size())) {
          ScopeSpan nested;
          nested.kind = kind;
          nested.cue = h.cue->cue;
          nested.begin = sent.begin + static_cast<int>(h.at);
          size_t end = covered;
          size_t semi = s.find("；", h.at + h.cue->cue.size());
          if (semi != std::string_view::npos && semi < end) end = semi;
          nested.end = sent.begin + static_cast<int>(end);
          // Keep the outer scope findable after the nested one ends.
          out.push_back(nested);
        }
        continue;
      }
      ScopeSpan span;
      span.kind = ScopeOf(h.cue->value);
      span.cue = h.cue->cue;
      span.begin = sent.begin + static_cast<int>(h.at);
      size_t end = s.size();
      // A list in brackets ("…40.18万元（其中，购置费…）；接待费…") ends
      // with its bracket.
      std::string_view before_cue = s.substr(0, h.at);
      bool bracketed = EndsWith(before_cue, "（") || EndsWith(before_cue, "(");
      if (bracketed) {
        size_t close = s.find("）", h.at);
        size_t close_ascii = s.find(")", h.at);
        close = std::min(close, close_ascii);
        if (close != std::string_view::npos) end = close;
      }
      if (bracketed) {
        // end set above
      } else if (!h.cue->sentence) {
        for (size_t i = h.at + h.cue->cue.size(); i < s.size(); ++i) {
          if (DelimiterAt(s, i) > 0 && s.substr(i, 3) != "、") {
            end = i;
            break;
          }
        }
      } else if (span.kind == ScopeKind::kPurpose ||
                 span.kind == ScopeKind::kComponents) {
        // A comparison clause after the list speaks of the list's owner.
        for (size_t i = h.at + h.cue->cue.size(); i < s.size(); ++i) {
          size_t len = DelimiterAt(s, i);
          if (len > 0 && OpensComparison(s.substr(i + len))) {
            end = i;
            break;
          }
        }
      }
      span.end = sent.begin + static_cast<int>(end);
      covered = end;
      out.push_back(span);
    }
    return out;
  }

  static const ScopeSpan* ScopeAt(const std::vector<ScopeSpan>& scopes,
                                  int pos) {
    const ScopeSpan* found = nullptr;
    for (const ScopeSpan& s : scopes) {
      if (s.begin <= pos && pos < s.end) found = &s;
    }
    return found;
  }

  // ---- Roles ----

  bool PercentRole(std::string_view t, const Mention& mention,
                   std::string_view lead, std::string_view sentence_before,
                   const std::vector<SubjectMatch>& subjects, ClaimValue* v) {
    v->value = mention.value;
    std::string_view after =
        std::string_view(t).substr(static_cast<size_t>(mention.end));
    // The cue ending nearest before the value wins; the longer on a tie.
    const Cues::Role* best = nullptr;
    size_t best_end = 0;
    for (const Cues::Role& r : TheCues().roles) {
      if (r.after) {
        if (StartsWith(after, r.cue)) {
          Unclaim(static_cast<size_t>(v->mention), r.value, r.cue);
          return false;
        }
        continue;
      }
      size_t p = lead.rfind(r.cue);
      if (p == std::string_view::npos) continue;
      size_t end = p + r.cue.size();
      if (best == nullptr || end > best_end ||
          (end == best_end && r.cue.size() > best->cue.size())) {
        best = &r;
        best_end = end;
      }
    }
    std::string direction = DirectionIn(lead);
    size_t direction_end = std::string_view::npos;
    if (!direction.empty()) {
      direction_end =
          LastOf(lead, {"增加", "增长", "上升", "提高", "减少", "下降", "降低",
                        "节约", "持平", "增幅", "降幅", "减幅", "增", "减"});
    }
    bool direction_wins =
        !direction.empty() && (best == nullptr || direction_end > best_end);
    if (best != nullptr && !direction_wins) {
      if (best->kind == "not_claim") {
        bool compared =
            ComparisonIn(sentence_before, meta_.fiscal_year).year > 0;
        if ((best->cue == "压减" || best->cue == "压缩") && compared) {
          v->role = ValueRole::kRate;
          v->direction = "减少";
          return true;
        }
        Unclaim(static_cast<size_t>(v->mention), best->value, best->cue);
        return false;
      }
      if (best->value == "share") {
        v->role = ValueRole::kShare;
        // The base follows 占: "占本年支出合计的", "占“三公”经费的".
        size_t zhan = lead.rfind("占");
        if (zhan != std::string_view::npos) {
          std::string_view base = lead.substr(zhan + 3);
          int from = static_cast<int>(base.data() - t.data());
          int to = mention.begin;
          std::optional<SubjectMatch> term = LastSubjectIn(subjects, from, to);
          if (!term) {
            std::vector<SubjectMatch> inside = metrics_.FindSubjects(base);
            if (!inside.empty()) {
              term = inside.back();
              term->begin += from;
              term->end += from;
            }
          }
          if (term) v->base_metric = term->metric->id;
          std::string label(base);
          for (std::string_view tail :
               {"的比重为", "的比例为", "的比重", "的比例", "比重为", "比例为",
                "比重", "比例", "的", "为"}) {
            if (EndsWith(label, tail)) {
              label.resize(label.size() - tail.size());
              break;
            }
          }
          v->base_label = label;
        }
        return true;
      }
      // completion:<basis>
      v->role = ValueRole::kCompletion;
      v->basis = best->value.substr(best->value.find(':') + 1);
      return true;
    }
    if (direction_wins) {
      v->role = ValueRole::kRate;
      v->direction = direction;
      return true;
    }
    Unclaim(static_cast<size_t>(v->mention),
            Contains(lead, "率") ? "not_fiscal" : "no_role",
            std::string(Ellipsize(lead, 16)));
    return false;
  }

  void AmountRole(const Mention& mention, std::string_view lead,
                  std::string_view sentence_before, ClaimValue* v) {
    v->role = ValueRole::kAmount;
    std::string direction = DirectionIn(lead);
    if (!direction.empty()) {
      v->role = ValueRole::kChange;
      v->direction = direction;
    }
    std::string basis = BasisWord(lead);
    if (basis == "budget" && !Contains(lead, "预算数") &&
        !Contains(lead, "预算为") && !Contains(lead, "预算安排") &&
        !EndsWith(StripLead(lead), "预算") && !Contains(lead, "安排")) {
      // "预算" inside another word of the lead ("预算单位") is no basis.
      basis = Contains(lead, "决算") ? "actual" : "";
    }
    if (basis.empty() && Contains(lead, "安排")) basis = "budget";
    if (!basis.empty()) v->basis = basis;
    if (v->role == ValueRole::kAmount && meta_.fiscal_year > 0) {
      // The period: a year printed before the value in its clause, or
      // 上年/去年.
      int year = 0;
      size_t p = lead.rfind("年");
      while (p != std::string_view::npos && p >= 4) {
        std::string_view y = lead.substr(p - 4, 4);
        if (std::all_of(y.begin(), y.end(),
                        [](char c) { return c >= '0' && c <= '9'; })) {
          year = std::atoi(std::string(y).c_str());
          break;
        }
        if (p == 0) break;
        p = lead.rfind("年", p - 1);
      }
      if (year >= meta_.fiscal_year - 5 && year <= meta_.fiscal_year + 1) {
        v->year = year;
      } else if ((Contains(lead, "上年") || Contains(lead, "去年") ||
                  Contains(lead, "上一年")) &&
                 !Contains(lead, "上年结转") && !Contains(lead, "上年结余") &&
                 !Contains(lead, "上年度结转")) {
        // 上年结转/上年结余 are this year's receipts carried over from last
        // year, not last year's figures.
        v->year = meta_.fiscal_year - 1;
      }
    }
    (void)sentence_before;
    if (mention.kind == MentionKind::kBareNumber) {
      v->value = mention.value;  // unit missing: value kept as printed
      v->bare = true;
    } else {
      v->value = ToWanYuan(mention.value, mention.unit);
    }
  }

  bool CountRole(std::string_view t, const Span& sent, const Mention& mention,
                 int section, ClaimValue* v) {
    v->role = ValueRole::kCount;
    v->value = mention.value;
    std::string_view sentence =
        t.substr(static_cast<size_t>(sent.begin),
                 static_cast<size_t>(sent.end - sent.begin));
    std::string_view before =
        t.substr(static_cast<size_t>(sent.begin),
                 static_cast<size_t>(mention.begin - sent.begin));
    std::string title;
    for (int s = section; s > 0;
         s = nd_.sections.sections[static_cast<size_t>(s)].parent) {
      title += nd_.sections.sections[static_cast<size_t>(s)].title;
    }
    auto window = [&](size_t n) {
      return t.substr(static_cast<size_t>(mention.end), n);
    };
    const std::string& u = mention.unit;
    std::string metric;
    if (u == "辆") {
      if (Contains(before, "购置") && !Contains(before, "共有") &&
          !Contains(before, "保有")) {
        metric = "three_public.vehicle.purchased_count";
      } else if (Contains(title, "国有资产") || Contains(title, "资产占用") ||
                 Contains(title, "资产占有")) {
        // The asset section's 车辆 include special-purpose vehicles; a count
        // it names 公务用车 is the fleet itself; a vehicle category
        // ("一般公务用车13辆、执法执勤用车38辆") is neither.
        size_t clause = static_cast<size_t>(sent.begin);
        for (std::string_view d : {"，", ",", "：", ":", "、", "；"}) {
          size_t p = t.substr(0, static_cast<size_t>(mention.begin)).rfind(d);
          if (p != std::string_view::npos &&
              p >= static_cast<size_t>(sent.begin) && p + d.size() > clause) {
            clause = p + d.size();
          }
        }
        std::string_view local =
            t.substr(clause, static_cast<size_t>(mention.begin) - clause);
        size_t paren = LastOf(local, {"（", "("});
        if (paren != std::string_view::npos) local.remove_prefix(paren);
        static constexpr std::string_view kCategories[] = {
            "一般公务用车", "执法执勤", "特种专业", "其他用车",
            "领导",         "机要通信", "应急保障", "离退休干部用车"};
        bool category = false;
        for (std::string_view c : kCategories) category |= Contains(local, c);
        if (category) return false;
        metric = Contains(local, "公务用车")
                     ? "three_public.vehicle.fleet_count"
                     : "assets.vehicles";
      } else if (Contains(sentence, "公务用车") || Contains(sentence, "车辆")) {
        metric = "three_public.vehicle.fleet_count";
      }
    } else if (u == "批次" || (u == "批" && Contains(sentence, "接待"))) {
      metric = "three_public.reception.batches";
    } else if (u == "人次" || u == "人") {
      if (Contains(before, "接待")) {
        metric = "three_public.reception.visitors";
      } else if (Contains(before, "出国") || Contains(before, "出境")) {
        metric = "three_public.outbound.persons";
      } else if (u == "人" &&
                 (Contains(before, "在职") || Contains(before, "在编"))) {
        metric = "staff.total";
      }
    } else if (u == "团组" ||
               ((u == "个" || u == "次") && Contains(before, "团组"))) {
      metric = "three_public.outbound.groups";
    } else if (u == "个" &&
               (EndsWith(t.substr(0, static_cast<size_t>(mention.end) + 6),
                         "股室") ||
                Contains(window(12), "股室") || Contains(window(12), "科室") ||
                Contains(window(12), "处室") ||
                Contains(window(18), "内设机构"))) {
      metric = "org.internal_units";
    }
    if (metric.empty() && u == "个") {
      std::string_view after = window(24);
      if (Contains(after, "项目") &&
          (Contains(sentence, "绩效目标") || Contains(after, "绩效目标"))) {
        metric = "perf.projects.with_targets";
      } else if ((Contains(before, "下属") || Contains(before, "所属") ||
                  Contains(before, "代管")) &&
                 (Contains(before, "单位") || Contains(after, "单位"))) {
        metric = "org.affiliated_units";
      }
    }
    if (metric.empty()) return false;
    v->count_metric = metric;
    return true;
  }

  // ---- Subjects ----

  struct OwnSubject {
    ClaimSubject subject;
    bool found = false;
    bool named_unknown = false;  // the clause names something we do not know
  };

  // The subject the value's own clause names before it.
  OwnSubject FindOwnSubject(std::string_view t, std::string_view lead,
                            std::string_view clause_before,
                            std::string_view sentence_before,
                            const std::vector<SubjectMatch>& subjects,
                            const ClaimSubject& label_subject, Context ctx,
                            bool allow_label) const {
    OwnSubject out;
    int lead_begin = static_cast<int>(lead.data() - t.data());
    int pos = lead_begin + static_cast<int>(lead.size());
    int clause_begin = static_cast<int>(clause_before.data() - t.data());
    // 1. A pair ("收、支总计") in the clause; with 财政拨款 right before it,
    // the fiscal pair.
    for (const PairSubject& pair : kPairs) {
      size_t at = clause_before.find(pair.text);
      if (at == std::string_view::npos) continue;
      ClaimSubject s;
      s.metrics = {std::string(pair.first), std::string(pair.second)};
      s.label = std::string(pair.text);
      s.found = true;
      std::string_view before_pair = clause_before.substr(0, at);
      if (s.metrics[0] == "income.grand_total" &&
          EndsWith(before_pair, "财政拨款")) {
        s.metrics = {"fiscal.income.grand_total",
                     "fiscal.expenditure.grand_total"};
      }
      out.subject = s;
      out.found = true;
      return out;
    }
    std::string label = StripListNumber(StripLead(lead));
    // An item code in brackets before the value ("（99项）0.52万元",
    // "（30101）"): an item we cannot name, not the sentence's subject.
    if (allow_label && label.empty() && ItemCodeOnly(StripLead(lead))) {
      out.named_unknown = true;
      return out;
    }
    // 2. A 类/款/项 path in the clause ("…（项）”20.04万元"); item names hold
    // 、, so the path reaches back over it.
    std::string_view path_text = sentence_before;
    if (size_t hard =
            LastOf(sentence_before, {"，", "；", "：", ",", ";", ":"});
        hard != std::string_view::npos) {
      path_text = sentence_before.substr(hard);
    }
    ClassPath path;
    if (HasClassMarker(path_text) && ParseClassPath(path_text, &path)) {
      out.subject = FromClassPath(path, ctx);
      out.found = out.subject.found;
      if (out.found) return out;
    }
    // 3. A vocabulary term heading the clause. In a 基本支出 breakdown, item
    // names such as 公务接待费 are economic items.
    std::optional<SubjectMatch> term =
        LastSubjectIn(subjects, clause_begin, pos);
    if (term) {
      std::string_view prefix =
          t.substr(static_cast<size_t>(clause_begin),
                   static_cast<size_t>(term->begin - clause_begin));
      std::string unqualified(prefix);
      if (term->metric->id.rfind("three_public.", 0) == 0) {
        // 三公 figures are paid from the fiscal appropriation by definition:
        // "一般公共预算拨款安排的“三公”经费" is the 三公 figure.
        for (std::string_view fund :
             {"一般公共预算财政拨款", "一般公共预算拨款", "财政拨款",
              "安排的"}) {
          for (size_t at = unqualified.find(fund); at != std::string::npos;
               at = unqualified.find(fund))
            unqualified.erase(at, fund.size());
        }
      }
      if (allow_label && IsQualifier(unqualified, meta_.entity_name)) {
        out.named_unknown = true;
        return out;
      }
      std::string_view id = term->metric->id;
      bool item_level = id.rfind("three_public.", 0) == 0 ||
                        id.rfind("procurement.", 0) == 0 ||
                        id == "admin_operating_cost";
      if (ctx == Context::kEcon && item_level && allow_label &&
          !label.empty()) {
        ClaimSubject e;
        e.metrics.push_back("gpb.basic.by_econ");
        e.label = label;
        e.found = true;
        out.subject = e;
        out.found = true;
        return out;
      }
      // "检察（款）：2018年预算支出合计…": a total under a 类/款/项 label
      // opening the sentence is that item's.
      if (label_subject.found &&
          (EndsWith(id, ".total") || EndsWith(id, ".grand_total"))) {
        out.subject = label_subject;
        out.found = true;
        return out;
      }
      out.subject = FromMetric(
          term->metric, t.substr(static_cast<size_t>(term->begin),
                                 static_cast<size_t>(term->end - term->begin)));
      out.found = true;
      return out;
    }
    (void)sentence_before;
    if (!allow_label) return out;
    bool cjk_label = !label.empty() && IsCjkIdeograph([&] {
      size_t p0 = 0;
      return DecodeUtf8(label, &p0);
    }());
    // 4. A classification name right before the number: in a list section,
    // or one the catalog knows ("2.社会保障和就业支出1608.51万元").
    if (cjk_label && CountCodePoints(label) <= 30 &&
        (ctx != Context::kNone || IsClassName(label))) {
      out.subject.metrics.push_back(ClassMetric(ctx));
      out.subject.label = label;
      out.subject.found = true;
      out.found = true;
      return out;
    }
    // 5. A clause that names something the vocabulary does not know
    // ("面向中小企业预留采购份额13.43万元") is not about an earlier subject;
    // a comparison ("比上年预算的9.46万元") is about the sentence's subject.
    bool comparison = Contains(label, "比") || Contains(label, "较") ||
                      Contains(label, "上年") || Contains(label, "去年") ||
                      Contains(label, "相比") || Contains(label, "同期");
    if (cjk_label && !comparison && !Contains(label, "其中") &&
        BasisWord(label).empty()) {
      out.named_unknown = true;
    }
    return out;
  }

  bool IsClassName(const std::string& label) const {
    if (label.empty()) return false;
    return !ClassificationCatalog::Default().FindByName(label).empty();
  }

  // Keeps only vocabulary terms that head their clause: between the term
  // and the next number or clause delimiter stand only connectives
  // ("基本支出1197.55万元", "公务接待费支出决算为1.1万元"), not another noun
  // ("一般公共预算拨款安排的会议费预算支出1305.25万元" is about 会议费).
  std::vector<SubjectMatch> Heads(std::string_view t,
                                  const std::vector<SubjectMatch>& all,
                                  size_t first, size_t last) const {
    std::vector<SubjectMatch> out;
    size_t next_number = first;
    for (const SubjectMatch& m : all) {
      while (next_number < last && nd_.mentions[next_number].begin < m.end) {
        ++next_number;
      }
      size_t stop = next_number < last
                        ? static_cast<size_t>(nd_.mentions[next_number].begin)
                        : t.size();
      stop = std::min(stop, static_cast<size_t>(m.end) + kMaxLeadBytes);
      stop = std::min(stop, t.size());
      for (size_t i = static_cast<size_t>(m.end); i < stop; ++i) {
        if (DelimiterAt(t, i) > 0 || t.substr(i, 3) == "。" ||
            t.substr(i, 3) == "（" || t[i] == '(') {
          stop = i;
          break;
        }
      }
      std::string_view between = t.substr(static_cast<size_t>(m.end),
                                          stop - static_cast<size_t>(m.end));
      if (IsConnective(between)) out.push_back(m);
    }
    return out;
  }

  // ---- Claims ----

  static std::string SubjectKey(const ClaimSubject& s) {
    std::string key;
    for (const std::string& m : s.metrics) key += m + ",";
    return key + "|" + s.label + "|" + s.class_path;
  }

  int ClaimOf(std::map<std::string, int>* block_claims,
              const ClaimSubject& subject, int block, int section, int owner) {
    auto [it, inserted] = block_claims->emplace(
        SubjectKey(subject), static_cast<int>(out_.claims.size()));
    if (!inserted) {
      Claim& c = out_.claims[static_cast<size_t>(it->second)];
      if (c.owner < 0 && owner >= 0 && owner != it->second) c.owner = owner;
      return it->second;
    }
    Claim c;
    c.block = block;
    c.section = section;
    c.subject = subject;
    c.owner = owner;
    out_.claims.push_back(std::move(c));
    return it->second;
  }

  // "决算数小于预算数的主要原因…": the word for the block's claim that
  // prints both an actual and a budget, the last one before the sentence.
  // "…，与上年（预算数）持平": the claim of the last value before it in its
  // sentence states no change.
  void AttachFlat(std::string_view t, const Span& s, size_t block_first_claim) {
    std::string_view sentence = t.substr(static_cast<size_t>(s.begin),
                                         static_cast<size_t>(s.end - s.begin));
    for (size_t at = sentence.find("持平"); at != std::string_view::npos;
         at = sentence.find("持平", at + 1)) {
      std::string_view before = sentence.substr(0, at);
      if (Contains(before, "决算数与预算数")) continue;
      int pos = s.begin + static_cast<int>(at);
      Claim* target = nullptr;
      int best = -1;
      for (size_t k = block_first_claim; k < out_.claims.size(); ++k) {
        for (const ClaimValue& v : out_.claims[k].values) {
          const Mention& m = nd_.mentions[static_cast<size_t>(v.mention)];
          if (m.begin >= s.begin && m.begin < pos && m.begin > best) {
            best = m.begin;
            target = &out_.claims[k];
          }
        }
      }
      if (target == nullptr) continue;
      // "…，合计833.6万元，与上年持平" speaks of a sum whose subject the
      // clause does not name: not attached.
      std::string_view lead = t.substr(static_cast<size_t>(s.begin),
                                       static_cast<size_t>(best - s.begin));
      size_t cut = LastOf(lead, {"，", "；", "："});
      if (cut != std::string_view::npos) lead = lead.substr(cut);
      if ((Contains(lead, "合计") || Contains(lead, "共计") ||
           Contains(lead, "总计")) &&
          StripLead(lead).empty())
        continue;
      bool printed_change = false;
      for (const ClaimValue& v : target->values) {
        printed_change |=
            v.role == ValueRole::kChange || v.role == ValueRole::kRate;
      }
      if (printed_change || target->flat) continue;
      // The comparison of the clause holding 持平.
      size_t clause = LastOf(before, {"，", "；", ","});
      std::string_view phrase =
          clause == std::string_view::npos ? before : before.substr(clause);
      Comparison c = ComparisonIn(phrase, meta_.fiscal_year);
      target->flat = true;
      target->flat_year = c.year;
      target->flat_basis = c.basis;
    }
  }

  void AttachComparators(std::string_view t, const std::vector<Span>& sents,
                         size_t block_first_claim) {
    for (const Span& s : sents) {
      AttachFlat(t, s, block_first_claim);
      std::string_view sentence = t.substr(
          static_cast<size_t>(s.begin), static_cast<size_t>(s.end - s.begin));
      std::string word;
      for (std::string_view w : {"大于", "小于", "等于"}) {
        if (Contains(sentence, "决算数" + std::string(w) + "预算数") ||
            Contains(sentence, "决算" + std::string(w) + "预算")) {
          word = std::string(w);
        }
      }
      if (word.empty() && Contains(sentence, "决算数与预算数") &&
          Contains(sentence, "持平")) {
        word = "等于";
      }
      if (word.empty()) continue;
      Claim* target = nullptr;
      for (size_t k = block_first_claim; k < out_.claims.size(); ++k) {
        Claim& c = out_.claims[k];
        if (c.begin >= s.end) continue;
        bool actual = false, budget = false;
        for (const ClaimValue& v : c.values) {
          budget |= v.role == ValueRole::kCompletion;
          if (v.role != ValueRole::kAmount) continue;
          actual |= v.basis == "actual";
          budget |= v.basis.rfind("budget", 0) == 0;
        }
        if (actual && budget) target = &c;
      }
      if (target != nullptr && target->comparator.empty())
        target->comparator = word;
    }
  }

  void Unclaim(size_t mention, std::string reason, std::string detail) {
    out_.unclaimed.push_back(
        {static_cast<int>(mention), std::move(reason), std::move(detail)});
  }

  const NormalizedDocument& nd_;
  const ReportMeta& meta_;
  const MetricCatalog& metrics_;
  ClaimSet out_;
};

}  // namespace

std::string_view ValueRoleName(ValueRole r) {
  switch (r) {
    case ValueRole::kAmount:
      return "amount";
    case ValueRole::kChange:
      return "change";
    case ValueRole::kRate:
      return "rate";
    case ValueRole::kShare:
      return "share";
    case ValueRole::kCompletion:
      return "completion";
    case ValueRole::kCount:
      return "count";
  }
  return "amount";
}

const std::vector<ClaimCue>& ClaimCues() {
  static const std::vector<ClaimCue>* cues = [] {
    auto* out = new std::vector<ClaimCue>;
    Result<DataTable> table = ReadDataTable("claim_cues.tsv", '\t');
    if (!table.ok()) return out;
    int kind = table->Column("kind"), cue = table->Column("cue"),
        value = table->Column("value"), extent = table->Column("extent"),
        example = table->Column("example"), expect = table->Column("expect");
    for (const std::vector<std::string>& row : table->rows) {
      auto at = [&](int c) {
        return c < 0 ? std::string() : row[static_cast<size_t>(c)];
      };
      out->push_back(
          {at(kind), at(cue), at(value), at(extent), at(example), at(expect)});
    }
    return out;
  }();
  return *cues;
}

ClaimSet ReadClaims(const NormalizedDocument& nd, const ReportMeta& meta,
                    const MetricCatalog& metrics) {
  return ClaimReader(nd, meta, metrics).Run();
}

std::string ClaimsDebugString(const ClaimSet& claims,
                              const NormalizedDocument& nd) {
  std::string out;
  for (size_t i = 0; i < claims.claims.size(); ++i) {
    const Claim& c = claims.claims[i];
    out += "claim " + std::to_string(i) + " b" + std::to_string(c.block) + " ";
    out +=
        c.subject.class_path.empty() ? c.subject.label : c.subject.class_path;
    out += " [";
    for (size_t k = 0; k < c.subject.metrics.size(); ++k)
      out += (k ? "," : "") + c.subject.metrics[k];
    out += "]";
    if (c.owner >= 0) out += " of claim " + std::to_string(c.owner);
    if (!c.comparator.empty()) out += " 决算数" + c.comparator + "预算数";
    if (c.flat) {
      out += " 持平";
      if (c.flat_year > 0) out += " vs " + std::to_string(c.flat_year);
      if (!c.flat_basis.empty()) out += " " + c.flat_basis;
    }
    out += "\n";
    for (const ClaimValue& v : c.values) {
      out += "  " + std::string(ValueRoleName(v.role)) + " " +
             v.printed.ToString() + v.unit;
      if (v.role == ValueRole::kAmount || v.role == ValueRole::kCompletion)
        out += " " + v.basis;
      if (v.role == ValueRole::kAmount && v.year > 0)
        out += " " + std::to_string(v.year);
      if (!v.direction.empty()) out += " " + v.direction;
      if (v.comparison_year > 0)
        out += " vs " + std::to_string(v.comparison_year);
      if (!v.comparison_basis.empty()) out += " " + v.comparison_basis;
      if (v.role == ValueRole::kShare) {
        out += " of ";
        if (!v.base_metric.empty()) {
          out += v.base_metric;
        } else if (!v.base_label.empty()) {
          out += v.base_label;
        } else {
          out += c.owner >= 0 ? "owner" : "its total";
        }
      }
      if (v.role == ValueRole::kCount) out += " " + v.count_metric;
      out += "\n";
    }
  }
  for (const Unclaimed& u : claims.unclaimed) {
    const Mention& m = nd.mentions[static_cast<size_t>(u.mention)];
    out += "unclaimed b" + std::to_string(m.block) + " " + m.value.ToString() +
           m.unit + " " + u.reason;
    if (!u.detail.empty()) out += " (" + u.detail + ")";
    out += "\n";
  }
  return out;
}

}  // namespace budgetdoc
