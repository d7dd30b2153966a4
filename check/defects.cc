#include "check/defects.h"

#include "check/verdict.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace budgetdoc {
namespace {

bool Failing(const CheckResult& r) {
  return (r.verdict == Verdict::kMaterial || r.verdict == Verdict::kMinor) &&
         !r.capped;
}

// A printed figure's identity: its value at its place. "" when the evidence
// has no place precise enough to be the same printed figure.
std::string FigureKey(const Evidence& e) {
  const Provenance& w = e.where;
  if (e.value.empty()) return "";
  if (w.table >= 0 && w.row >= 0 && w.column >= 0) {
    return w.source + "|t" + std::to_string(w.table) + "r" +
           std::to_string(w.row) + "c" + std::to_string(w.column) + "|" +
           e.value;
  }
  if (w.block >= 0 && w.norm_begin >= 0 && w.norm_end > w.norm_begin) {
    return w.source + "|b" + std::to_string(w.block) + ":" +
           std::to_string(w.norm_begin) + "-" + std::to_string(w.norm_end) +
           "|" + e.value;
  }
  return "";
}

// The same discrepancy: within 10 % of the larger plus 0.02万元 (a share's
// points applied to its base carry the share's own rounding).
bool SameSize(const Decimal& a, const Decimal& b) {
  if (a.is_zero() || b.is_zero()) return false;
  const Decimal& hi = a > b ? a : b;
  const Decimal& lo = a > b ? b : a;
  Decimal slack = Decimal::Multiply(hi, Decimal::FromUnits(1, 1)).value_or(hi) +
                  Decimal::FromUnits(2, 2);
  return hi - lo <= slack;
}

// The number in a printed value ("1,544.10万元" -> 1544.10, "65.52%").
std::optional<Decimal> NumberOf(const std::string& printed) {
  std::string digits;
  for (char c : printed) {
    if ((c >= '0' && c <= '9') || c == '.' || c == '-') digits += c;
  }
  Result<Decimal> d = Decimal::Parse(digits);
  if (!d.ok()) return std::nullopt;
  return *d;
}

// Whether `r` judges the figure `e` itself: its printed value is e's, or
// `r` compares one quantity printed in several places (agree.*), where each
// printed figure may be the wrong one.
bool JudgesAsPrinted(const CheckResult& r, const Evidence& e) {
  std::optional<Decimal> a = NumberOf(r.printed), b = NumberOf(e.value);
  return a && b && *a == *b &&
         (r.printed.find('%') != std::string::npos) ==
             (e.value.find('%') != std::string::npos);
}

bool Judges(const CheckResult& r, const Evidence& e) {
  return JudgesAsPrinted(r, e) || r.rule.rfind("agree.", 0) == 0;
}

// The 一、-level section of a block (else its top-level section), or the
// table: where a repeated slip counts as one.
std::string SlipScope(const NormalizedDocument& nd, const Evidence& e) {
  const Provenance& w = e.where;
  if (w.table >= 0) return w.source + "|t" + std::to_string(w.table);
  if (w.block < 0 ||
      static_cast<size_t>(w.block) >= nd.sections.block_section.size())
    return w.source + "|doc";
  int s = nd.sections.block_section[static_cast<size_t>(w.block)];
  int cn = -1, top = s;
  while (s > 0 && static_cast<size_t>(s) < nd.sections.sections.size()) {
    const Section& sec = nd.sections.sections[static_cast<size_t>(s)];
    if (sec.style == "cn") cn = s;
    if (sec.depth == 1) top = s;
    s = sec.parent;
  }
  return w.source + "|s" + std::to_string(cn >= 0 ? cn : top);
}

std::string EvidenceKey(const Evidence& e) {
  return e.where.ToString() + "|" + e.value + "|" + e.label;
}

// Moves `from` under `into`: its evidence (new places only) and, when
// `identity`, its rule and message as another broken identity.
void Absorb(CheckResult&& from, bool identity, CheckResult* into) {
  std::set<std::string> have;
  for (const Evidence& e : into->evidence) have.insert(EvidenceKey(e));
  if (identity) into->also.push_back({from.rule, from.message});
  for (Evidence& e : from.evidence) {
    if (have.insert(EvidenceKey(e)).second)
      into->evidence.push_back(std::move(e));
  }
  if (from.verdict == Verdict::kMaterial) {
    into->verdict = Verdict::kMaterial;
    into->severity = Severity::kError;
  }
}

void GroupOneFigure(std::vector<CheckResult>* results,
                    std::vector<bool>* gone) {
  std::vector<CheckResult>& rs = *results;
  // Figure -> the failing results that print it, in run order.
  std::map<std::string, std::vector<size_t>> by_figure;
  std::vector<std::string> first_seen;
  for (size_t i = 0; i < rs.size(); ++i) {
    if (!Failing(rs[i]) || rs[i].size_wan.is_zero()) continue;
    std::set<std::string> keys;
    for (const Evidence& e : rs[i].evidence) {
      std::string k = FigureKey(e);
      if (k.empty() || !keys.insert(k).second) continue;
      std::vector<size_t>& v = by_figure[k];
      if (v.empty()) first_seen.push_back(k);
      v.push_back(i);
    }
  }
  // Figures shared by more results first; ties in order of appearance.
  std::vector<std::string> order;
  for (const std::string& k : first_seen) {
    if (by_figure[k].size() >= 2) order.push_back(k);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) {
                     return by_figure[a].size() > by_figure[b].size();
                   });
  std::vector<bool> grouped(rs.size(), false);
  for (const std::string& k : order) {
    std::vector<size_t> free;
    for (size_t i : by_figure[k]) {
      if (!grouped[i]) free.push_back(i);
    }
    if (free.size() < 2) continue;
    auto figure_in = [&](size_t i) -> const Evidence* {
      for (const Evidence& e : rs[i].evidence) {
        if (FigureKey(e) == k) return &e;
      }
      return nullptr;
    };
    // The primary: judges the figure itself, then material, then larger,
    // then the one naming fewest figures (it pins the wrong one best).
    size_t p = free.front();
    auto rank = [&](size_t i) {
      return std::make_tuple(
          JudgesAsPrinted(rs[i], *figure_in(i)), Judges(rs[i], *figure_in(i)),
          rs[i].verdict == Verdict::kMaterial, rs[i].size_wan,
          -static_cast<int>(rs[i].evidence.size()));
    };
    for (size_t i : free) {
      if (rank(i) > rank(p)) p = i;
    }
    // Only a figure one of them judges explains them: a shared total or
    // base (two shares of one total) is not the wrong figure.
    if (!Judges(rs[p], *figure_in(p))) continue;
    std::vector<size_t> members;
    for (size_t i : free) {
      if (i != p && SameSize(rs[i].size_wan, rs[p].size_wan))
        members.push_back(i);
    }
    if (members.empty()) continue;
    grouped[p] = true;
    for (size_t i : members) {
      grouped[i] = true;
      (*gone)[i] = true;
      Absorb(std::move(rs[i]), /*identity=*/true, &rs[p]);
    }
    for (size_t e = 0; e < rs[p].evidence.size(); ++e) {
      if (FigureKey(rs[p].evidence[e]) == k) {
        rs[p].suspect = static_cast<int>(e);
        break;
      }
    }
  }
}

void GroupRepeatedSlips(const NormalizedDocument& nd,
                        std::vector<CheckResult>* results,
                        std::vector<bool>* gone) {
  std::vector<CheckResult>& rs = *results;
  std::map<std::string, size_t> first;
  for (size_t i = 0; i < rs.size(); ++i) {
    if ((*gone)[i] || !Failing(rs[i]) || rs[i].slip.empty() ||
        !rs[i].also.empty())
      continue;
    std::string scope = rs[i].evidence.empty() || rs[i].slip_anywhere
                            ? "|doc"
                            : SlipScope(nd, rs[i].evidence.front());
    std::string key = rs[i].rule + "\x1f" + rs[i].slip + "\x1f" + scope;
    auto [it, inserted] = first.emplace(key, i);
    if (inserted) continue;
    CheckResult& into = rs[it->second];
    ++into.places;
    (*gone)[i] = true;
    Absorb(std::move(rs[i]), /*identity=*/false, &into);
  }
}

}  // namespace

void GroupDefects(const NormalizedDocument& nd, CheckReport* report) {
  std::vector<CheckResult>& rs = report->results;
  std::vector<bool> gone(rs.size(), false);
  GroupOneFigure(&rs, &gone);
  GroupRepeatedSlips(nd, &rs, &gone);
  std::vector<CheckResult> kept;
  kept.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    if (!gone[i]) kept.push_back(std::move(rs[i]));
  }
  std::stable_sort(kept.begin(), kept.end(), RanksBefore);
  rs = std::move(kept);
}

}  // namespace budgetdoc
