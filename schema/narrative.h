// Narrative facts: claims in prose become facts with their subject.
// "基本支出1197.55万元，占63.39%" gives an amount and a share of 基本支出;
// "与2022年度相比，…减少35.32万元，下降1.84%" a change and a rate with their
// direction words and comparison year; "完成预算94.19%" a completion rate;
// "国内公务接待6批次，91人次" two counts. A subject is resolved through the
// metric vocabulary, then a 类/款/项 path or a classification name printed
// before the number, then the enclosing list item or section title (a bare
// "支出决算为960.77万元" under a numbered item belongs to that item's 项).
// Chart series become facts with origin chart. Pure; thread-safe.
// Tested by tests/schema/narrative_test.cc.
#ifndef BUDGETDOC_SCHEMA_NARRATIVE_H_
#define BUDGETDOC_SCHEMA_NARRATIVE_H_

#include "normalize/normalize.h"
#include "schema/fact.h"
#include "schema/metrics.h"
#include "schema/report_meta.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// Splits "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）"
// into its 类/款/项 names ("一般公共服务", "政府办公厅（室）及相关机构事务",
// "行政运行"). Returns false when the text has no （类）/（款）/（项） marker
// or no name stands before any marker ("（项）”105.65万元", the tail of a path
// whose names ended the previous line): true guarantees at least one non-empty
// name.
struct ClassPath {
  std::string lei, kuan, xiang;
  bool empty() const { return lei.empty() && kuan.empty() && xiang.empty(); }
};
bool ParseClassPath(std::string_view text, ClassPath* out);

std::vector<Fact> ExtractNarrativeFacts(const NormalizedDocument& nd,
                                        const ReportMeta& meta,
                                        const MetricCatalog& metrics);

std::vector<Fact> ExtractChartFacts(const NormalizedDocument& nd,
                                    const ReportMeta& meta,
                                    const MetricCatalog& metrics);

// Converts a printed amount to 万元 exactly ("元" ÷ 10^4, "亿元" × 10^4).
// Returns the value unchanged for other units.
Decimal ToWanYuan(const Decimal& printed, std::string_view unit);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_NARRATIVE_H_
