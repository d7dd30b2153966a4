// Blocks, sentences, clauses and scopes, and each value from its scope to
// its claim (ClaimReader; schema/claim_reader.h).
// Tested through tests/schema/claims_test.cc.
#include "base/utf8.h"
#include "schema/claim_reader.h"
#include "schema/class_path.h"
#include "schema/classification.h"
#include "schema/money.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace claims_internal {

ClaimSet ClaimReader::Run() {
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

ClaimSubject ClaimReader::ReadBlock(int block, size_t first, size_t last,
                                    const ClaimSubject& inherited) {
  const std::string& t = nd_.blocks[static_cast<size_t>(block)].text;
  BlockState b;
  b.block = block;
  b.section = nd_.sections.block_section[static_cast<size_t>(block)];
  b.ctx = SectionContext(nd_, b.section);
  b.inherited = &inherited;
  b.sentences = SplitSentences(t);
  if (b.sentences.empty()) {
    b.sentences.push_back({0, static_cast<int>(t.size())});
  }
  b.subjects = Heads(t, metrics_.FindSubjects(t), first, last);
  b.delims = Delimiters(t, first, last);
  size_t block_first_claim = out_.claims.size();
  b.block_subject = ItemSubject(t, b.sentences, b.ctx);

  for (size_t i = first; i < last; ++i) {
    const Mention& mention = nd_.mentions[i];
    size_t s = b.si == static_cast<size_t>(-1) ? 0 : b.si;
    while (s + 1 < b.sentences.size() && b.sentences[s].end <= mention.begin) {
      ++s;
    }
    if (s != b.si) EnterSentence(t, s, &b);
    ReadValue(t, i, &b);
  }
  // Sentences after the last value still state comparators.
  AttachComparators(t, b.sentences, block_first_claim);
  return IsItem(b.block_subject) ? b.block_subject : inherited;
}

void ClaimReader::EnterSentence(const std::string& t, size_t s, BlockState* b) {
  const std::vector<Span>& sentences = b->sentences;
  size_t& si = b->si;
  SentenceState& st = b->st;
  Context ctx = b->ctx;
  const std::vector<SubjectMatch>& subjects = b->subjects;
  ClaimSubject& block_subject = b->block_subject;
  bool& block_unknown = b->block_unknown;
  bool& reason_continues = b->reason_continues;
  ClaimSubject& last_main = b->last_main;
  int& prev_end = b->prev_end;
  // A new sentence: its scopes; an enumeration of reasons may go on.
  bool was_reason_to_end = !st.scopes.empty() &&
                           si != static_cast<size_t>(-1) &&
                           st.scopes.back().kind == ScopeKind::kReason &&
                           st.scopes.back().end >= sentences[si].end;
  for (size_t k = (si == static_cast<size_t>(-1) ? 0 : si + 1); k < s; ++k) {
    // Sentences without values still carry subjects and scopes.
    was_reason_to_end = ScanSentence(t, sentences[k], was_reason_to_end, ctx,
                                     subjects, &block_subject, &block_unknown);
  }
  reason_continues = was_reason_to_end;
  si = s;
  if (st.main.found && !st.main_unknown) last_main = st.main;
  st = SentenceState();
  st.scopes = Scopes(t, sentences[si], reason_continues);
  st.label = SentenceLabel(t, sentences[si], ctx);
  st.quote = Quote(t, sentences[si]);
  prev_end = sentences[si].begin;
}

void ClaimReader::ReadValue(const std::string& t, size_t i, BlockState* b) {
  const Mention& mention = nd_.mentions[i];
  const std::vector<Span>& sentences = b->sentences;
  const std::vector<Span>& delims = b->delims;
  const std::vector<SubjectMatch>& subjects = b->subjects;
  const size_t si = b->si;
  SentenceState& st = b->st;
  const ClaimSubject& last_main = b->last_main;
  int& prev_end = b->prev_end;
  const int block = b->block, section = b->section;
  const Span& sent = sentences[si];
  Span clause = ClauseOf(delims, sent, mention.begin);
  int lead_begin = std::max({clause.begin, prev_end, sent.begin});
  if (static_cast<size_t>(mention.begin - lead_begin) > kMaxLeadBytes) {
    lead_begin = static_cast<int>(
        CharBoundary(t, static_cast<size_t>(mention.begin) - kMaxLeadBytes));
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
                  st.component_scope >= 0 && st.component_scope != scope_index;
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
  v.quote = b->st.quote;

  // Thresholds: "单价50万元以上通用设备".
  std::string_view after =
      std::string_view(t).substr(static_cast<size_t>(mention.end));
  if ((mention.kind == MentionKind::kAmount ||
       mention.kind == MentionKind::kBareNumber) &&
      (StartsWith(after, "以上") || StartsWith(after, "以下") ||
       StartsWith(after, "以内") || EndsWith(lead, "单价"))) {
    Unclaim(i, "threshold", "以上/以下/单价");
    return;
  }
  if (kind == ScopeKind::kReason || kind == ScopeKind::kPolicy) {
    Unclaim(i, std::string(UnclaimedReasonOf(kind)), scope->cue);
    return;
  }

  std::string_view sentence_before = SentenceBefore(t, sent, mention.begin);
  bool is_money = mention.kind == MentionKind::kAmount ||
                  mention.kind == MentionKind::kBareNumber;
  if (mention.kind == MentionKind::kPercent) {
    if (!PercentRole(t, mention, lead, sentence_before, subjects, &v)) return;
  } else if (mention.kind == MentionKind::kCount) {
    if (!CountRole(t, sent, mention, section, &v)) {
      Unclaim(i, "not_fiscal", "count of something the schema does not keep");
      return;
    }
  } else {
    AmountRole(mention, lead, sentence_before, &v);
  }
  ClaimSubject subject;
  if (!BindSubject(t, i, v, clause, lead, sentence_before, scope, kind,
                   scope_index, is_money, b, &subject)) {
    return;
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
      return;
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
      owner = ClaimOf(&b->block_claims, it->second, block, section, -1);
  }
  int c = ClaimOf(&b->block_claims, subject, block, section, owner);
  Claim& claim = out_.claims[static_cast<size_t>(c)];
  if (claim.values.empty()) claim.begin = mention.begin;
  claim.end = mention.end;
  claim.values.push_back(std::move(v));
}

bool ClaimReader::BindSubject(const std::string& t, size_t i,
                              const ClaimValue& v, const Span& clause,
                              std::string_view lead,
                              std::string_view sentence_before,
                              const ScopeSpan* scope, ScopeKind kind,
                              int scope_index, bool is_money, BlockState* b,
                              ClaimSubject* subject_out) {
  const Mention& mention = nd_.mentions[i];
  SentenceState& st = b->st;
  ClaimSubject& block_subject = b->block_subject;
  bool& block_unknown = b->block_unknown;
  const ClaimSubject& inherited = *b->inherited;
  const std::vector<SubjectMatch>& subjects = b->subjects;
  Context ctx = b->ctx;
  ClaimSubject& subject = *subject_out;
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
      if (zhan != std::string_view::npos) own_text = own_text.substr(0, zhan);
      size_t lz = lead.rfind("占");
      if (lz != std::string_view::npos) lead = lead.substr(0, lz);
    }
    OwnSubject own = FindOwnSubject(
        t, lead, own_text, sentence_before, subjects, st.label, ctx,
        /*allow_label=*/is_money && v.role == ValueRole::kAmount,
        /*in_purpose=*/kind == ScopeKind::kPurpose);
    if (own.found) {
      subject = own.subject;
    } else if (own.named_unknown) {
      unknown = true;
    }
    bool in_component =
        kind == ScopeKind::kComponents || kind == ScopeKind::kPurpose;
    bool follows_component =
        st.last_is_component && st.component.found && !in_component &&
        (v.role == ValueRole::kChange || v.role == ValueRole::kRate);
    if (own.found || own.named_unknown) {
      if (in_component) {
        st.component = subject;
        st.component_unknown = unknown;
        st.component_scope = scope_index;
        st.last_is_component = true;
      } else {
        st.main = subject;
        st.main_unknown = unknown;
        block_subject = subject;
        block_unknown = unknown;
        st.last_is_component = false;
      }
    } else if (follows_component) {
      subject = st.component;
    } else if (in_component) {
      if (st.component_scope == scope_index && st.component.found) {
        subject = st.component;
      } else if (st.component_scope == scope_index && st.component_unknown) {
        unknown = true;
      } else {
        Unclaim(i, std::string(UnclaimedReasonOf(kind)), scope->cue);
        return false;
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
    return false;
  }
  return true;
}

bool ClaimReader::IsItem(const ClaimSubject& s) {
  if (!s.found || s.metrics.size() != 1) return false;
  const std::string& m = s.metrics[0];
  return m == "gpb.expenditure.by_func" || m == "expenditure.by_func" ||
         m == "gpb.basic.by_econ";
}

ClaimSubject ClaimReader::LabelOnly(std::string_view text, Context ctx) {
  size_t end = text.find("。");
  std::string_view first =
      text.substr(0, end == std::string_view::npos ? text.size() : end);
  if (first.size() > 360 || !HasClassMarker(first)) return {};
  ClassPath path;
  if (!ParseClassPath(first, &path)) return {};
  return FromClassPath(path, ctx);
}

bool ClaimReader::ScanSentence(std::string_view t, const Span& sent,
                               bool reason_before, Context ctx,
                               const std::vector<SubjectMatch>& subjects,
                               ClaimSubject* block_subject,
                               bool* block_unknown) {
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

ClaimSubject ClaimReader::SentenceLabel(std::string_view t, const Span& sent,
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

ClaimSubject ClaimReader::ItemSubject(std::string_view t,
                                      const std::vector<Span>& sents,
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

ClaimSubject ClaimReader::SectionSubject(int section, Context ctx) const {
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
      return FromMetric(
          found[0].metric,
          std::string_view(title).substr(0, static_cast<size_t>(found[0].end)));
  }
  return {};
}

std::string_view ClaimReader::SentenceBefore(std::string_view t,
                                             const Span& sent, int pos) const {
  int from = sent.begin;
  if (static_cast<size_t>(pos - from) > kMaxSentenceLookBack)
    from = static_cast<int>(
        CharBoundary(t, static_cast<size_t>(pos) - kMaxSentenceLookBack));
  return t.substr(static_cast<size_t>(from), static_cast<size_t>(pos - from));
}

std::vector<Span> ClaimReader::Delimiters(std::string_view t, size_t first,
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
        (EndsWith(t.substr(0, i), "收") || EndsWith(t.substr(0, i), "收入")) &&
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

Span ClaimReader::ClauseOf(const std::vector<Span>& delims, const Span& sent,
                           int pos) {
  auto it = std::lower_bound(delims.begin(), delims.end(), pos,
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

std::vector<ScopeSpan> ClaimReader::Scopes(std::string_view t, const Span& sent,
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

const ScopeSpan* ClaimReader::ScopeAt(const std::vector<ScopeSpan>& scopes,
                                      int pos) {
  const ScopeSpan* found = nullptr;
  for (const ScopeSpan& s : scopes) {
    if (s.begin <= pos && pos < s.end) found = &s;
  }
  return found;
}

}  // namespace claims_internal
}  // namespace budgetdoc
