#include "schema/procurement_split.h"

#include "normalize/patterns.h"
#include "schema/metrics.h"
#include "schema/money.h"

#include <string_view>

namespace budgetdoc {
namespace {

bool Has(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

// The metric of a clause, by its words.
std::string_view MetricOf(std::string_view clause) {
  if (Has(clause, "政府采购金额")) return "procurement.contract_total";
  if (Has(clause, "在其他")) return "procurement.sme_other_award";
  bool micro = Has(clause, "小微企业");
  if (Has(clause, "预算金额"))
    return micro ? "procurement.micro_reserved_budget"
                 : "procurement.sme_reserved_budget";
  return micro ? "procurement.micro_reserved_award"
               : "procurement.sme_reserved_award";
}

}  // namespace

std::vector<Fact> ReadProcurementSplit(const NormalizedDocument& nd,
                                       const ReportMeta& meta) {
  std::vector<Fact> out;
  const PatternSet& patterns = PatternSet::Default();
  for (size_t bi = 0; bi < nd.blocks.size() && bi < nd.doc.blocks.size();
       ++bi) {
    if (nd.doc.blocks[bi].kind == BlockKind::kTable) continue;
    const NormalizedText& nt = nd.blocks[bi];
    // Cheap test first: the clauses all name 政府采购.
    if (!Has(nt.text, "政府采购")) continue;
    for (const PatternMatch& m : patterns.FindAll("procurement_sme", nt.text)) {
      std::string_view clause = m.Group(nt.text, 0);
      std::string_view number = m.Group(nt.text, 1);
      Result<Decimal> printed = Decimal::Parse(number);
      if (!printed.ok()) continue;
      Fact f;
      f.metric = std::string(MetricOf(clause));
      f.measure = Measure::kAmount;
      f.printed = *printed;
      f.unit = "万元";
      f.value = ToWanYuan(*printed, "万元");
      f.year = meta.fiscal_year;
      f.basis = meta.kind == "budget" ? "budget" : "actual";
      f.origin = Origin::kNarrative;
      const Metric* metric = MetricCatalog::Default().Find(f.metric);
      f.label = metric != nullptr ? metric->label : f.metric;
      f.where.source = nd.doc.source;
      f.where.page = nd.doc.blocks[bi].page;
      f.where.block = static_cast<int>(bi);
      int begin = m.groups[1].first;
      int end = m.end;
      f.where.norm_begin = begin;
      f.where.norm_end = end;
      f.where.raw_begin = static_cast<int>(nt.RawBegin(begin));
      f.where.raw_end = static_cast<int>(nt.RawEnd(end));
      f.quote = std::string(nt.text.substr(
          static_cast<size_t>(m.begin), static_cast<size_t>(m.end - m.begin)));
      f.on_unreadable_page =
          f.where.page > 0 && nd.doc.PageUnreadable(f.where.page);
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace budgetdoc
