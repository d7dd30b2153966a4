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

}  // namespace

RateCoverage AccountPrintedRates(const NormalizedDocument& nd,
                                 const Extraction& ex,
                                 const std::set<std::pair<int, int>>& judged) {
  std::map<int, const Unclaimed*> unclaimed;
  for (const Unclaimed& u : ex.claims.unclaimed) unclaimed[u.mention] = &u;
  std::map<int, const ClaimValue*> claimed;
  for (const Claim& c : ex.claims.claims) {
    for (const ClaimValue& v : c.values) claimed[v.mention] = &v;
  }
  RateCoverage out;
  for (size_t i = 0; i < nd.mentions.size(); ++i) {
    const Mention& m = nd.mentions[i];
    if (m.kind != MentionKind::kPercent) continue;
    ++out.printed;
    int index = static_cast<int>(i);
    if (judged.count({m.block, m.begin}) > 0) {
      ++out.checked;
      continue;
    }
    auto u = unclaimed.find(index);
    if (u != unclaimed.end() && IsNotClaim(u->second->reason)) {
      ++out.not_claims;
      continue;
    }
    RateCoverage::Unchecked gap;
    gap.mention = index;
    gap.text = m.text;
    gap.block = m.block;
    if (m.block >= 0 && static_cast<size_t>(m.block) < nd.blocks.size()) {
      size_t b = static_cast<size_t>(m.block);
      gap.page = nd.doc.blocks[b].page;
      gap.location = nd.sections.Path(nd.sections.block_section[b]);
      gap.quote =
          SentenceAround(nd.blocks[b].text, static_cast<size_t>(m.begin),
                         static_cast<size_t>(m.end));
    }
    if (u != unclaimed.end()) {
      gap.reason = u->second->reason;
      gap.detail = u->second->detail;
    } else {
      gap.reason = "no_rule";
      auto c = claimed.find(index);
      if (c != claimed.end())
        gap.detail = std::string(ValueRoleName(c->second->role));
    }
    out.unchecked.push_back(std::move(gap));
  }
  return out;
}

}  // namespace budgetdoc
