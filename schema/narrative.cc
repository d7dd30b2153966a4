#include "schema/narrative.h"

#include "base/utf8.h"

#include <algorithm>

namespace budgetdoc {
namespace {

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

Measure MeasureOf(ValueRole r) {
  switch (r) {
    case ValueRole::kAmount:
      return Measure::kAmount;
    case ValueRole::kChange:
      return Measure::kChange;
    case ValueRole::kRate:
      return Measure::kRate;
    case ValueRole::kShare:
      return Measure::kShare;
    case ValueRole::kCompletion:
      return Measure::kCompletion;
    case ValueRole::kCount:
      return Measure::kCount;
  }
  return Measure::kAmount;
}

std::string FundOfContext(const NormalizedDocument& nd, int section) {
  for (int s = section; s > 0;
       s = nd.sections.sections[static_cast<size_t>(s)].parent) {
    const std::string& title =
        nd.sections.sections[static_cast<size_t>(s)].title;
    if (Contains(title, "政府性基金")) return "gov_fund";
    if (Contains(title, "国有资本经营")) return "soe";
    if (Contains(title, "一般公共预算")) return "gpb";
  }
  return "gpb";
}

// A section about the fiscal appropriation as a whole ("财政拨款收支预算总体
// 情况"): there 财政拨款收入 is the fiscal total and its 一般公共预算/政府性
// 基金/国有资本经营 parts are fiscal income by fund, not parts of 本年收入.
bool InFiscalOverview(const NormalizedDocument& nd, int section) {
  for (int s = section; s > 0;
       s = nd.sections.sections[static_cast<size_t>(s)].parent) {
    const std::string& title =
        nd.sections.sections[static_cast<size_t>(s)].title;
    if (Contains(title, "财政拨款收支") || Contains(title, "财政拨款收入支出"))
      return true;
  }
  return false;
}

// The metric and fund a subject metric takes in its section.
void InSection(const NormalizedDocument& nd, int section, Fact* f) {
  if (f->metric.rfind("income.fiscal", 0) != 0 ||
      !InFiscalOverview(nd, section))
    return;
  if (f->metric == "income.fiscal") {
    f->metric = "fiscal.income.total";
    f->fund = "fiscal";
  } else {
    f->fund = f->metric.substr(sizeof("income.fiscal.") - 1);
    f->metric = "fiscal.income";
  }
}

}  // namespace

std::vector<Fact> FactsFromClaims(const ClaimSet& claims,
                                  const NormalizedDocument& nd,
                                  const ReportMeta& meta,
                                  const MetricCatalog& metrics) {
  // Counted first, so that the facts take one allocation (growing the vector
  // would hold the old and the new buffer at once): one fact per subject
  // metric of each value, one for each value of a pair subject's list.
  size_t n = 0;
  for (const Claim& c : claims.claims) {
    for (const ClaimValue& v : c.values) {
      const Mention& mention = nd.mentions[static_cast<size_t>(v.mention)];
      n += c.subject.metrics.size() == 2 && mention.list_size == 2
               ? 1
               : c.subject.metrics.size();
    }
  }
  std::vector<Fact> out;
  out.reserve(n);
  const std::string default_basis = meta.kind == "budget" ? "budget" : "actual";
  for (size_t ci = 0; ci < claims.claims.size(); ++ci) {
    const Claim& c = claims.claims[ci];
    const ClaimSubject& s = c.subject;
    const Block& b = nd.doc.blocks[static_cast<size_t>(c.block)];
    for (size_t vi = 0; vi < c.values.size(); ++vi) {
      const ClaimValue& v = c.values[vi];
      const Mention& mention = nd.mentions[static_cast<size_t>(v.mention)];
      Fact f;
      f.claim = static_cast<int>(ci);
      f.claim_value = static_cast<int>(vi);
      f.measure = MeasureOf(v.role);
      f.value = v.value;
      f.printed = v.printed;
      f.unit = v.unit;
      f.origin = Origin::kNarrative;
      f.section = c.section;
      f.year = v.role == ValueRole::kAmount ? v.year : meta.fiscal_year;
      switch (v.role) {
        case ValueRole::kAmount:
        case ValueRole::kChange:
        case ValueRole::kCompletion:
          f.basis = v.basis;
          break;
        default:
          f.basis = default_basis;
      }
      if (f.measure == Measure::kChange || f.measure == Measure::kRate) {
        f.direction = v.direction;
        f.comparison_year = v.comparison_year;
      }
      if (f.measure == Measure::kCompletion) f.direction = c.comparator;
      f.where.source = nd.doc.source;
      f.where.page = b.page;
      f.where.block = c.block;
      f.where.norm_begin = mention.begin;
      f.where.norm_end = mention.end;
      f.where.raw_begin = mention.raw_begin;
      f.where.raw_end = mention.raw_end;
      f.quote = v.quote;
      f.on_unreadable_page = b.page > 0 && nd.doc.PageUnreadable(b.page);
      f.label = s.class_path.empty() ? s.label : s.class_path;
      if (f.measure == Measure::kShare) {
        f.base_metric = v.base_metric;
        if (f.base_metric.empty() && v.base_label.empty() && c.owner >= 0) {
          const ClaimSubject& o =
              claims.claims[static_cast<size_t>(c.owner)].subject;
          if (o.metrics.size() == 1) f.base_metric = o.metrics[0];
        }
        if (f.base_metric.empty() && v.base_label.empty() &&
            s.metrics.size() == 1) {
          if (const Metric* m = metrics.Find(s.metrics[0]))
            f.base_metric = m->part_of;
        }
      }
      if (s.metrics.size() == 1 && s.metrics[0] == "expenditure.by_func") {
        f.code_scheme = "func";
      } else if (s.metrics.size() == 1 &&
                 s.metrics[0] == "gpb.expenditure.by_func") {
        f.fund = FundOfContext(nd, c.section);
        f.code_scheme = "func";
      } else if (s.metrics.size() == 1 && s.metrics[0] == "gpb.basic.by_econ") {
        f.fund = "gpb";
        f.code_scheme = "econ";
      }
      // A pair subject ("收、支总计") with two values: one each.
      if (s.metrics.size() == 2 && mention.list_size == 2) {
        f.metric =
            s.metrics[static_cast<size_t>(std::min(mention.list_index, 1))];
        out.push_back(std::move(f));
        continue;
      }
      for (const std::string& metric : s.metrics) {
        Fact g = f;
        g.metric = metric;
        if (const Metric* m = metrics.Find(metric);
            m != nullptr && g.fund == "all") {
          g.fund = m->fund;
        }
        InSection(nd, c.section, &g);
        out.push_back(std::move(g));
      }
    }
  }
  return out;
}

std::vector<Fact> ExtractNarrativeFacts(const NormalizedDocument& nd,
                                        const ReportMeta& meta,
                                        const MetricCatalog& metrics) {
  return FactsFromClaims(ReadClaims(nd, meta, metrics), nd, meta, metrics);
}

// "收支总计", "收、支决算总计": one name for both grand totals.
bool IsCombinedTotal(std::string_view name) {
  return (Contains(name, "收支") || Contains(name, "收、支")) &&
         Contains(name, "总计");
}

std::vector<Fact> ExtractChartFacts(const NormalizedDocument& nd,
                                    const ReportMeta& meta,
                                    const MetricCatalog& metrics) {
  std::vector<Fact> out;
  for (size_t c = 0; c < nd.doc.charts.size(); ++c) {
    const Chart& chart = nd.doc.charts[c];
    int block = -1;
    for (size_t b = 0; b < nd.doc.blocks.size(); ++b) {
      if (nd.doc.blocks[b].kind == BlockKind::kChart &&
          nd.doc.blocks[b].chart == static_cast<int>(c)) {
        block = static_cast<int>(b);
      }
    }
    std::vector<SubjectMatch> title_subjects =
        metrics.FindSubjects(chart.title);
    for (const ChartSeries& series : chart.series) {
      for (size_t k = 0;
           k < series.values.size() && k < chart.categories.size(); ++k) {
        Result<Decimal> v = Decimal::Parse(series.values[k]);
        if (!v.ok()) continue;
        const std::string& cat = chart.categories[k];
        Fact f;
        f.origin = Origin::kChart;
        f.printed = *v;
        f.value = *v;
        f.unit = "万元";
        f.year = meta.fiscal_year;
        f.basis = meta.kind == "budget" ? "budget" : "actual";
        f.where.source = nd.doc.source;
        f.where.block = block;
        f.quote = chart.title;
        f.label = cat;
        // Year categories ("2022年"): the series or title names the metric.
        int year = 0;
        if (cat.size() >= 7 && cat.substr(4) == "年")
          year = std::atoi(cat.substr(0, 4).c_str());
        if (year > 0) {
          f.year = year;
          std::string metric;
          bool fiscal = Contains(chart.title, "财政拨款");
          if (series.name == "收入") {
            metric =
                fiscal ? "fiscal.income.grand_total" : "income.grand_total";
          } else if (series.name == "支出") {
            metric = fiscal ? "fiscal.expenditure.grand_total"
                            : "expenditure.grand_total";
          } else if (IsCombinedTotal(series.name) ||
                     (series.name.empty() && IsCombinedTotal(chart.title))) {
            // One series for "收、支总计" (equal by the balance identity):
            // read as the income side.
            metric =
                fiscal ? "fiscal.income.grand_total" : "income.grand_total";
          } else if (!title_subjects.empty()) {
            metric = title_subjects.back().metric->id;
          }
          if (metric.empty()) continue;
          f.metric = metric;
        } else {
          std::vector<SubjectMatch> s = metrics.FindSubjects(cat);
          if (!s.empty() && s.front().begin == 0 &&
              static_cast<size_t>(s.front().end) == cat.size()) {
            f.metric = s.front().metric->id;
          } else if (Contains(chart.title, "一般公共预算")) {
            f.metric = "gpb.expenditure.by_func";
            f.code_scheme = "func";
          } else {
            continue;
          }
        }
        if (const Metric* m = metrics.Find(f.metric)) f.fund = m->fund;
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace budgetdoc
