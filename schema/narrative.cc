#include "schema/narrative.h"

#include "base/utf8.h"
#include "schema/classification.h"

#include <algorithm>
#include <optional>

namespace budgetdoc {
namespace {

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool EndsWith(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
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

std::vector<Span> SplitSentences(std::string_view t) {
  static constexpr std::string_view kEnds[] = {"。", "；", ";", "！",
                                               "？", "!",  "?"};
  std::vector<Span> out;
  size_t start = 0, i = 0;
  while (i < t.size()) {
    size_t len = 0;
    for (std::string_view e : kEnds) {
      if (t.substr(i, e.size()) == e) len = e.size();
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

// Start of the clause that ends at `pos`: after the last clause delimiter.
size_t ClauseStart(std::string_view t, size_t sentence_begin, size_t pos) {
  size_t start = sentence_begin;
  for (std::string_view d : {"，", ",", "：", ":", "、", "；"}) {
    size_t p = t.substr(0, pos).rfind(d);
    if (p != std::string_view::npos && p >= sentence_begin &&
        p + d.size() > start) {
      start = p + d.size();
    }
  }
  return start;
}

// Strips verbs and connectives printed between a subject and its number:
// "公务接待费支出决算为" → "公务接待费".
std::string StripLead(std::string_view s) {
  static constexpr std::string_view kTails[] = {
      "支出决算数为", "支出决算为", "决算数为", "预算数为", "支出决算",
      "决算为",       "预算为",     "支出为",   "共计",     "合计为",
      "总额为",       "金额为",     "安排",     "合计",     "总计",
      "小计",         "预算",       "决算",     "全年",     "年初",
      "调整后",       "调整",       "为",       "是",       "达",
      "约",           "共",         "计",       "均",       "各"};
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
      "年度",         "年",         "相比",     "与"};
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
      "、",   "（",   "）",     "(",      ")"};
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

// Drops a list number ("1.", "2、", "（一）", "(3)", "一、") at the start.
std::string StripListNumber(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || s.substr(i, 3) == "、")) {
    return std::string(s.substr(s[i] == '.' ? i + 1 : i + 3));
  }
  for (std::string_view open : {"（", "("}) {
    if (s.substr(0, open.size()) == open) {
      size_t close = s.find(open == "（" ? "）" : ")");
      if (close != std::string_view::npos && close <= 15) {
        return std::string(s.substr(close + (open == "（" ? 3 : 1)));
      }
    }
  }
  static constexpr std::string_view kCn = "一二三四五六七八九十";
  size_t p = 0;
  while (p + 3 <= s.size() &&
         kCn.find(s.substr(p, 3)) != std::string_view::npos)
    p += 3;
  if (p > 0 && s.substr(p, 3) == "、") return std::string(s.substr(p + 3));
  return std::string(s);
}

// The direction word closest before the number, if any.
std::string DirectionIn(std::string_view lead) {
  // Template residue "增加（减少）", "增长（下降）": the sign is unknown.
  for (std::string_view t :
       {"增加（减少）", "减少（增加）", "增长（下降）", "下降（增长）"}) {
    size_t at = lead.rfind(t);
    if (at != std::string_view::npos && CountCodePoints(lead.substr(at)) <= 8)
      return "增加（减少）";
  }
  std::string_view which;
  size_t p = LastOf(lead,
                    {"增加", "增长", "上升", "提高", "减少", "下降", "降低",
                     "节约", "持平", "增", "减"},
                    &which);
  if (p == std::string_view::npos) return "";
  // Only when the word is near the number (within a few characters).
  if (CountCodePoints(lead.substr(p)) > 4) return "";
  if (which == "增") return "增加";
  if (which == "减") return "减少";
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
};

// What a number is about.
struct Subject {
  std::vector<std::string> metrics;  // one, or two for "收、支总计"
  std::string label;
  std::string class_path;  // "类/款/项" names when from a classification path
  bool found = false;
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

std::string FundOfContext(const NormalizedDocument& nd, int section) {
  for (int s = section; s > 0;
       s = nd.sections.sections[static_cast<size_t>(s)].parent) {
    const std::string& title =
        nd.sections.sections[static_cast<size_t>(s)].title;
    if (Contains(title, "政府性基金")) return "gov_fund";
    if (Contains(title, "国有资本经营")) return "soe";
    if (Contains(title, "一般公共预算")) return "gpb";
  }
  return "gpb";
}

Subject FromMetric(const Metric* m, std::string_view label) {
  Subject s;
  s.metrics.push_back(m->id);
  s.label = std::string(label);
  s.found = true;
  return s;
}

// Nearest vocabulary subject ending at or before `pos` in text[from, pos).
std::optional<SubjectMatch> NearestSubject(
    const std::vector<SubjectMatch>& subjects, int from, int pos) {
  std::optional<SubjectMatch> best;
  for (const SubjectMatch& s : subjects) {
    if (s.begin >= from && s.end <= pos && (!best || s.end > best->end))
      best = s;
  }
  return best;
}

std::string Quote(std::string_view t, const Span& sentence) {
  std::string_view s =
      t.substr(static_cast<size_t>(sentence.begin),
               static_cast<size_t>(sentence.end - sentence.begin));
  return Ellipsize(s, 120);
}

// An in-progress fact with the position of its number.
struct Pending {
  Fact fact;
  int sentence = -1;
  Subject subject;
};

class NarrativeReader {
 public:
  NarrativeReader(const NormalizedDocument& nd, const ReportMeta& meta,
                  const MetricCatalog& metrics)
      : nd_(nd), meta_(meta), metrics_(metrics) {}

  std::vector<Fact> Run() {
    std::vector<Fact> out;
    size_t m = 0;
    const auto& mentions = nd_.mentions;
    while (m < mentions.size()) {
      int block = mentions[m].block;
      size_t end = m;
      while (end < mentions.size() && mentions[end].block == block) ++end;
      ReadBlock(block, m, end, &out);
      m = end;
    }
    return out;
  }

 private:
  void ReadBlock(int block, size_t first, size_t last, std::vector<Fact>* out) {
    const std::string& t = nd_.blocks[static_cast<size_t>(block)].text;
    const Block& b = nd_.doc.blocks[static_cast<size_t>(block)];
    int section = nd_.sections.block_section[static_cast<size_t>(block)];
    std::vector<Span> sentences = SplitSentences(t);
    std::vector<SubjectMatch> subjects =
        Heads(t, metrics_.FindSubjects(t), first, last);
    // Money is never about a count term ("团组", "车辆数"): amounts resolve
    // their subject among the money terms only.
    std::vector<SubjectMatch> money_subjects;
    for (const SubjectMatch& m : subjects) {
      if (!m.metric->is_count) money_subjects.push_back(m);
    }
    Context ctx = SectionContext(nd_, section);
    std::vector<Pending> done;  // facts of this block so far
    std::vector<int> skipped;   // ends of amounts whose subject is unknown

    for (size_t i = first; i < last; ++i) {
      const Mention& mention = nd_.mentions[i];
      size_t si = 0;
      while (si + 1 < sentences.size() && sentences[si].end <= mention.begin)
        ++si;
      const Span& sent = sentences.empty() ? Span{0, static_cast<int>(t.size())}
                                           : sentences[si];
      int prev_end = sent.begin;
      for (const Pending& p : done) {
        if (p.sentence == static_cast<int>(si))
          prev_end = std::max(prev_end, p.fact.where.norm_end);
      }
      std::string_view lead(t.data() + prev_end,
                            static_cast<size_t>(mention.begin - prev_end));

      Pending p;
      p.sentence = static_cast<int>(si);
      Fact& f = p.fact;
      f.printed = mention.value;
      f.unit = mention.unit;
      f.origin = Origin::kNarrative;
      f.section = section;
      f.year = meta_.fiscal_year;
      f.basis = meta_.kind == "budget" ? "budget" : "actual";
      f.where.source = nd_.doc.source;
      f.where.page = b.page;
      f.where.block = block;
      f.where.norm_begin = mention.begin;
      f.where.norm_end = mention.end;
      f.where.raw_begin = mention.raw_begin;
      f.where.raw_end = mention.raw_end;
      f.quote = Quote(t, sent);
      f.on_unreadable_page = b.page > 0 && nd_.doc.PageUnreadable(b.page);

      std::string sentence_text(
          t.substr(static_cast<size_t>(sent.begin),
                   static_cast<size_t>(sent.end - sent.begin)));
      SetComparisonYear(sentence_text, &f);

      // "单价50万元以上通用设备": a threshold, not a stated amount.
      std::string_view after =
          std::string_view(t).substr(static_cast<size_t>(mention.end));
      if (mention.kind == MentionKind::kAmount &&
          (after.substr(0, 6) == "以上" || after.substr(0, 6) == "以下" ||
           after.substr(0, 6) == "以内" ||
           (lead.size() >= 6 && lead.substr(lead.size() - 6) == "单价"))) {
        continue;
      }
      if (mention.kind == MentionKind::kPercent) {
        // A share right after an amount whose subject is unknown is about
        // that unknown subject.
        bool after_unknown =
            !skipped.empty() && skipped.back() >= sent.begin &&
            (done.empty() || done.back().fact.where.norm_end < skipped.back());
        size_t zhan = lead.rfind("占");
        int until = zhan == std::string_view::npos
                        ? mention.begin
                        : static_cast<int>(lead.data() - t.data() + zhan);
        if (after_unknown && !NearestSubject(subjects, skipped.back(), until))
          continue;
        if (!ReadPercent(t, sent, lead, done, subjects, &p)) continue;
      } else if (mention.kind == MentionKind::kCount) {
        if (!ReadCount(t, sent, mention, section, &p)) continue;
      } else {
        if (!ReadAmount(t, sent, lead, mention, money_subjects, ctx, section,
                        done, &p)) {
          skipped.push_back(mention.end);
          continue;
        }
      }
      // Comparator words of a completion sentence in the same block.
      if (f.measure == Measure::kCompletion) {
        for (std::string_view w : {"小于", "大于", "等于"}) {
          if (Contains(t, std::string("决算数") + std::string(w) + "预算数") ||
              Contains(t, std::string("决算") + std::string(w) + "预算")) {
            f.direction = std::string(w);
          }
        }
      }
      if (f.measure != Measure::kChange && f.measure != Measure::kRate)
        f.comparison_year = 0;
      Emit(p, mention, out);
      done.push_back(std::move(p));
    }
  }

  void SetComparisonYear(const std::string& sentence, Fact* f) {
    // "与2022年度相比", "比2022年", "较上年", "比上年度".
    for (size_t pos = 0; (pos = sentence.find("20", pos)) != std::string::npos;
         ++pos) {
      if (pos + 7 <= sentence.size() && sentence.substr(pos + 4, 3) == "年") {
        std::string y = sentence.substr(pos, 4);
        if (std::all_of(y.begin(), y.end(),
                        [](char c) { return c >= '0' && c <= '9'; })) {
          int year = std::stoi(y);
          if (year != f->year &&
              (Contains(sentence, "相比") || Contains(sentence, "比") ||
               Contains(sentence, "较"))) {
            f->comparison_year = year;
            return;
          }
        }
      }
    }
    if (f->year > 0 &&
        (Contains(sentence, "上年") || Contains(sentence, "去年"))) {
      f->comparison_year = f->year - 1;
    }
  }

  // Emits one fact, or two for a pair subject ("收、支总计").
  void Emit(const Pending& p, const Mention& mention, std::vector<Fact>* out) {
    const Subject& s = p.subject;
    if (s.metrics.size() == 2 && mention.list_size == 2) {
      Fact f = p.fact;
      f.metric =
          s.metrics[static_cast<size_t>(std::min(mention.list_index, 1))];
      out->push_back(std::move(f));
      return;
    }
    for (const std::string& metric : s.metrics) {
      Fact f = p.fact;
      f.metric = metric;
      if (const Metric* m = metrics_.Find(metric);
          m != nullptr && f.fund == "all") {
        f.fund = m->fund;
      }
      out->push_back(std::move(f));
    }
  }

  // Keeps only vocabulary terms that head their clause: between the term
  // and the next number or clause delimiter stand only connectives
  // ("基本支出1197.55万元", "公务接待费支出决算为1.1万元"), not another noun
  // ("一般公共预算拨款安排的会议费预算支出1305.25万元" is about 会议费).
  std::vector<SubjectMatch> Heads(std::string_view t,
                                  const std::vector<SubjectMatch>& all,
                                  size_t first, size_t last) const {
    std::vector<int> numbers;
    for (size_t i = first; i < last; ++i)
      numbers.push_back(nd_.mentions[i].begin);
    std::vector<SubjectMatch> out;
    for (const SubjectMatch& m : all) {
      size_t stop = t.size();
      for (int n : numbers) {
        if (n >= m.end) {
          stop = std::min(stop, static_cast<size_t>(n));
          break;
        }
      }
      for (std::string_view d :
           {"，", ",", "：", ":", "；", "。", "、", "（", "("}) {
        size_t q = t.find(d, static_cast<size_t>(m.end));
        if (q != std::string_view::npos) stop = std::min(stop, q);
      }
      std::string_view between = t.substr(static_cast<size_t>(m.end),
                                          stop - static_cast<size_t>(m.end));
      if (IsConnective(between)) out.push_back(m);
    }
    return out;
  }

  // A printed classification name: a 类/款/项 name of the catalog.
  bool IsClassName(const std::string& label) const {
    if (label.empty()) return false;
    return !ClassificationCatalog::Default().FindByName(label).empty();
  }

  Subject ResolveSubject(std::string_view t, const Span& sent, int pos,
                         const std::vector<SubjectMatch>& subjects, Context ctx,
                         bool allow_local_label) {
    std::string_view sentence = t.substr(static_cast<size_t>(sent.begin),
                                         static_cast<size_t>(pos - sent.begin));
    // 1. A pair ("收、支总计") in the sentence before the number; with
    // 财政拨款 printed right before it, the fiscal pair.
    for (const PairSubject& pair : kPairs) {
      size_t at = sentence.find(pair.text);
      if (at == std::string_view::npos) continue;
      Subject s;
      s.metrics = {std::string(pair.first), std::string(pair.second)};
      s.label = std::string(pair.text);
      s.found = true;
      std::string_view before_pair = sentence.substr(0, at);
      if (s.metrics[0] == "income.grand_total" && before_pair.size() >= 12 &&
          before_pair.substr(before_pair.size() - 12) == "财政拨款") {
        s.metrics = {"fiscal.income.grand_total",
                     "fiscal.expenditure.grand_total"};
      }
      return s;
    }
    size_t clause = ClauseStart(t, static_cast<size_t>(sent.begin),
                                static_cast<size_t>(pos));
    std::string_view local =
        t.substr(clause, static_cast<size_t>(pos) - clause);
    std::string label = StripListNumber(StripLead(local));
    // 2. A vocabulary term heading the clause that holds the number. In a
    // 基本支出 breakdown, item names such as 公务接待费 are economic items.
    // "检察（款）: 2018年预算支出合计16,444.36万元": a 类/款/项 label opening
    // the sentence makes its totals that item's.
    ClassPath opening;
    std::string_view sentence_before = t.substr(
        static_cast<size_t>(sent.begin), static_cast<size_t>(pos - sent.begin));
    bool labelled_by_class =
        allow_local_label && ParseClassPath(sentence_before, &opening) &&
        (sentence_before.rfind("（款）") != std::string_view::npos ||
         sentence_before.rfind("（类）") != std::string_view::npos ||
         sentence_before.rfind("（项）") != std::string_view::npos ||
         sentence_before.rfind("(款)") != std::string_view::npos);
    if (labelled_by_class) {
      // Handled by the class path below.
    } else if (auto s =
                   NearestSubject(subjects, static_cast<int>(clause), pos)) {
      // "其他资金收入预算总计", "服务类政府采购支出": a qualified subject is a
      // narrower thing than the vocabulary term; not read as that term.
      std::string_view prefix =
          t.substr(clause, static_cast<size_t>(s->begin) - clause);
      if (allow_local_label && IsQualifier(prefix, meta_.entity_name))
        return Subject{};
      std::string_view id = s->metric->id;
      bool item_level = id.rfind("three_public.", 0) == 0 ||
                        id.rfind("procurement.", 0) == 0 ||
                        id == "admin_operating_cost";
      if (ctx == Context::kEcon && item_level && allow_local_label &&
          !label.empty()) {
        Subject e;
        e.metrics.push_back("gpb.basic.by_econ");
        e.label = label;
        e.found = true;
        return e;
      }
      return FromMetric(s->metric,
                        t.substr(static_cast<size_t>(s->begin),
                                 static_cast<size_t>(s->end - s->begin)));
    }
    // 3. A 类/款/项 path before the number in the block ("…（项）:
    // 支出决算为"). The path is in the number's sentence, or labels the list
    // item the block starts with
    // ("1、一般公共服务支出（类）…（项）。…年初预算为…").
    ClassPath path;
    std::string_view before = t.substr(static_cast<size_t>(sent.begin),
                                       static_cast<size_t>(pos - sent.begin));
    bool has_path = ParseClassPath(before, &path);
    if (!has_path) {
      std::vector<Span> all = SplitSentences(t);
      if (!all.empty()) {
        std::string_view first =
            t.substr(static_cast<size_t>(all[0].begin),
                     static_cast<size_t>(all[0].end - all[0].begin));
        HeadingLabel item;
        has_path =
            ParseHeadingLabel(first, &item) && ParseClassPath(first, &path);
      }
    }
    if (has_path) {
      Subject s;
      s.metrics.push_back(ClassMetric(ctx));
      // ParseClassPath promises at least one name.
      int names = 0;
      for (const std::string* n : {&path.lei, &path.kuan, &path.xiang}) {
        if (!n->empty()) {
          ++names;
          s.label = *n;  // the deepest name printed
        }
      }
      if (names > 1)
        s.class_path = path.lei + "/" + path.kuan + "/" + path.xiang;
      s.found = true;
      return s;
    }
    bool cjk_label = !label.empty() && IsCjkIdeograph([&] {
      size_t p0 = 0;
      return DecodeUtf8(label, &p0);
    }());
    // 4. A classification name right before the number: in a list section,
    // or one the catalog knows ("2.社会保障和就业支出1608.51万元").
    if (allow_local_label && cjk_label && CountCodePoints(label) <= 30 &&
        (ctx != Context::kNone || IsClassName(label))) {
      Subject s;
      s.metrics.push_back(ClassMetric(ctx));
      s.label = label;
      s.found = true;
      return s;
    }
    // A clause that names something the vocabulary does not know
    // ("面向中小企业预留采购份额13.43万元") is not about an earlier subject;
    // a comparison ("比上年预算的9.46万元") is about the sentence's subject.
    bool comparison = Contains(label, "比") || Contains(label, "较") ||
                      Contains(label, "上年") || Contains(label, "去年") ||
                      Contains(label, "相比") || Contains(label, "同期");
    if (allow_local_label && cjk_label && !comparison &&
        !Contains(label, "其中"))
      return Subject{};
    // 5. The nearest vocabulary term earlier in the sentence, then the block.
    if (auto s = NearestSubject(subjects, sent.begin, pos)) {
      return FromMetric(s->metric,
                        t.substr(static_cast<size_t>(s->begin),
                                 static_cast<size_t>(s->end - s->begin)));
    }
    if (!allow_local_label || label.empty()) {
      if (auto s = NearestSubject(subjects, 0, pos)) {
        return FromMetric(s->metric,
                          t.substr(static_cast<size_t>(s->begin),
                                   static_cast<size_t>(s->end - s->begin)));
      }
    }
    return Subject{};
  }

  bool ReadAmount(std::string_view t, const Span& sent, std::string_view lead,
                  const Mention& mention,
                  const std::vector<SubjectMatch>& subjects, Context ctx,
                  int section, const std::vector<Pending>& done, Pending* p) {
    Fact& f = p->fact;
    f.measure = Measure::kAmount;
    std::string direction = DirectionIn(lead);
    if (!direction.empty()) {
      f.measure = Measure::kChange;
      f.direction = direction;
    }
    if (Contains(lead, "年初预算")) {
      f.basis = "budget_initial";
    } else if (Contains(lead, "调整预算") || Contains(lead, "调整后预算") ||
               Contains(lead, "全年预算")) {
      f.basis = "budget_adjusted";
    } else if (Contains(lead, "预算数") || Contains(lead, "预算为") ||
               Contains(lead, "预算安排") ||
               EndsWith(StripLead(lead), "预算")) {
      f.basis = "budget";
    } else if (Contains(lead, "决算")) {
      f.basis = "actual";
    }
    if (f.measure == Measure::kAmount && f.year > 0 &&
        (Contains(lead, "上年") ||
         Contains(lead, std::to_string(f.year - 1) + "年"))) {
      f.year = f.year - 1;
    }
    if (mention.kind == MentionKind::kBareNumber) {
      f.value = mention.value;  // unit missing: value kept as printed
    } else {
      f.value = ToWanYuan(mention.value, mention.unit);
    }
    // A change or a list continuation with no subject of its own takes the
    // subject of the previous amount in the sentence.
    p->subject =
        ResolveSubject(t, sent, mention.begin, subjects, ctx,
                       /*allow_local_label=*/f.measure == Measure::kAmount);
    if (f.measure == Measure::kChange) {
      for (auto it = done.rbegin(); it != done.rend(); ++it) {
        if (it->sentence == p->sentence &&
            it->fact.measure == Measure::kAmount &&
            !NearestSubject(subjects, it->fact.where.norm_end, mention.begin)) {
          p->subject = it->subject;
          break;
        }
      }
    }
    if (!p->subject.found) return false;
    // Money never belongs to a count metric (车辆数, 在职人数).
    for (const std::string& id : p->subject.metrics) {
      const Metric* m = metrics_.Find(id);
      if (m != nullptr && m->is_count) return false;
    }
    f.label = p->subject.label;
    if (!p->subject.class_path.empty()) f.label = p->subject.class_path;
    if (p->subject.metrics.size() == 1 &&
        p->subject.metrics[0] == "expenditure.by_func") {
      f.code_scheme = "func";
    } else if (p->subject.metrics.size() == 1 &&
               p->subject.metrics[0] == "gpb.expenditure.by_func") {
      f.fund = FundOfContext(nd_, section);
      f.code_scheme = "func";
    } else if (p->subject.metrics.size() == 1 &&
               p->subject.metrics[0] == "gpb.basic.by_econ") {
      f.fund = "gpb";
      f.code_scheme = "econ";
    }
    return true;
  }

  bool ReadPercent(std::string_view t, const Span& sent, std::string_view lead,
                   const std::vector<Pending>& done,
                   const std::vector<SubjectMatch>& subjects, Pending* p) {
    Fact& f = p->fact;
    f.value = p->fact.printed;
    const Pending* prev = nullptr;
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
      if (it->sentence == p->sentence) {
        prev = &*it;
        break;
      }
    }
    size_t zhan = LastOf(lead, {"占"});
    std::string direction = DirectionIn(lead);
    bool completion = (Contains(lead, "完成") &&
                       (Contains(lead, "预算") || Contains(lead, "率"))) ||
                      Contains(lead, "执行率") || Contains(lead, "预算完成");
    if (zhan != std::string_view::npos) {
      f.measure = Measure::kShare;
      // The base follows 占: "占本年支出合计的100%".
      int base_from = static_cast<int>(lead.data() - t.data() + zhan);
      int pct_begin = static_cast<int>(lead.data() - t.data() + lead.size());
      if (auto b = NearestSubject(subjects, base_from, pct_begin))
        f.base_metric = b->metric->id;
    } else if (completion) {
      f.measure = Measure::kCompletion;
      if (Contains(lead, "年初")) {
        f.basis = "budget_initial";
      } else if (Contains(lead, "调整") || Contains(lead, "全年")) {
        f.basis = "budget_adjusted";
      } else {
        f.basis = "budget";
      }
    } else if (!direction.empty()) {
      f.measure = Measure::kRate;
      f.direction = direction;
    } else {
      return false;  // 答复率100%, 结案率67%: not a fiscal fact
    }
    // Subject: the previous amount (or change, for a rate) of the sentence,
    // unless a new subject was named after it.
    int from = prev != nullptr ? prev->fact.where.norm_end : sent.begin;
    int until =
        static_cast<int>(lead.data() - t.data()) +
        static_cast<int>(zhan != std::string_view::npos ? zhan : lead.size());
    std::optional<SubjectMatch> named = NearestSubject(subjects, from, until);
    if (named) {
      p->subject =
          FromMetric(named->metric,
                     t.substr(static_cast<size_t>(named->begin),
                              static_cast<size_t>(named->end - named->begin)));
    } else if (prev != nullptr) {
      p->subject = prev->subject;
      f.code_scheme = prev->fact.code_scheme;
      f.fund = prev->fact.fund;
      if (f.measure == Measure::kRate && f.direction.empty())
        f.direction = prev->fact.direction;
    } else {
      Context ctx = SectionContext(nd_, f.section);
      p->subject = ResolveSubject(t, sent, until, subjects, ctx, false);
    }
    if (!p->subject.found) return false;
    f.label = p->subject.class_path.empty() ? p->subject.label
                                            : p->subject.class_path;
    if (f.measure == Measure::kShare && f.base_metric.empty() &&
        p->subject.metrics.size() == 1) {
      if (const Metric* m = metrics_.Find(p->subject.metrics[0]);
          m != nullptr) {
        f.base_metric = m->part_of;
      }
    }
    return true;
  }

  bool ReadCount(std::string_view t, const Span& sent, const Mention& mention,
                 int section, Pending* p) {
    Fact& f = p->fact;
    f.measure = Measure::kCount;
    f.value = mention.value;
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
        size_t clause = ClauseStart(t, static_cast<size_t>(sent.begin),
                                    static_cast<size_t>(mention.begin));
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
                Contains(t.substr(static_cast<size_t>(mention.end), 12),
                         "股室") ||
                Contains(t.substr(static_cast<size_t>(mention.end), 12),
                         "科室") ||
                Contains(t.substr(static_cast<size_t>(mention.end), 12),
                         "处室") ||
                Contains(t.substr(static_cast<size_t>(mention.end), 18),
                         "内设机构"))) {
      metric = "org.internal_units";
    }
    if (metric.empty() && u == "个") {
      std::string_view after = t.substr(static_cast<size_t>(mention.end), 24);
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
    p->subject.metrics = {metric};
    p->subject.found = true;
    p->subject.label = std::string(
        metrics_.Find(metric) ? metrics_.Find(metric)->label : metric);
    f.label = p->subject.label;
    return true;
  }

  const NormalizedDocument& nd_;
  const ReportMeta& meta_;
  const MetricCatalog& metrics_;
};

}  // namespace

bool ParseClassPath(std::string_view raw, ClassPath* out) {
  // ASCII brackets ("住房改革支出(款)") read like full-width ones.
  std::string folded(raw);
  for (std::string_view level : {"类", "款", "项"}) {
    std::string ascii = "(" + std::string(level) + ")";
    std::string wide = "（" + std::string(level) + "）";
    for (size_t at = folded.find(ascii); at != std::string::npos;
         at = folded.find(ascii, at + wide.size())) {
      folded.replace(at, ascii.size(), wide);
    }
  }
  std::string_view text = folded;
  // Take the last 类 … 项 run: find the last "（项）" or "（款）" or "（类）".
  size_t xiang = text.rfind("（项）");
  size_t kuan = text.rfind("（款）");
  size_t lei = text.rfind("（类）");
  if (lei == std::string_view::npos && kuan == std::string_view::npos &&
      xiang == std::string_view::npos) {
    return false;
  }
  ClassPath p;
  auto name_before = [&](size_t end, size_t floor) {
    // The name runs back to the previous marker or a delimiter.
    size_t start = floor;
    for (std::string_view d : {"：", ":", "，", "。", "；", "、", ".", " "}) {
      size_t q = text.substr(0, end).rfind(d);
      if (q != std::string_view::npos && q + d.size() > start &&
          q + d.size() <= end) {
        start = q + d.size();
      }
    }
    std::string name(text.substr(start, end - start));
    // Drop a leading list number ("1.").
    size_t k = 0;
    while (k < name.size() && name[k] >= '0' && name[k] <= '9') ++k;
    if (k > 0 && k < name.size() && name[k] == '.') name = name.substr(k + 1);
    return name;
  };
  if (lei != std::string_view::npos)
    p.lei = StripListNumber(name_before(lei, 0));
  constexpr size_t kMarker = sizeof("（类）") - 1;
  size_t after_lei = lei == std::string_view::npos ? 0 : lei + kMarker;
  if (kuan != std::string_view::npos && kuan >= after_lei) {
    p.kuan = std::string(text.substr(after_lei, kuan - after_lei));
    if (lei == std::string_view::npos)
      p.kuan = StripListNumber(name_before(kuan, 0));
  }
  size_t after_kuan =
      kuan == std::string_view::npos ? after_lei : kuan + kMarker;
  if (xiang != std::string_view::npos && xiang >= after_kuan) {
    p.xiang = std::string(text.substr(after_kuan, xiang - after_kuan));
  }
  if (p.empty()) return false;
  *out = p;
  return true;
}

Decimal ToWanYuan(const Decimal& printed, std::string_view unit) {
  if (unit == "元") return printed.ShiftPow10(-4).value_or(printed);
  if (unit == "亿元") return printed.ShiftPow10(4).value_or(printed);
  return printed;
}

std::vector<Fact> ExtractNarrativeFacts(const NormalizedDocument& nd,
                                        const ReportMeta& meta,
                                        const MetricCatalog& metrics) {
  return NarrativeReader(nd, meta, metrics).Run();
}

// "收支总计", "收、支决算总计": one name for both grand totals.
bool IsCombinedTotal(std::string_view name) {
  return (Contains(name, "收支") || Contains(name, "收、支")) &&
         Contains(name, "总计");
}

std::vector<Fact> ExtractChartFacts(const NormalizedDocument& nd,
                                    const ReportMeta& meta,
                                    const MetricCatalog& metrics) {
  std::vector<Fact> out;
  for (size_t c = 0; c < nd.doc.charts.size(); ++c) {
    const Chart& chart = nd.doc.charts[c];
    int block = -1;
    for (size_t b = 0; b < nd.doc.blocks.size(); ++b) {
      if (nd.doc.blocks[b].kind == BlockKind::kChart &&
          nd.doc.blocks[b].chart == static_cast<int>(c)) {
        block = static_cast<int>(b);
      }
    }
    std::vector<SubjectMatch> title_subjects =
        metrics.FindSubjects(chart.title);
    for (const ChartSeries& series : chart.series) {
      for (size_t k = 0;
           k < series.values.size() && k < chart.categories.size(); ++k) {
        Result<Decimal> v = Decimal::Parse(series.values[k]);
        if (!v.ok()) continue;
        const std::string& cat = chart.categories[k];
        Fact f;
        f.origin = Origin::kChart;
        f.printed = *v;
        f.value = *v;
        f.unit = "万元";
        f.year = meta.fiscal_year;
        f.basis = meta.kind == "budget" ? "budget" : "actual";
        f.where.source = nd.doc.source;
        f.where.block = block;
        f.quote = chart.title;
        f.label = cat;
        // Year categories ("2022年"): the series or title names the metric.
        int year = 0;
        if (cat.size() >= 7 && cat.substr(4) == "年")
          year = std::atoi(cat.substr(0, 4).c_str());
        if (year > 0) {
          f.year = year;
          std::string metric;
          bool fiscal = Contains(chart.title, "财政拨款");
          if (series.name == "收入") {
            metric =
                fiscal ? "fiscal.income.grand_total" : "income.grand_total";
          } else if (series.name == "支出") {
            metric = fiscal ? "fiscal.expenditure.grand_total"
                            : "expenditure.grand_total";
          } else if (IsCombinedTotal(series.name) ||
                     (series.name.empty() && IsCombinedTotal(chart.title))) {
            // One series for "收、支总计" (equal by the balance identity):
            // read as the income side.
            metric =
                fiscal ? "fiscal.income.grand_total" : "income.grand_total";
          } else if (!title_subjects.empty()) {
            metric = title_subjects.back().metric->id;
          }
          if (metric.empty()) continue;
          f.metric = metric;
        } else {
          std::vector<SubjectMatch> s = metrics.FindSubjects(cat);
          if (!s.empty() && s.front().begin == 0 &&
              static_cast<size_t>(s.front().end) == cat.size()) {
            f.metric = s.front().metric->id;
          } else if (Contains(chart.title, "一般公共预算")) {
            f.metric = "gpb.expenditure.by_func";
            f.code_scheme = "func";
          } else {
            continue;
          }
        }
        if (const Metric* m = metrics.Find(f.metric)) f.fund = m->fund;
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace budgetdoc
