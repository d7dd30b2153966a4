#include "schema/mapper.h"

#include "schema/classification.h"
#include "schema/metadata.h"
#include "schema/metrics.h"
#include "schema/narrative.h"
#include "schema/ocr_facts.h"
#include "schema/procurement_split.h"
#include "schema/tables.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

namespace budgetdoc {
namespace {

// Precision is judged per document, not per token: "691.5" in a report
// that prints two decimals elsewhere still means ±0.005. The scale judged is
// the one most amounts with decimals use (ties to the larger).
int JudgedScale(const std::vector<int>& scales, int fallback) {
  std::map<int, int> counts;
  for (int s : scales) {
    if (s > 0) ++counts[s];
  }
  if (counts.empty()) return fallback;
  int best = fallback, best_n = -1;
  for (const auto& [s, n] : counts) {
    if (n >= best_n) {
      best = s;
      best_n = n;
    }
  }
  return best;
}

bool Usable(const ClassificationCatalog& cat, const std::string& code,
            std::string_view printed, int year) {
  if (printed.empty()) return true;
  NameMatch m = cat.NameMatches(code, printed, year);
  return m == NameMatch::kMatch || m == NameMatch::kFormerName;
}

// The code a printed classification name stands for, when the catalog makes
// it unambiguous: a 类/款/项 path narrows the 项 by its 款 and 类.
std::string ResolveCode(const ClassificationCatalog& cat, const Fact& f,
                        int year) {
  bool econ = f.metric == "gpb.basic.by_econ";
  auto scheme_ok = [&](const ClassItem* c) {
    return econ ? c->code[0] == '3' || c->code[0] == '5' : c->code[0] == '2';
  };
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= f.label.size(); ++i) {
    if (i == f.label.size() || f.label[i] == '/') {
      parts.push_back(f.label.substr(start, i - start));
      start = i + 1;
    }
  }
  std::string name = parts.back();
  if (name.empty() && parts.size() > 1) name = parts[parts.size() - 2];
  std::vector<const ClassItem*> found;
  for (const ClassItem* c : cat.FindByName(name)) {
    if (!scheme_ok(c)) continue;
    if (parts.size() == 3) {
      if (c->code.size() != 7) continue;
      if (!Usable(cat, c->code.substr(0, 5), parts[1], year) ||
          !Usable(cat, c->code.substr(0, 3), parts[0], year)) {
        continue;
      }
    }
    found.push_back(c);
  }
  // 「人大事务行政运行（项）」: a 项 printed after its 款's name with no level
  // word between them.
  if (found.empty() && parts.size() == 1 && !econ) {
    std::set<std::string> codes;
    for (size_t cut = 3; cut + 3 <= name.size(); ++cut) {
      if ((static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) continue;
      std::string_view kuan = std::string_view(name).substr(0, cut);
      std::string_view xiang = std::string_view(name).substr(cut);
      for (const ClassItem* k : cat.FindByName(kuan, ClassLevel::kKuan)) {
        if (!scheme_ok(k)) continue;
        for (const ClassItem* x : cat.FindByName(xiang, ClassLevel::kXiang)) {
          if (x->code.rfind(k->code, 0) == 0) codes.insert(x->code);
        }
      }
    }
    return codes.size() == 1 ? *codes.begin() : "";
  }
  // Department economic codes (3xx) are what 部门 reports print; the
  // government scheme (5xx) repeats many names.
  if (econ && found.size() > 1) {
    std::vector<const ClassItem*> dept;
    for (const ClassItem* c : found) {
      if (c->code[0] == '3') dept.push_back(c);
    }
    found = dept;
  }
  return found.size() == 1 ? found.front()->code : "";
}

}  // namespace

Extraction MapToSchema(const NormalizedDocument& nd) {
  return MapToSchema(nd, DetectMetadata(nd));
}

Extraction MapToSchema(const NormalizedDocument& nd, ReportMeta meta) {
  Extraction ex;
  ex.meta = std::move(meta);
  const MetricCatalog& metrics = MetricCatalog::Default();

  std::vector<int> amount_scales, percent_scales;
  for (const Mention& m : nd.mentions) {
    if (m.kind == MentionKind::kAmount && m.unit == "万元")
      amount_scales.push_back(m.value.scale());
    if (m.kind == MentionKind::kPercent)
      percent_scales.push_back(m.value.scale());
  }
  ex.narrative_amount_scale = JudgedScale(amount_scales, 2);
  ex.percent_scale = JudgedScale(percent_scales, 2);

  ex.claims = ReadClaims(nd, ex.meta, metrics);
  ex.facts = FactsFromClaims(ex.claims, nd, ex.meta, metrics);
  const ClassificationCatalog& catalog = ClassificationCatalog::Default();
  for (Fact& f : ex.facts) {
    if ((f.metric == "gpb.expenditure.by_func" ||
         f.metric == "expenditure.by_func" ||
         f.metric == "gpb.basic.by_econ") &&
        f.code.empty()) {
      f.code = ResolveCode(catalog, f, ex.meta.fiscal_year);
    }
  }
  std::vector<Fact> chart = ExtractChartFacts(nd, ex.meta, metrics);
  TableFacts tables = RecognizeTables(nd, ex.meta, metrics);
  // One allocation for all facts: growing the vector would hold the old
  // and the new buffer at once (facts are most of the memory of a report).
  ex.facts.reserve(ex.facts.size() + chart.size() + tables.facts.size());
  ex.facts.insert(ex.facts.end(), std::make_move_iterator(chart.begin()),
                  std::make_move_iterator(chart.end()));
  chart = std::vector<Fact>();
  ex.tables = std::move(tables.tables);
  // Two cells of one row read as the same figure with different values: the
  // column roles of that row are not understood; neither cell is kept.
  // Facts sorted by that key (indexes, not a map of keys: a long report
  // has tens of thousands of table facts).
  std::vector<bool> ambiguous(tables.facts.size(), false);
  {
    auto key = [&](uint32_t i) {
      const Fact& f = tables.facts[i];
      return std::tie(f.where.table, f.where.row, f.metric, f.basis, f.column,
                      f.code, f.label, f.year);
    };
    std::vector<uint32_t> order(tables.facts.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = static_cast<uint32_t>(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
    for (size_t g = 0; g < order.size();) {
      size_t e = g + 1;
      while (e < order.size() && key(order[e]) == key(order[g])) ++e;
      bool differ = false;
      for (size_t k = g + 1; k < e; ++k) {
        differ |= tables.facts[order[k]].value != tables.facts[order[g]].value;
      }
      for (size_t k = g; differ && k < e; ++k) ambiguous[order[k]] = true;
      g = e;
    }
  }
  for (size_t i = 0; i < tables.facts.size(); ++i) {
    Fact& f = tables.facts[i];
    if (ambiguous[i]) continue;
    // In a table that prints money with decimals, a bare small integer is a
    // line number (行次) that layout put in a money column, not an amount.
    bool row_number = false;
    if (f.printed.scale() == 0 && f.printed < Decimal::FromInt(100) &&
        f.table >= 0 && f.table < static_cast<int>(ex.tables.size()) &&
        ex.tables[static_cast<size_t>(f.table)].amount_scale >= 2) {
      row_number = true;
    }
    if (!row_number) ex.facts.push_back(std::move(f));
  }
  for (Fact& f : ReadProcurementSplit(nd, ex.meta))
    ex.facts.push_back(std::move(f));
  ex.expected_tables = ExpectedTables(ex.meta);
  ex.titled_tables = PrintedTableTitles(nd, ex.meta);
  ex.findings = std::move(tables.findings);
  for (Fact& f : ex.facts) LocateOnPage(nd, &f.where);
  for (auto& [field, where] : ex.meta.sources) LocateOnPage(nd, &where);
  MarkOcrFacts(nd.doc, &ex.facts);
  ex.forms = ReadPerformanceForms(nd);
  for (PerformanceForm& form : ex.forms) MarkOcrFacts(nd.doc, &form.values);
  return ex;
}

}  // namespace budgetdoc
