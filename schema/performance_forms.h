// Performance forms: the one-project forms many reports print after their
// tables — a budget's 项目支出绩效目标表 / 绩效目标填报表 (the project's funds
// and the year's request, each with its parts) and a final account's
// 项目支出绩效自评表 (the year's funds as budgeted and executed, the execution
// rate, the indicators' weights 分值 and scores 得分).
//
// A form begins at 「项目名称」 and ends at the next one. Its figures are read
// from table cells and from text lines alike (page text keeps a form as
// label–value lines): a fund's value is the number printed right after its
// label on the same row or line. A label the form prints twice (其他资金 of
// the project and of the year) is the project's the first time and the
// year's the second; printed once, it is not read (its side is unknown).
// Self-evaluation rows are read by the columns of their header (年初预算数,
// 全年预算数, 全年执行数, 分值, 执行率, 得分): in a table by column, in text
// only when the row prints exactly one entry per header column. Nothing is
// guessed: what cannot be placed is left out.
// Pure; thread-safe. Tested by tests/schema/performance_forms_test.cc.
#ifndef BUDGETDOC_SCHEMA_PERFORMANCE_FORMS_H_
#define BUDGETDOC_SCHEMA_PERFORMANCE_FORMS_H_

#include "normalize/normalize.h"
#include "schema/fact.h"

#include <string>
#include <vector>

namespace budgetdoc {

struct PerformanceForm {
  enum class Kind { kTarget, kSelfEvaluation };
  Kind kind = Kind::kTarget;
  std::string project;  // 项目名称 as printed; "" when not read
  int page = 0;         // where the form begins (0: no pages)
  std::string unit;     // 元 | 万元 | "" (not printed)
  // Every figure read, as a fact (value in 万元 when the unit is known,
  // else as printed), so that rounding and evidence work as for any figure:
  //   perf.form.project.{total,fiscal,other}      the project's funds
  //   perf.form.annual.{total,fiscal,carryover,other}
  //        the year's funds; a self-evaluation prints each with basis
  //        budget_initial (年初预算数), budget_adjusted (全年预算数) and
  //        actual (全年执行数)
  //   perf.form.rate.{total,fiscal,carryover,other}  执行率 (measure
  //        completion, %)
  //   perf.form.weight / perf.form.score         分值 / 得分 (unit 分) of the
  //        funds row (label 预算执行率), of each indicator row (label: its
  //        indicator) and of the 总分 row (label 总分)
  // and, for a self-evaluation printed as a table, each indicator's target
  // and achieved value as printed (`indicators`).
  std::vector<Fact> values;
  // A self-evaluation's indicator rows as printed: 年度指标值 (the target,
  // "≥20个", "=100%", "有效") and 实际完成值 (what was achieved).
  struct Indicator {
    std::string name;    // 三级指标 (else 二级)
    std::string target;  // as printed, normalized
    std::string actual;
    Provenance where;  // the row (table, row, page)
    SharedText quote;  // the row's cells
  };
  std::vector<Indicator> indicators;
};

// The forms of a document, in document order.
std::vector<PerformanceForm> ReadPerformanceForms(const NormalizedDocument& nd);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_PERFORMANCE_FORMS_H_
