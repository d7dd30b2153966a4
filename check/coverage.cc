#include "check/coverage.h"

#include "base/utf8.h"

#include <map>
#include <string>
#include <string_view>

namespace budgetdoc {
namespace {

// Unclaimed reasons that make a value not a checkable claim; the others
// (subject_unknown, no_role) leave a claim unchecked.
constexpr std::string_view kNotClaims[] = {
    "reason",    "purpose", "component",  "policy_rate", "target",
    "threshold", "score",   "not_fiscal", "template",
};

bool IsNotClaim(std::string_view reason) {
  for (std::string_view r : kNotClaims) {
    if (r == reason) return true;
  }
  return false;
}

// The sentence of `text` around [begin, end): from after the previous
// 。 to the next one (both kept within the block).
std::string SentenceAround(std::string_view text, size_t begin, size_t end) {
  static constexpr std::string_view kStop = "。";
  size_t from = text.rfind(kStop, begin);
  from = from == std::string_view::npos ? 0 : from + kStop.size();
  size_t to = text.find(kStop, end);
  to = to == std::string_view::npos ? text.size() : to + kStop.size();
  return Ellipsize(text.substr(from, to - from), 120);
}

// Mentions of one kind of value, accounted one by one.
class Accountant {
 public:
  Accountant(const NormalizedDocument& nd, const Extraction& ex,
             const std::set<std::pair<int, int>>& judged)
      : nd_(nd), judged_(judged) {
    for (const Unclaimed& u : ex.claims.unclaimed) unclaimed_[u.mention] = &u;
    for (size_t ci = 0; ci < ex.claims.claims.size(); ++ci) {
      const Claim& c = ex.claims.claims[ci];
      for (const ClaimValue& v : c.values) claimed_[v.mention] = {&v, &c};
    }
  }

  // The claim value of a mention, and its claim; nulls when unclaimed.
  std::pair<const ClaimValue*, const Claim*> Claimed(int mention) const {
    auto c = claimed_.find(mention);
    if (c == claimed_.end()) return {nullptr, nullptr};
    return c->second;
  }

  // Accounts mention i; `no_rule_reason` replaces no_rule for a claim no
  // rule judged when it has a reason of its own ("" = none).
  void Account(size_t i, std::string_view no_rule_reason,
               MentionCoverage* out) const {
    const Mention& m = nd_.mentions[i];
    ++out->printed;
    int index = static_cast<int>(i);
    if (judged_.count({m.block, m.begin}) > 0) {
      ++out->checked;
      return;
    }
    auto u = unclaimed_.find(index);
    if (u != unclaimed_.end() && IsNotClaim(u->second->reason)) {
      ++out->not_claims;
      return;
    }
    MentionCoverage::Unchecked gap;
    gap.mention = index;
    gap.text = m.text;
    gap.block = m.block;
    if (m.block >= 0 && static_cast<size_t>(m.block) < nd_.blocks.size()) {
      size_t b = static_cast<size_t>(m.block);
      gap.page = nd_.doc.blocks[b].page;
      gap.location = nd_.sections.Path(nd_.sections.block_section[b]);
      gap.quote =
          SentenceAround(nd_.blocks[b].text, static_cast<size_t>(m.begin),
                         static_cast<size_t>(m.end));
    }
    if (u != unclaimed_.end()) {
      gap.reason = u->second->reason;
      gap.detail = u->second->detail;
    } else {
      gap.reason = no_rule_reason.empty() ? "no_rule" : no_rule_reason;
      auto [value, claim] = Claimed(index);
      if (value != nullptr)
        gap.detail = std::string(ValueRoleName(value->role));
    }
    out->unchecked.push_back(std::move(gap));
  }

 private:
  const NormalizedDocument& nd_;
  const std::set<std::pair<int, int>>& judged_;
  std::map<int, const Unclaimed*> unclaimed_;
  std::map<int, std::pair<const ClaimValue*, const Claim*>> claimed_;
};

// An amount printed right after a direction word: 「比上年增加27.05万元」.
bool AfterDirectionWord(std::string_view text, size_t begin) {
  static constexpr std::string_view kWords[] = {
      "增加", "减少", "增长", "下降", "降低", "节约", "增支", "减支", "上升"};
  std::string_view before = text.substr(0, begin);
  if (before.ends_with("了"))
    before.remove_suffix(std::string_view("了").size());
  for (std::string_view w : kWords) {
    if (before.ends_with(w)) return true;
  }
  return false;
}

}  // namespace

MentionCoverage AccountPrintedChanges(
    const NormalizedDocument& nd, const Extraction& ex,
    const std::set<std::pair<int, int>>& judged) {
  Accountant accountant(nd, ex, judged);
  MentionCoverage out;
  for (size_t i = 0; i < nd.mentions.size(); ++i) {
    const Mention& m = nd.mentions[i];
    if (m.kind != MentionKind::kAmount || m.block < 0 ||
        static_cast<size_t>(m.block) >= nd.blocks.size())
      continue;
    auto [value, claim] = accountant.Claimed(static_cast<int>(i));
    bool change =
        value != nullptr
            ? value->role == ValueRole::kChange
            : AfterDirectionWord(nd.blocks[static_cast<size_t>(m.block)].text,
                                 static_cast<size_t>(m.begin));
    if (!change) continue;
    // Nothing to recompute the change from: its claim prints no rate and
    // no figure of another year.
    std::string_view reason;
    if (claim != nullptr) {
      bool other = false;
      for (const ClaimValue& v : claim->values) {
        other |= v.role == ValueRole::kRate ||
                 (v.role == ValueRole::kAmount && v.year != 0 &&
                  v.year != ex.meta.fiscal_year);
      }
      if (!other) reason = "no_prior";
    }
    accountant.Account(i, reason, &out);
  }
  return out;
}

MentionCoverage AccountPrintedRates(
    const NormalizedDocument& nd, const Extraction& ex,
    const std::set<std::pair<int, int>>& judged) {
  Accountant accountant(nd, ex, judged);
  MentionCoverage out;
  for (size_t i = 0; i < nd.mentions.size(); ++i) {
    if (nd.mentions[i].kind == MentionKind::kPercent)
      accountant.Account(i, "", &out);
  }
  return out;
}

}  // namespace budgetdoc
