// Checks across documents: what one report prints that another report
// printed too.
//  - Across years: a report of year Y prints last year's figures (上年预算数,
//    上年决算数, 上年预算执行数/上年执行数); the same body's report of year
//    Y−1 printed them as its own. Budget is compared with budget (上年预算数
//    with the earlier 部门预算), actual with actual (上年决算数 with the
//    earlier 部门决算); an execution figure (预算执行数) is compared with the
//    earlier budget's 预算安排 as what it is — the year as executed against
//    the year as planned, which may differ — so a difference is listed
//    (not_applicable, with the difference) and never a contradiction; an
//    adjusted budget likewise. Classification items are compared by code.
//  - 部门 and 单位: a department's report consolidates its units'. A
//    department whose only unit is its own (本级) prints that unit's
//    figures; a department prints at least what each of its units prints,
//    for every total; and the sum of its units when all of them are present
//    (the number of units from the department's own 所属单位 count; the sum
//    is not_checked, with the reason, when units are missing or the count is
//    not printed).
// Links come from the metadata: the same body (schema/body_names.h, region
// code), fiscal years, kind (final_accounts/budget) and scope (部门/单位).
// Figures are compared in 万元 with half a unit of each printed precision
// (check/judge.h); facts on unreadable pages are not used.
// Verdicts and severities come from the mapping every rule of one report
// goes through (check/verdict.h), so cross-document findings classify and
// rank like the rest: figures that agree at printed precision pass
// (within_rounding when they differ by rounding); a difference beyond it is
// material, or minor when it is one unit of the last printed digit; nothing
// is material or minor on a value recognized by OCR (not_checked); a
// comparison whose binding is ambiguous is not_checked with its reason —
// a report printing several values of one figure, a units sum with units
// missing, or a later report that says it restated last year's figures
// (口径调整: its 上年 figure may rightly differ from the earlier report).
// Pure; thread-safe. Tested by tests/check/cross_document_test.cc.
#ifndef BUDGETDOC_CHECK_CROSS_DOCUMENT_H_
#define BUDGETDOC_CHECK_CROSS_DOCUMENT_H_

#include "check/check.h"
#include "check/rules.h"
#include "schema/fact.h"
#include "schema/report_meta.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// One analyzed report, as the cross-document checks see it.
struct CrossDocument {
  std::string id;    // the caller's key (a database doc_id, or a path)
  std::string path;  // as shown to the user; evidence names it
  ReportMeta meta;   // entity_name, region_code, fiscal_year, kind, scope
  std::vector<Fact> facts;
  // The sentence where the report says it restated last year's figures
  // (FindRestatement of its text), "" when it does not or it is not known;
  // the quotes of its facts are searched too.
  std::string restatement;
};

// The first sentence of `text` that says last year's figures were restated
// or adjusted to a new basis (上年数…口径调整, 追溯调整, 重新列示, 可比口径),
// trimmed to at most 200 bytes; "" when none.
std::string FindRestatement(std::string_view text);

// A result of a cross-document rule; result.evidence names both documents
// (Evidence::where.source = CrossDocument::path).
struct CrossResult {
  std::string link;  // "years" | "units"
  // The documents compared, the later (years) or the department (units)
  // first.
  std::vector<std::string> documents;
  // What was compared: "metric|code|fund" of the figure ("" for a result
  // about the link as a whole).
  std::string subject;
  CheckResult result;
};

// The cross-document rules, for listings and docs.
struct CrossRuleSpec {
  std::string_view id, zh, en;
  FailureClass failure;  // what a failure is (check/verdict.h)
};
std::span<const CrossRuleSpec> CrossRules();

// The key of the body a report belongs to (region|organ|folded name, from
// schema/body_names.h with the report's own region code when the name has
// none); "" when the report names no body. Reports are linked only within
// one key (a unit's key is its department's when it names itself 本级).
std::string BodyKeyOf(const CrossDocument& doc);

// Pairs (earlier, later) of indexes into docs: the same body and scope,
// fiscal years Y−1 and Y.
struct YearLink {
  size_t earlier = 0, later = 0;
};
std::vector<YearLink> LinkYears(const std::vector<CrossDocument>& docs);

// A 部门 report and the 单位 reports of the same region, year and kind whose
// names are its own unit (本级) or continue its name.
struct UnitLink {
  size_t department = 0;
  std::vector<size_t> units;
};
std::vector<UnitLink> LinkUnits(const std::vector<CrossDocument>& docs);

std::vector<CrossResult> CompareYears(const CrossDocument& earlier,
                                      const CrossDocument& later,
                                      const CheckOptions& options);
std::vector<CrossResult> CompareDepartment(
    const CrossDocument& department,
    const std::vector<const CrossDocument*>& units,
    const CheckOptions& options);

// Links every document and compares every link, in a deterministic order.
std::vector<CrossResult> RunCrossChecks(const std::vector<CrossDocument>& docs,
                                        const CheckOptions& options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CHECK_CROSS_DOCUMENT_H_
