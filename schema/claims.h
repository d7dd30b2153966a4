// Claims: what the report's sentences assert, with explicit roles. A claim is
// what one block says about one subject: its amounts (this year's, last
// year's, the budget's, the actual), a change with its direction word, a rate
// with its comparison year and base, a share with the total it is a share of,
// a completion rate with the budget it is measured against. Every value the
// text prints in a claim has a role; a value that is not the subject's own
// figure — a component named in an explanation ("主要原因是…专项经费96.40万元
// 调入…"), a purpose list, a policy rate ("统一压减10%"), a target, a score —
// is never bound to the subject: it is listed as unclaimed with its reason.
//
// Reading order, per block of prose: sentences (。！？), clauses (，；：、),
// scopes opened by cue words of schema/data/claim_cues.tsv (reason, purpose,
// components, enumeration) that decide which values may bind, then each
// value's role from the words before it in its clause, then its subject: a
// term heading its own clause; else the subject of the sentence's previous
// clause; else the block's subject (its list item, or a subject established
// by an earlier sentence outside any explanation); else the section title's.
// A value whose subject cannot be told is unclaimed ("subject not
// determined"), never guessed.
//
// Facts (schema/narrative.h) and the claim checks (check/) are built from
// claims; every printed percentage and every printed change amount ends in a
// claim or in `unclaimed` with its reason (coverage accounting).
// Pure; thread-safe. Tested by tests/schema/claims_test.cc.
#ifndef BUDGETDOC_SCHEMA_CLAIMS_H_
#define BUDGETDOC_SCHEMA_CLAIMS_H_

#include "base/decimal.h"
#include "base/shared_text.h"
#include "normalize/normalize.h"
#include "schema/metrics.h"
#include "schema/report_meta.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// The role of one printed value in its claim.
enum class ValueRole {
  kAmount,      // the subject's amount (period and basis below)
  kChange,      // a change amount with its direction word
  kRate,        // a rate of change with its direction word
  kShare,       // a share of a total (base below)
  kCompletion,  // a completion rate against a budget (basis below)
  kCount,       // a count (vehicles, visits, units)
};
std::string_view ValueRoleName(ValueRole r);  // "amount", "change", ...

struct ClaimValue {
  int mention = -1;  // index into NormalizedDocument::mentions
  ValueRole role = ValueRole::kAmount;
  Decimal value;    // normalized: 万元 for money, percent, count
  Decimal printed;  // as printed; printed.scale() is its own precision
  std::string unit;
  // actual (决算) | budget (预算, unspecified) | budget_initial (年初预算) |
  // budget_adjusted (调整预算/全年预算) | execution (预算执行数)
  std::string basis;
  int year = 0;           // period the value belongs to; 0 = unknown
  std::string direction;  // 增加/减少/增长/下降/持平/增加（减少） or ""
  int comparison_year = 0;       // change, rate: the year compared with
  std::string comparison_basis;  // change, rate: basis of the compared year
  std::string base_label;        // share: the total named after 占, if any
  std::string base_metric;       // share: that total's metric, if known
  std::string count_metric;      // count: its metric
  bool bare = false;             // amount printed without a unit
  SharedText quote;  // its sentence, ≤ 120 characters (shared per sentence)
};

// What a claim is about. Exactly one of: a vocabulary metric (or a pair for
// "收、支总计"), a classification path/name, or nothing (not found).
struct ClaimSubject {
  std::vector<std::string> metrics;  // one, or two for "收、支总计"
  std::string label;       // as printed ("基本支出", "行政运行")
  std::string class_path;  // "类/款/项" names when from a classification path
  bool found = false;
  bool operator==(const ClaimSubject& o) const {
    return metrics == o.metrics && label == o.label &&
           class_path == o.class_path && found == o.found;
  }
};

struct Claim {
  int block = -1;
  int section = -1;
  int begin = 0, end = 0;  // normalized span from the first to the last value
  ClaimSubject subject;
  std::vector<ClaimValue> values;
  // "决算数小于预算数": the comparator word stated for this claim's actual
  // against its budget, or "".
  std::string comparator;
  // "与2022年预算执行数持平": the claim states its figure unchanged against
  // flat_year (0 = the year before the report's) of flat_basis ("" = not
  // named), without printing a change.
  bool flat = false;
  int flat_year = 0;
  std::string flat_basis;
  // The claim whose breakdown this one is part of ("本年支出合计…，其中：基本
  // 支出…"), or -1. Shares without a named base are shares of the owner.
  int owner = -1;
};

// A printed value that is not a claim of any subject, with the reason.
struct Unclaimed {
  int mention = -1;
  // reason | purpose | component | policy_rate | target | threshold |
  // score | not_fiscal | no_role | subject_unknown | template
  std::string reason;
  std::string detail;  // the cue or words that decided it
};

struct ClaimSet {
  std::vector<Claim> claims;
  std::vector<Unclaimed> unclaimed;
};

ClaimSet ReadClaims(const NormalizedDocument& nd, const ReportMeta& meta,
                    const MetricCatalog& metrics);

// Canonical dump, one claim per line with its values, then the unclaimed
// values: "claim b12 基本支出 [expenditure.basic] amount 1197.55 actual
// 2023 | share 63.39 of owner".
std::string ClaimsDebugString(const ClaimSet& claims,
                              const NormalizedDocument& nd);

// The cue table (schema/data/claim_cues.tsv): words that open a scope or
// give a value its role.
struct ClaimCue {
  std::string kind;     // scope | rate_role | amount_role | not_claim
  std::string cue;      // the words as printed (normalized)
  std::string value;    // reason | purpose | components | …
  std::string extent;   // scope: sentence | clause
  std::string example;  // a sentence we wrote showing the cue
  std::string expect;   // what the example must give (see the data file)
};
const std::vector<ClaimCue>& ClaimCues();

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_CLAIMS_H_
