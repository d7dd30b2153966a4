#include "output/claims_json.h"

#include "schema/metrics.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <utility>

namespace budgetdoc {
namespace {

bool IsBudgetBasis(std::string_view b) {
  return b == "budget" || b == "budget_initial" || b == "budget_adjusted";
}

// Money mentions in 万元 (the unit facts use); percentages and counts as is.
Decimal InWan(const Mention& m) {
  if (m.unit == "元") return m.value.ShiftPow10(-4).value_or(m.value);
  if (m.unit == "亿元") return m.value.ShiftPow10(4).value_or(m.value);
  return m.value;
}

Json Span(int begin, int end) {
  Json s = Json::MakeArray();
  s.Push(Json::Int(begin));
  s.Push(Json::Int(end));
  return s;
}

Json Where(int block, int begin, int end) {
  Json w = Json::MakeObject();
  w.Set("block", Json::Int(block));
  w.Set("span", Span(begin, end));
  return w;
}

// Role of an explanation amount attached to the claim it explains.
std::string_view ExplanationRole(std::string_view reason) {
  if (reason == "reason") return "reason";
  if (reason == "component" || reason == "purpose") return "component";
  return "";
}

bool NotCheckable(std::string_view reason) {
  return reason == "policy_rate" || reason == "target" ||
         reason == "threshold" || reason == "score";
}

// A percentage inside an explanation that states a cut or a saving ("落实
// 日常公用经费压减20%的要求"): a policy rate, not a figure of the claim.
bool PolicyRateInExplanation(const NormalizedDocument& nd, const Unclaimed& u,
                             const Mention& m) {
  if (m.kind != MentionKind::kPercent || u.reason != "reason") return false;
  if (m.block < 0 || static_cast<size_t>(m.block) >= nd.blocks.size())
    return false;
  const std::string& t = nd.blocks[static_cast<size_t>(m.block)].text;
  size_t from = m.begin > 30 ? static_cast<size_t>(m.begin) - 30 : 0;
  while (from > 0 && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80)
    --from;
  std::string_view lead(t.data() + from, static_cast<size_t>(m.begin) - from);
  for (std::string_view w : {"压减", "压缩", "削减", "缩减", "降低", "节约"}) {
    if (lead.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::string_view ReaderRoleOf(const ClaimValue& v, const ReportMeta& meta) {
  switch (v.role) {
    case ValueRole::kChange:
      return "change";
    case ValueRole::kRate:
      return "rate";
    case ValueRole::kShare:
      return "share";
    case ValueRole::kCompletion:
      return "completion";
    case ValueRole::kCount:
      return "value";
    case ValueRole::kAmount:
      break;
  }
  if (meta.fiscal_year > 0 && v.year > 0 && v.year < meta.fiscal_year)
    return "prior";
  if (meta.kind == "final_accounts" && IsBudgetBasis(v.basis)) return "budget";
  return "value";
}

Json ClaimsToJson(const NormalizedDocument& nd, const Extraction& ex) {
  Json out = Json::MakeArray();
  ForEachClaimJson(nd, ex, [&](Json j) { out.Push(std::move(j)); });
  return out;
}

void ForEachClaimJson(const NormalizedDocument& nd, const Extraction& ex,
                      const std::function<void(Json)>& emit) {
  const std::vector<Claim>& claims = ex.claims.claims;
  const int fy = ex.meta.fiscal_year;
  // Indexes built once, so the output stays linear in the document.
  auto value_of = [&](const Claim& o) -> const ClaimValue* {
    for (const ClaimValue& w : o.values) {
      if (w.role == ValueRole::kAmount && ReaderRoleOf(w, ex.meta) == "value")
        return &w;
    }
    return nullptr;
  };
  std::vector<std::vector<const Fact*>> facts_of(claims.size());
  std::map<std::string, const Fact*> base_fact;  // metric: this year's total
  std::map<std::pair<std::string, std::string>, const Fact*> budget_fact;
  for (const Fact& f : ex.facts) {
    if (f.claim >= 0 && static_cast<size_t>(f.claim) < claims.size())
      facts_of[static_cast<size_t>(f.claim)].push_back(&f);
    if (f.measure != Measure::kAmount || f.year != fy) continue;
    if (f.code.empty()) base_fact.emplace(f.metric, &f);
    if (IsBudgetBasis(f.basis))
      budget_fact.emplace(std::make_pair(f.metric, f.code), &f);
  }
  std::vector<std::vector<size_t>> children(claims.size());
  std::map<int, std::vector<size_t>> block_claims;
  std::map<std::string, std::vector<size_t>> valued_by_metric;  // in order
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.owner >= 0 && static_cast<size_t>(c.owner) < claims.size())
      children[static_cast<size_t>(c.owner)].push_back(i);
    block_claims[c.block].push_back(i);
    if (!c.subject.metrics.empty() && value_of(c) != nullptr)
      valued_by_metric[c.subject.metrics.front()].push_back(i);
  }
  // Explanation amounts go with the last claim of their block that starts
  // before them (else the block's first claim).
  std::vector<std::vector<const Unclaimed*>> explained(claims.size());
  for (const Unclaimed& u : ex.claims.unclaimed) {
    if (u.mention < 0 || static_cast<size_t>(u.mention) >= nd.mentions.size())
      continue;
    if (ExplanationRole(u.reason).empty()) continue;
    const Mention& m = nd.mentions[static_cast<size_t>(u.mention)];
    if (PolicyRateInExplanation(nd, u, m)) continue;
    int owner = -1;
    auto in_block = block_claims.find(m.block);
    if (in_block == block_claims.end()) continue;
    for (size_t i : in_block->second) {
      if (owner < 0 || claims[i].begin <= m.begin) owner = static_cast<int>(i);
      if (claims[i].begin > m.begin) break;
    }
    if (owner >= 0) explained[static_cast<size_t>(owner)].push_back(&u);
  }

  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    Json j = Json::MakeObject();
    j.Set("id", Json::Str("c" + std::to_string(i)));
    std::string family;
    std::string direction, comparison_basis;
    int comparison_year = 0;
    bool compares = false;
    Json roles = Json::MakeArray();
    for (const ClaimValue& v : c.values) {
      std::string_view role = ReaderRoleOf(v, ex.meta);
      if (family.find(std::string(role)) == std::string::npos)
        family += (family.empty() ? "" : "+") + std::string(role);
      Json r = Json::MakeObject();
      r.Set("role", Json::Str(role));
      r.Set("value", Json::Str(v.value.ToString()));
      r.Set("printed", Json::Str(v.printed.ToString() + v.unit));
      r.Set("decimals", Json::Int(v.printed.scale()));
      if (!v.basis.empty()) r.Set("basis", Json::Str(v.basis));
      if (v.year > 0) r.Set("year", Json::Int(v.year));
      if (!v.direction.empty()) r.Set("direction", Json::Str(v.direction));
      if (!v.base_label.empty()) r.Set("base", Json::Str(v.base_label));
      if (v.mention >= 0 &&
          static_cast<size_t>(v.mention) < nd.mentions.size()) {
        const Mention& m = nd.mentions[static_cast<size_t>(v.mention)];
        r.Set("span", Span(m.begin, m.end));
      }
      roles.Push(std::move(r));
      if (v.role == ValueRole::kChange || v.role == ValueRole::kRate) {
        compares = true;
        if (direction.empty()) direction = v.direction;
        if (comparison_year == 0) comparison_year = v.comparison_year;
        if (comparison_basis.empty()) comparison_basis = v.comparison_basis;
      }
    }
    // A breakdown's parts ("其中：基本支出…，项目支出…") are components
    // of the claim they break down.
    for (size_t k : children[i]) {
      for (const ClaimValue& v : claims[k].values) {
        if (v.role != ValueRole::kAmount || ReaderRoleOf(v, ex.meta) != "value")
          continue;
        Json r = Json::MakeObject();
        r.Set("role", Json::Str("component"));
        r.Set("value", Json::Str(v.value.ToString()));
        r.Set("printed", Json::Str(v.printed.ToString() + v.unit));
        r.Set("label", Json::Str(claims[k].subject.label));
        roles.Push(std::move(r));
        break;
      }
    }
    // The total a share is of: the owner's figure, else the figure of the
    // base it names.
    for (const ClaimValue& v : c.values) {
      if (v.role != ValueRole::kShare) continue;
      const ClaimValue* total = nullptr;
      if (!v.base_metric.empty()) {
        auto it = valued_by_metric.find(v.base_metric);
        if (it != valued_by_metric.end())
          total = value_of(claims[it->second.front()]);
      }
      if (total == nullptr && c.owner >= 0)
        total = value_of(claims[static_cast<size_t>(c.owner)]);
      if (total == nullptr && !v.base_metric.empty()) {
        // The named base printed only in a table.
        auto found = base_fact.find(v.base_metric);
        const Fact* f = found == base_fact.end() ? nullptr : found->second;
        if (f != nullptr) {
          Json r = Json::MakeObject();
          r.Set("role", Json::Str("total"));
          r.Set("value", Json::Str(f->value.ToString()));
          r.Set("printed", Json::Str(f->printed.ToString() + f->unit));
          r.Set("origin", Json::Str(OriginName(f->origin)));
          roles.Push(std::move(r));
          break;
        }
        // Not printed at all: the sum of the block's parts that state a
        // share of the same base.
        Decimal sum;
        bool any = false;
        for (size_t k : block_claims[c.block]) {
          const Claim& o = claims[k];
          bool same_base = false;
          for (const ClaimValue& w : o.values)
            same_base |=
                w.role == ValueRole::kShare && w.base_metric == v.base_metric;
          const ClaimValue* amount = same_base ? value_of(o) : nullptr;
          if (amount == nullptr) continue;
          sum = sum + amount->value;
          any = true;
        }
        if (any) {
          Json r = Json::MakeObject();
          r.Set("role", Json::Str("total"));
          r.Set("value", Json::Str(sum.ToString()));
          r.Set("origin", Json::Str("sum_of_parts"));
          roles.Push(std::move(r));
          break;
        }
      }
      // A list item's share of the total its metric is part of, stated in
      // an earlier paragraph ("1．基本支出641.69万元，占74.83%").
      if (total == nullptr && !c.subject.metrics.empty()) {
        const Metric* m =
            MetricCatalog::Default().Find(c.subject.metrics.front());
        if (m != nullptr && !m->part_of.empty()) {
          auto it = valued_by_metric.find(m->part_of);
          if (it != valued_by_metric.end()) {
            // The last such claim before this one.
            auto before =
                std::lower_bound(it->second.begin(), it->second.end(), i);
            if (before != it->second.begin())
              total = value_of(claims[*std::prev(before)]);
          }
        }
      }
      if (total == nullptr) continue;
      Json r = Json::MakeObject();
      r.Set("role", Json::Str("total"));
      r.Set("value", Json::Str(total->value.ToString()));
      r.Set("printed", Json::Str(total->printed.ToString() + total->unit));
      roles.Push(std::move(r));
      break;
    }
    // The budget a completion rate is measured against, when the sentence
    // does not print it: the subject's budget figure of the year in the
    // report (a table row).
    bool has_completion = false, has_budget = false;
    for (const ClaimValue& v : c.values) {
      has_completion |= v.role == ValueRole::kCompletion;
      has_budget |= ReaderRoleOf(v, ex.meta) == "budget";
    }
    if (has_completion && !has_budget && !c.subject.metrics.empty()) {
      const Fact* subject_fact =
          facts_of[i].empty() ? nullptr : facts_of[i].front();
      auto found =
          subject_fact == nullptr
              ? budget_fact.end()
              : budget_fact.find({subject_fact->metric, subject_fact->code});
      if (found != budget_fact.end()) {
        const Fact& f = *found->second;
        Json r = Json::MakeObject();
        r.Set("role", Json::Str("budget"));
        r.Set("value", Json::Str(f.value.ToString()));
        r.Set("printed", Json::Str(f.printed.ToString() + f.unit));
        r.Set("origin", Json::Str(OriginName(f.origin)));
        roles.Push(std::move(r));
      }
    }
    for (const Unclaimed* u : explained[i]) {
      const Mention& m = nd.mentions[static_cast<size_t>(u->mention)];
      Json r = Json::MakeObject();
      r.Set("role", Json::Str(ExplanationRole(u->reason)));
      r.Set("value", Json::Str(InWan(m).ToString()));
      r.Set("printed", Json::Str(m.value.ToString() + m.unit));
      r.Set("label", Json::Str(u->detail));
      r.Set("span", Span(m.begin, m.end));
      roles.Push(std::move(r));
    }
    j.Set("family", Json::Str(family));
    std::string quote;
    if (!c.values.empty()) quote = c.values.front().quote;
    j.Set("quote", Json::Str(quote));
    j.Set("where", Where(c.block, c.begin, c.end));
    Json subject = Json::MakeObject();
    subject.Set("text", Json::Str(c.subject.label));
    // The metric and code of the claim's facts (the schema's vocabulary),
    // else the reader's.
    std::string metric, code;
    for (const Fact* f : facts_of[i]) {
      if (metric.empty()) metric = f->metric;
      if (code.empty()) code = f->code;
    }
    if (metric.empty() && !c.subject.metrics.empty())
      metric = c.subject.metrics.front();
    subject.Set("metric", metric.empty() ? Json::Null() : Json::Str(metric));
    subject.Set("code", code.empty() ? Json::Null() : Json::Str(code));
    if (!c.subject.class_path.empty())
      subject.Set("class_path", Json::Str(c.subject.class_path));
    j.Set("subject", std::move(subject));
    j.Set("roles", std::move(roles));
    if (c.flat && direction.empty()) {
      direction = "持平";
      compares = true;
      comparison_year = c.flat_year;
      comparison_basis = c.flat_basis;
    }
    if (!direction.empty()) j.Set("direction", Json::Str(direction));
    if (compares) {
      // Unprinted, a comparison means the year before the report's.
      if (comparison_year == 0 && ex.meta.fiscal_year > 0)
        comparison_year = ex.meta.fiscal_year - 1;
      Json cmp = Json::MakeObject();
      cmp.Set("year",
              comparison_year > 0 ? Json::Int(comparison_year) : Json::Null());
      if (!comparison_basis.empty())
        cmp.Set("basis", Json::Str(comparison_basis));
      j.Set("comparison", std::move(cmp));
    }
    if (c.owner >= 0) j.Set("owner", Json::Str("c" + std::to_string(c.owner)));
    j.Set("status", Json::Str("claim"));
    emit(std::move(j));
  }
  // Values that are not claims about a subject's figures.
  size_t n = 0;
  for (const Unclaimed& u : ex.claims.unclaimed) {
    if (u.mention < 0 || static_cast<size_t>(u.mention) >= nd.mentions.size())
      continue;
    const Mention& m = nd.mentions[static_cast<size_t>(u.mention)];
    bool policy =
        u.reason == "policy_rate" || PolicyRateInExplanation(nd, u, m);
    if (!NotCheckable(u.reason) && !policy) continue;
    Json j = Json::MakeObject();
    j.Set("id", Json::Str("n" + std::to_string(n++)));
    j.Set("family", Json::Str(u.reason));
    j.Set("where", Where(m.block, m.begin, m.end));
    if (policy) {
      Json subject = Json::MakeObject();
      subject.Set("metric", Json::Str("policy.rate"));
      j.Set("subject", std::move(subject));
    }
    Json roles = Json::MakeArray();
    Json r = Json::MakeObject();
    r.Set("role", Json::Str("policy_rate"));
    r.Set("value", Json::Str(InWan(m).ToString()));
    r.Set("printed", Json::Str(m.value.ToString() + m.unit));
    r.Set("span", Span(m.begin, m.end));
    roles.Push(std::move(r));
    j.Set("roles", std::move(roles));
    j.Set("status", Json::Str("not_checkable"));
    j.Set("reason",
          Json::Str(u.reason + (u.detail.empty() ? "" : ": " + u.detail)));
    emit(std::move(j));
  }
}

}  // namespace budgetdoc
