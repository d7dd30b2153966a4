#include "schema/claim_cues.h"

#include "base/utf8.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace claims_internal {

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

bool OpensComparison(std::string_view clause) {
  for (std::string_view w : {"与上年", "与去年", "比上年", "较上年", "同比",
                             "比去年", "较去年", "与20", "比20", "较20"}) {
    if (StartsWith(clause, w)) return true;
  }
  return false;
}

bool ContinuesEnumeration(std::string_view sentence) {
  for (std::string_view w : {"二是", "三是", "四是", "五是", "六是", "其次",
                             "再次", "其二", "其三", "第二", "第三"}) {
    if (StartsWith(sentence, w)) return true;
  }
  return false;
}

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

}  // namespace claims_internal
}  // namespace budgetdoc
