// Narrative facts: the values of claims (schema/claims.h) become facts with
// their subject. "基本支出1197.55万元，占63.39%" gives an amount and a share of
// 基本支出; "与2022年度相比，…减少35.32万元，下降1.84%" a change and a rate
// with their direction words and comparison year; "完成预算94.19%" a
// completion rate; "国内公务接待6批次，91人次" two counts. Values the claim
// reader left unclaimed (reasons, purposes, policy rates, unknown subjects)
// give no fact. Chart series become facts with origin chart.
// Pure; thread-safe.
// Tested by tests/schema/narrative_test.cc.
#ifndef BUDGETDOC_SCHEMA_NARRATIVE_H_
#define BUDGETDOC_SCHEMA_NARRATIVE_H_

#include "normalize/normalize.h"
#include "schema/claims.h"
#include "schema/class_path.h"
#include "schema/fact.h"
#include "schema/metrics.h"
#include "schema/money.h"
#include "schema/report_meta.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// Facts of the claims: one fact per claimed value (two for a pair subject
// "收、支总计" printed with one value), with its claim and value index.
std::vector<Fact> FactsFromClaims(const ClaimSet& claims,
                                  const NormalizedDocument& nd,
                                  const ReportMeta& meta,
                                  const MetricCatalog& metrics);

// ReadClaims then FactsFromClaims.
std::vector<Fact> ExtractNarrativeFacts(const NormalizedDocument& nd,
                                        const ReportMeta& meta,
                                        const MetricCatalog& metrics);

std::vector<Fact> ExtractChartFacts(const NormalizedDocument& nd,
                                    const ReportMeta& meta,
                                    const MetricCatalog& metrics);
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_NARRATIVE_H_
