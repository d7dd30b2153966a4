// Fact: one number the report states, in the common schema. Every fact has a
// metric from the controlled vocabulary (schema/data/metrics.tsv), a measure,
// an exact value in a normalized unit (money in 万元, percentages in percent),
// the value/unit/scale as printed, its period, fund scope, classification
// code when there is one, its origin and where it was printed.
// Plain value type. Tested through tests/schema/*.
#ifndef BUDGETDOC_SCHEMA_FACT_H_
#define BUDGETDOC_SCHEMA_FACT_H_

#include "base/decimal.h"
#include "base/provenance.h"
#include "base/shared_text.h"

#include <string>
#include <string_view>

namespace budgetdoc {

enum class Measure { kAmount, kShare, kChange, kRate, kCompletion, kCount };
std::string_view MeasureName(Measure m);  // "amount", "share", ...

enum class Origin { kNarrative, kTable, kChart };
std::string_view OriginName(Origin o);  // "narrative", "table", "chart"

struct Fact {
  std::string metric;  // vocabulary id, e.g. "expenditure.basic"
  Measure measure = Measure::kAmount;
  Decimal value;     // normalized: 万元 for money, percent, or a count
  Decimal printed;   // as printed (printed.scale() = printed precision)
  std::string unit;  // as printed: 万元, 元, 亿元, %, 辆, 人次, ...
  int year = 0;      // period the value belongs to; 0 = unknown
  int comparison_year = 0;  // for changes and rates
  // actual (决算) | budget (预算, unspecified) | budget_initial (年初预算) |
  // budget_adjusted (调整预算/全年预算) | prior (上年数)
  std::string basis = "actual";
  std::string fund = "all";  // all | fiscal | gpb | gov_fund | soe
  std::string code;          // classification code ("2010301", "30101")
  std::string code_scheme;   // func | econ | ""
  std::string direction;  // 增加/减少/增长/下降/持平/大于/小于/等于 or ""
  std::string base_metric;  // share/completion denominator metric, if known
  Origin origin = Origin::kNarrative;
  Provenance where;
  // The clause it was read from (≤ 120 characters); shared with the claim
  // value and the other facts read from the same sentence or row.
  SharedText quote;
  std::string label;   // the subject as printed ("基本支出", a row label)
  int section = -1;    // innermost section of the block (narrative)
  int table = -1;      // recognized table index (table facts)
  std::string column;  // column role (table facts): total, basic, ...
  bool on_unreadable_page = false;
  // Narrative facts: the claim (Extraction::claims) and value they come
  // from; -1 otherwise.
  int claim = -1;
  int claim_value = -1;
  // Recognized by OCR (the page had no usable text layer): the lowest
  // confidence (0-100) of the recognized words the value was read from.
  bool ocr = false;
  int ocr_confidence = -1;  // -1 = not OCR
  // The check stage's flag: the value may be misread (OCR below
  // kMinOcrConfidence, schema/ocr_facts.h), so no check may fail on it; such
  // a check is not_checked with the reason.
  bool low_confidence = false;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_FACT_H_
