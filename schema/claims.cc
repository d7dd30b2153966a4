#include "schema/claims.h"

#include "base/utf8.h"
#include "schema/claim_reader.h"
#include "schema/embedded_data.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

using namespace claims_internal;  // NOLINT(google-build-using-namespace)

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
  ClaimSet set = ClaimReader(nd, meta, metrics).Run();
  // Grown by doubling; the claims live as long as the facts made from them.
  set.claims.shrink_to_fit();
  set.unclaimed.shrink_to_fit();
  return set;
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
