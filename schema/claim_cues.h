// Cue matching for claims (internal to schema/; the public API is
// schema/claims.h): the cue words of schema/data/claim_cues.tsv grouped by
// what they do (scope cues that open a reason, purpose, components or
// policy scope; rate-role and not-a-claim cues), the scope a cue opens and
// the reason a value in it is unclaimed, comparisons (与/比/较上年, the
// basis word) and the openers of comparisons and enumerations.
// The cue table is built on first use and never changed: thread-safe.
// Tested through tests/schema/claims_test.cc.
#ifndef BUDGETDOC_SCHEMA_CLAIM_CUES_H_
#define BUDGETDOC_SCHEMA_CLAIM_CUES_H_

#include "schema/claim_text.h"
#include "schema/claims.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace claims_internal {

// ---- The cue table ----

struct Cues {
  struct Scope {
    std::string cue, value;
    bool sentence = true;  // extent: to the sentence end (else the clause)
  };
  struct Role {
    std::string cue, kind, value;  // kind: rate_role | not_claim
    bool after = false;            // not_claim: the cue follows the value
  };
  std::vector<Scope> scopes;
  std::vector<Role> roles;
};

const Cues& TheCues();

// A scope of a sentence: values in [begin, end) bind by its rules.
enum class ScopeKind { kMain, kReason, kPurpose, kComponents, kPolicy };

struct ScopeSpan {
  ScopeKind kind = ScopeKind::kMain;
  int begin = 0, end = 0;
  std::string cue;
};

ScopeKind ScopeOf(std::string_view value);

std::string_view UnclaimedReasonOf(ScopeKind k);

// Words that open a comparison clause ("与上年相比", "比2024年预算执行数").
bool OpensComparison(std::string_view clause);

// Sentences continuing an enumeration of reasons ("二是…", "其次…").
bool ContinuesEnumeration(std::string_view sentence);

// The comparison stated before a change or rate: the year and the basis of
// the compared figure ("比2024年预算执行数增加" → 2024, execution).
struct Comparison {
  int year = 0;
  std::string basis;
};

std::string BasisWord(std::string_view s);

Comparison ComparisonIn(std::string_view before, int fiscal_year);

}  // namespace claims_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_CLAIM_CUES_H_
