// The procurement paragraph of Shanghai final accounts splits the year's
// contracts by reserve and firm size in fixed clauses: 「政府采购金额（以合同
// 签订为准）为X万元…面向中小企业预留政府采购项目预算金额R万元…在面向中小企业
// 预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额A万元…在其他
// 政府采购项目中，由中小企业供应商中标或成交的，采购金额B万元」. Each clause
// (normalize/patterns.cc `procurement_sme`) gives one narrative fact of its
// own metric (procurement.contract_total, .sme_reserved_budget,
// .micro_reserved_budget, .sme_reserved_award, .micro_reserved_award,
// .sme_other_award), year and basis of the report.
// Pure; thread-safe. Tested by tests/check/check_test.cc (the rule that
// reads them) and tests/normalize/patterns_test.cc (the clauses).
#ifndef BUDGETDOC_SCHEMA_PROCUREMENT_SPLIT_H_
#define BUDGETDOC_SCHEMA_PROCUREMENT_SPLIT_H_

#include "normalize/normalize.h"
#include "schema/fact.h"
#include "schema/report_meta.h"

#include <vector>

namespace budgetdoc {

std::vector<Fact> ReadProcurementSplit(const NormalizedDocument& nd,
                                       const ReportMeta& meta);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_PROCUREMENT_SPLIT_H_
