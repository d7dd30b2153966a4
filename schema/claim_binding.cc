// Role binding: the subject a value binds to, and claims per subject
// (ClaimReader; schema/claim_reader.h).
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
namespace {

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

}  // namespace

ClaimReader::OwnSubject ClaimReader::FindOwnSubject(
    std::string_view t, std::string_view lead, std::string_view clause_before,
    std::string_view sentence_before, const std::vector<SubjectMatch>& subjects,
    const ClaimSubject& label_subject, Context ctx, bool allow_label,
    bool in_purpose) const {
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
  // Opening quotes around a listed name (「1.“一般公共服务”306.90万元」,
  // even misplaced: 「11“.灾害防治…”」) are not part of it.
  std::string unquoted = StripLead(lead);
  for (std::string_view q : {"“", "「", "\""}) {
    for (size_t at = unquoted.find(q); at != std::string::npos;
         at = unquoted.find(q, at))
      unquoted.erase(at, q.size());
  }
  std::string label = StripListNumber(unquoted);
  // An item code in brackets before the value ("（99项）0.52万元",
  // "（30101）"): an item we cannot name, not the sentence's subject.
  if (allow_label && label.empty() && ItemCodeOnly(StripLead(lead))) {
    out.named_unknown = true;
    return out;
  }
  // 2. A 类/款/项 path in the clause ("…（项）”20.04万元"); item names hold
  // 、, so the path reaches back over it.
  std::string_view path_text = sentence_before;
  if (size_t hard = LastOf(sentence_before, {"，", "；", "：", ",", ";", ":"});
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
  std::optional<SubjectMatch> term = LastSubjectIn(subjects, clause_begin, pos);
  if (term) {
    std::string_view prefix =
        t.substr(static_cast<size_t>(clause_begin),
                 static_cast<size_t>(term->begin - clause_begin));
    std::string unqualified(prefix);
    if (term->metric->id.rfind("three_public.", 0) == 0 ||
        term->metric->id == "admin_operating_cost") {
      // 三公 figures and 机关运行经费 are paid from the general budget's
      // appropriation by definition: "一般公共预算拨款安排的“三公”经费",
      // "本部门一般公共预算机关运行经费" are those figures.
      for (std::string_view fund : {"一般公共预算财政拨款", "一般公共预算拨款",
                                    "一般公共预算", "财政拨款", "安排的"}) {
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
    if (ctx == Context::kEcon && item_level && allow_label && !label.empty()) {
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
  // A comparison ("比上年预算的9.46万元", "比2023年度决算1299.59万元") is about
  // the sentence's subject, never a name of its own.
  bool comparison = Contains(label, "比") || Contains(label, "较") ||
                    Contains(label, "上年") || Contains(label, "去年") ||
                    Contains(label, "相比") || Contains(label, "同期");
  // 4. A classification name right before the number: in a list section,
  // or one the catalog knows ("2.社会保障和就业支出1608.51万元").
  if (cjk_label && CountCodePoints(label) <= 30 &&
      ((ctx != Context::kNone && !in_purpose && !comparison) ||
       IsClassName(label))) {
    out.subject.metrics.push_back(ClassMetric(ctx));
    out.subject.label = label;
    out.subject.found = true;
    out.found = true;
    return out;
  }
  // 5. A clause that names something the vocabulary does not know
  // ("面向中小企业预留采购份额13.43万元") is not about an earlier subject.
  if (cjk_label && !comparison && !Contains(label, "其中") &&
      BasisWord(label).empty()) {
    out.named_unknown = true;
  }
  return out;
}

bool ClaimReader::IsClassName(const std::string& label) const {
  if (label.empty()) return false;
  return !ClassificationCatalog::Default().FindByName(label).empty();
}

std::vector<SubjectMatch> ClaimReader::Heads(
    std::string_view t, const std::vector<SubjectMatch>& all, size_t first,
    size_t last) const {
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
    std::string_view between =
        t.substr(static_cast<size_t>(m.end), stop - static_cast<size_t>(m.end));
    if (IsConnective(between)) out.push_back(m);
  }
  return out;
}

std::string ClaimReader::SubjectKey(const ClaimSubject& s) {
  std::string key;
  for (const std::string& m : s.metrics) key += m + ",";
  return key + "|" + s.label + "|" + s.class_path;
}

int ClaimReader::ClaimOf(std::map<std::string, int>* block_claims,
                         const ClaimSubject& subject, int block, int section,
                         int owner) {
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

void ClaimReader::AttachFlat(std::string_view t, const Span& s,
                             size_t block_first_claim) {
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

void ClaimReader::AttachComparators(std::string_view t,
                                    const std::vector<Span>& sents,
                                    size_t block_first_claim) {
  for (const Span& s : sents) {
    AttachFlat(t, s, block_first_claim);
    std::string_view sentence = t.substr(static_cast<size_t>(s.begin),
                                         static_cast<size_t>(s.end - s.begin));
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

void ClaimReader::Unclaim(size_t mention, std::string reason,
                          std::string detail) {
  out_.unclaimed.push_back(
      {static_cast<int>(mention), std::move(reason), std::move(detail)});
}

}  // namespace claims_internal
}  // namespace budgetdoc
