#include "check/context.h"

#include "base/utf8.h"
#include "check/rules.h"
#include "check/verdict.h"

#include <algorithm>
#include <functional>

namespace budgetdoc {

namespace {

// Two digests of one text: std::hash and FNV-1a, independent enough that
// distinct statements never share both.
std::pair<uint64_t, uint64_t> Digest(std::string_view s) {
  uint64_t fnv = 14695981039346656037ull;
  for (unsigned char c : s) fnv = (fnv ^ c) * 1099511628211ull;
  return {std::hash<std::string_view>()(s), fnv};
}

}  // namespace

CheckContext::CheckContext(const NormalizedDocument& nd, const Extraction& ex,
                           const CheckOptions& opts, State* state)
    : nd_(nd),
      ex_(ex),
      opts_(opts),
      metrics_(MetricCatalog::Default()),
      index_(*state),
      groups_(state->groups),
      per_rule_(state->per_rule),
      seen_messages_(state->seen_messages),
      judged_(state->judged),
      report_(state->report) {}

// A group is the set of facts one statement of the report makes together:
// a chapter of the narrative (the first section below a 第X部分), one
// table, or one chart.
std::string CheckContext::GroupOf(const Fact& f) const {
  if (f.origin == Origin::kTable) return "t" + std::to_string(f.where.table);
  if (f.origin == Origin::kChart) return "c" + std::to_string(f.where.block);
  int s = f.section;
  int chapter = s;
  while (s > 0) {
    const Section& sec = nd_.sections.sections[static_cast<size_t>(s)];
    if (sec.style == "part") break;
    chapter = s;
    s = sec.parent;
  }
  return "n" + std::to_string(chapter);
}

// The basis a report states its own figures in.
std::string CheckContext::DefaultBasis() const {
  return ex_.meta.kind == "budget" ? "budget" : "actual";
}

bool CheckContext::Current(const Fact& f) const {
  return f.year == 0 || ex_.meta.fiscal_year == 0 ||
         f.year == ex_.meta.fiscal_year;
}

void CheckContext::IndexFacts() {
  State& st = index_;
  for (const Fact& f : ex_.facts) {
    groups_[GroupOf(f)].push_back(&f);
    st.by_metric[f.metric].push_back(&f);
    st.by_block_metric[{f.where.block, f.metric}].push_back(&f);
    if (f.where.block >= 0) st.by_block[f.where.block].push_back(&f);
    if (f.claim >= 0) st.by_claim[f.claim].push_back(&f);
    if (f.measure == Measure::kAmount) {
      st.amounts_by_year[{f.metric, f.year}].push_back(&f);
    }
  }
  for (const RecognizedTable& t : ex_.tables) {
    st.tables_by_index[t.table].push_back(&t);
  }
  const size_t n = ex_.facts.size();
  st.run_end.assign(n, n);
  for (size_t i = n; i-- > 0;) {
    bool same =
        i + 1 < n && ex_.facts[i + 1].where.block == ex_.facts[i].where.block;
    st.run_end[i] = same ? st.run_end[i + 1] : i + 1;
  }
}

namespace {

template <typename Index, typename Key>
const auto& Lookup(const Index& index, const Key& key) {
  static const typename Index::mapped_type kNone;
  auto it = index.find(key);
  return it == index.end() ? kNone : it->second;
}

}  // namespace

const std::vector<const Fact*>& CheckContext::OfMetric(
    const std::string& metric) const {
  return Lookup(index_.by_metric, metric);
}

const std::vector<const Fact*>& CheckContext::InBlockOfMetric(
    int block, const std::string& metric) const {
  return Lookup(index_.by_block_metric, std::make_pair(block, metric));
}

const std::vector<const Fact*>& CheckContext::InBlock(int block) const {
  return Lookup(index_.by_block, block);
}

const std::vector<const Fact*>& CheckContext::OfClaim(int claim) const {
  return Lookup(index_.by_claim, claim);
}

const std::vector<const Fact*>& CheckContext::AmountsOf(
    const std::string& metric, int year) const {
  return Lookup(index_.amounts_by_year, std::make_pair(metric, year));
}

const std::vector<const RecognizedTable*>& CheckContext::TablesOf(
    int table) const {
  return Lookup(index_.tables_by_index, table);
}

const Fact* CheckContext::RunEnd(const Fact& f) const {
  size_t i = static_cast<size_t>(&f - ex_.facts.data());
  return ex_.facts.data() + index_.run_end[i];
}

// Half a unit of the fact's own printed precision (a table's at least its
// column's), in 万元 for money; 1.2 printed in a two-decimal report may be
// anything in [1.15, 1.25).
Decimal CheckContext::Half(const Fact& f) const {
  int scale = f.printed.scale();
  if (f.measure == Measure::kAmount || f.measure == Measure::kChange) {
    if (f.origin == Origin::kTable) {
      for (const RecognizedTable* t : TablesOf(f.where.table)) {
        scale = std::max(scale, t->amount_scale);
      }
    }
    // A printed zero is nothing at all, whatever the column's precision.
    if (f.value.is_zero() && f.origin != Origin::kTable) return Decimal();
    Decimal h = HalfUnit(scale);
    if (f.unit == "元") return h.ShiftPow10(-4).value_or(h);
    if (f.unit == "亿元") return h.ShiftPow10(4).value_or(h);
    return h;
  }
  if (f.measure == Measure::kCount) return Decimal();
  return HalfUnit(scale);
}

Term CheckContext::TermOf(const Fact& f) const { return {f.value, Half(f)}; }

std::string CheckContext::Printed(const Fact& f) const {
  return f.printed.ToString() + f.unit;
}

Evidence CheckContext::EvidenceOf(const Fact& f) const {
  Evidence e;
  e.label = f.label;
  e.value = Printed(f);
  e.quote = f.quote;
  e.origin = std::string(OriginName(f.origin));
  e.where = f.where;
  if (f.ocr) e.ocr_confidence = f.ocr_confidence;
  e.low_confidence = f.low_confidence;
  std::string loc;
  if (f.where.page > 0) loc = "第" + std::to_string(f.where.page) + "页 ";
  if (f.origin == Origin::kTable) {
    std::string title;
    const std::vector<const RecognizedTable*>& tables = TablesOf(f.where.table);
    if (!tables.empty()) {
      const RecognizedTable& t = *tables.back();
      title = t.name.empty() ? t.title : t.name;
    }
    loc += "表「" + title + "」第" + std::to_string(f.where.row + 1) + "行第" +
           std::to_string(f.where.column + 1) + "列";
  } else if (f.origin == Origin::kChart) {
    loc += "图表「" + f.quote + "」";
  } else if (f.section > 0) {
    loc += nd_.sections.Path(f.section);
  }
  e.location = loc;
  return e;
}

// Facts of a metric in a group (current year, amounts of one basis).
std::vector<const Fact*> CheckContext::Find(
    const std::vector<const Fact*>& group, std::string_view metric,
    Measure measure, std::string_view basis) const {
  std::vector<const Fact*> out;
  for (const Fact* f : group) {
    if (f->metric == metric && f->measure == measure && Current(*f) &&
        (basis.empty() || f->basis == basis)) {
      out.push_back(f);
    }
  }
  return out;
}

void CheckContext::Add(CheckResult r) {
  for (const Evidence& e : r.evidence) {
    if (e.where.block >= 0 && e.where.table < 0 && e.where.norm_begin >= 0)
      judged_.emplace(e.where.block, e.where.norm_begin);
  }
  // One finding per distinct statement: a pair subject ("收、支总计")
  // gives the same judgment twice.
  std::string key = r.rule + "\x1f" + r.message;
  for (const Evidence& e : r.evidence)
    key += "\x1f" + e.value + "@" + e.where.ToString();
  if (!seen_messages_.insert(Digest(key)).second) return;
  const RuleSpec* spec = FindRule(r.rule);
  // A rule without evidence speaks of the whole document (a table
  // missing): on a document with recognized pages it may have been misread.
  Reliability from = ReliabilityOfEvidence(r);
  if (r.evidence.empty()) {
    for (const Page& p : nd_.doc.pages) from.recognized |= p.ocr;
  }
  for (const Evidence& e : r.evidence) {
    from.recognized |= e.where.page > 0 && nd_.doc.PageOcr(e.where.page);
    from.unreadable |= e.where.page > 0 && nd_.doc.PageUnreadable(e.where.page);
  }
  SettleVerdict(spec != nullptr ? spec->failure : FailureClass::kBySize, from,
                opts_.english, &r);
  // Passes are capped per rule; every other result is kept, up to a cap
  // per document.
  bool pass_like =
      r.verdict == Verdict::kPass || r.verdict == Verdict::kNotApplicable;
  if (pass_like) {
    size_t& n = per_rule_[r.rule];
    if (n >= opts_.max_results_per_rule) {
      ++report_.dropped;
      return;
    }
    ++n;
  } else if (report_.results.size() >= opts_.max_findings) {
    ++report_.dropped;
    return;
  }
  report_.results.push_back(std::move(r));
}

CheckResult CheckContext::FromJudgment(std::string_view rule, const Judgment& j,
                                       const Text& what, std::string_view unit,
                                       std::vector<const Fact*> facts) {
  CheckResult r;
  r.rule = std::string(rule);
  r.outcome = j.outcome;
  r.printed = j.printed.ToString() + std::string(unit);
  r.expected = j.expected.ToString() + std::string(unit);
  r.difference = j.difference.ToString() + std::string(unit);
  r.tolerance = j.tolerance.ToString() + std::string(unit);
  r.hint = j.hint;
  for (const Fact* f : facts) r.evidence.push_back(EvidenceOf(*f));
  if (j.outcome == Outcome::kFail) {
    // A percentage's size is its points applied to the largest amount it
    // speaks of.
    Decimal base;
    for (const Fact* f : facts) {
      if ((f->measure == Measure::kAmount || f->measure == Measure::kChange) &&
          f->value.Abs() > base) {
        base = f->value.Abs();
      }
    }
    SizeFailure(j, rule, unit, base, &r);
  }
  std::string verdict_zh, verdict_en;
  switch (j.outcome) {
    case Outcome::kPass:
      verdict_zh = "一致";
      verdict_en = "consistent";
      break;
    case Outcome::kRounding:
      if (j.difference.Abs() > j.tolerance) {
        // Only explained differences get here (see the hint).
        verdict_zh = "相差" + j.difference.ToString() + std::string(unit) +
                     "，超出四舍五入容差" + j.tolerance.ToString() +
                     std::string(unit) + "，但可由取整方式解释";
        verdict_en = "off by " + j.difference.ToString() + std::string(unit) +
                     ", beyond the tolerance " + j.tolerance.ToString() +
                     std::string(unit) + " but explained by how it was rounded";
        break;
      }
      verdict_zh = "相差" + j.difference.ToString() + std::string(unit) +
                   "，在四舍五入容差" + j.tolerance.ToString() +
                   std::string(unit) + "以内，可能为取整误差";
      verdict_en = "off by " + j.difference.ToString() + std::string(unit) +
                   ", within the rounding tolerance " + j.tolerance.ToString() +
                   std::string(unit);
      break;
    default:
      verdict_zh = "印为" + j.printed.ToString() + std::string(unit) +
                   "，按其他数字应为" + j.expected.ToString() +
                   std::string(unit) + "，相差" + j.difference.ToString() +
                   std::string(unit) + "，超出取整容差" +
                   j.tolerance.ToString() + std::string(unit);
      verdict_en = "printed " + j.printed.ToString() + std::string(unit) +
                   ", the other figures give " + j.expected.ToString() +
                   std::string(unit) + " (difference " +
                   j.difference.ToString() + std::string(unit) +
                   ", beyond the rounding tolerance " + j.tolerance.ToString() +
                   std::string(unit) + ")";
  }
  if (!j.hint.empty()) {
    verdict_zh += "（" + HintZh(j.hint) + "）";
    verdict_en += " (" + j.hint + ")";
  }
  r.message =
      opts_.english ? what.en + ": " + verdict_en : what.zh + "：" + verdict_zh;
  return r;
}

std::string CheckContext::HintZh(const std::string& hint) {
  if (hint == "truncation") return "印数等于截尾值，疑为截尾而非四舍五入";
  if (hint == "partial list") return "所列为部分明细";
  if (hint == "truncated when converting 元 to 万元")
    return "正文万元数为表中元数截尾所得，未四舍五入";
  if (hint == "the text prints fewer decimals")
    return "正文按较少小数位四舍五入";
  if (Contains(hint, "complementary") || Contains(hint, "complements")) {
    return "两个互补占比之和不可能为此值，其中一个被截尾";
  }
  return hint;
}

void CheckContext::NotChecked(std::string_view rule, const Text& reason,
                              std::vector<const Fact*> facts) {
  CheckResult r;
  r.rule = std::string(rule);
  r.outcome = Outcome::kNotChecked;
  r.reason = opts_.english ? reason.en : reason.zh;
  r.message = r.reason;
  for (const Fact* f : facts) r.evidence.push_back(EvidenceOf(*f));
  Add(std::move(r));
}

std::string CheckContext::LabelOf(std::string_view metric) const {
  const Metric* m = metrics_.Find(metric);
  return m != nullptr ? m->label : std::string(metric);
}

// The first value of each metric; conflicting repeats are agree.repeat's
// business.
// In a table, a metric printed in several cells with different values
// (a 科目 row's 合计/基本/项目 columns) has no single value: nullptr.
const Fact* CheckContext::First(const std::vector<const Fact*>& group,
                                std::string_view metric,
                                std::string_view basis) const {
  std::vector<const Fact*> f = Find(group, metric, Measure::kAmount, basis);
  if (f.empty()) return nullptr;
  if (f.front()->origin == Origin::kTable) {
    for (const Fact* x : f) {
      if (x->value != f.front()->value) return nullptr;
    }
  }
  return f.front();
}

std::string CheckContext::StripZhiChu(std::string s) {
  if (s.size() > 6 && s.substr(s.size() - 6) == "支出") s.resize(s.size() - 6);
  return s;
}

// The printed 类 name is the current or (for the report's year) former
// name of the 类 of some code the 项 name belongs to.
bool CheckContext::ValidClassName(const std::string& xiang,
                                  const std::string& printed_lei) const {
  const ClassificationCatalog& cat = ClassificationCatalog::Default();
  for (const ClassItem* c : cat.FindByName(xiang, ClassLevel::kXiang)) {
    NameMatch m = cat.NameMatches(c->code.substr(0, 3), printed_lei,
                                  ex_.meta.fiscal_year);
    if (m == NameMatch::kMatch || m == NameMatch::kFormerName) return true;
  }
  return false;
}

bool CheckContext::IsTotalRole(std::string_view role) {
  return role == "total" || role == "amount";
}

// The amount a share/change/completion speaks of: same metric and label,
// nearest before it in the same block, else in its group.
const Fact* CheckContext::AmountFor(const Fact& s,
                                    std::string_view basis) const {
  // Nearest before s: its block's facts of its metric, backwards from s.
  const std::vector<const Fact*>& near =
      InBlockOfMetric(s.where.block, s.metric);
  auto from =
      std::lower_bound(near.begin(), near.end(), &s, std::less<const Fact*>());
  while (from != near.begin()) {
    const Fact& f = **--from;
    if (SameSubject(f, s) && f.measure == Measure::kAmount && Current(f) &&
        f.origin == s.origin && (basis.empty() || f.basis == basis)) {
      return &f;
    }
  }
  auto it = groups_.find(GroupOf(s));
  if (it == groups_.end()) return nullptr;
  for (const Fact* f : it->second) {
    if (SameSubject(*f, s) && f->measure == Measure::kAmount && Current(*f) &&
        (basis.empty() || f->basis == basis)) {
      return f;
    }
  }
  return nullptr;
}

// The base amount of a share: its base metric in the same group, else the
// same metric anywhere in the narrative.
const Fact* CheckContext::BaseFor(const Fact& s) const {
  if (s.base_metric.empty()) return nullptr;
  auto it = groups_.find(GroupOf(s));
  if (it != groups_.end()) {
    for (const Fact* f : it->second) {
      if (f->metric == s.base_metric && f->measure == Measure::kAmount &&
          Current(*f) && f->basis == s.basis) {
        return f;
      }
    }
  }
  const std::vector<const Fact*>& of_base = OfMetric(s.base_metric);
  for (const Fact* f : of_base) {
    if (f->measure == Measure::kAmount && Current(*f) && f->basis == s.basis &&
        f->origin == s.origin) {
      return f;
    }
  }
  // The total is sometimes printed only in the table (“三公” tables).
  for (const Fact* f : of_base) {
    if (f->measure == Measure::kAmount && Current(*f) && f->basis == s.basis &&
        f->origin == Origin::kTable &&
        (f->column.empty() || IsTotalRole(f->column))) {
      return f;
    }
  }
  return nullptr;
}

Evidence CheckContext::TableEvidence(const RecognizedTable& t) const {
  Evidence e;
  e.label = t.title;
  e.origin = "table";
  e.where.source = nd_.doc.source;
  e.where.table = t.table;
  if (t.table >= 0 && static_cast<size_t>(t.table) < nd_.doc.tables.size() &&
      !nd_.doc.tables[static_cast<size_t>(t.table)].pages.empty()) {
    e.where.page = nd_.doc.tables[static_cast<size_t>(t.table)].pages.front();
    e.location = opts_.english ? "page " + std::to_string(e.where.page)
                               : "第" + std::to_string(e.where.page) + "页";
  }
  return e;
}

Evidence CheckContext::TextEvidence(int block, int begin, int end) const {
  Evidence e;
  const std::string& t = nd_.blocks[static_cast<size_t>(block)].text;
  e.quote = Ellipsize(t, 120);
  e.value =
      t.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
  e.origin = "narrative";
  e.where.block = block;
  e.where.page = nd_.doc.blocks[static_cast<size_t>(block)].page;
  e.where.norm_begin = begin;
  e.where.norm_end = end;
  e.location =
      nd_.sections.Path(nd_.sections.block_section[static_cast<size_t>(block)]);
  return e;
}

}  // namespace budgetdoc
