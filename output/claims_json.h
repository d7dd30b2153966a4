// JSON for the claims the prose makes (schema/claims.h): one object per claim
// with its subject, the role of every printed value (value, prior, budget,
// change, rate, share, completion), the reason and component amounts of its
// explanation, its direction word and comparison; then one object per value
// that is not a checkable claim (a policy rate, a target, a score) with
// status "not_checkable" and the reason. The shape is the one
// scripts/eval scores (docs/ground_truth.md, "Scoring claims").
// Deterministic. Tested by tests/output/claims_json_test.cc.
#ifndef BUDGETDOC_OUTPUT_CLAIMS_JSON_H_
#define BUDGETDOC_OUTPUT_CLAIMS_JSON_H_

#include "base/json.h"
#include "normalize/normalize.h"
#include "schema/extraction.h"

#include <functional>

namespace budgetdoc {

// The role a claim value plays for a reader of the sentence: "value" (the
// subject's figure for the report's year), "prior" (an earlier year's),
// "budget" (a final account's budget figure for its year), "change",
// "rate", "share", "completion". A count is its subject's "value".
std::string_view ReaderRoleOf(const ClaimValue& v, const ReportMeta& meta);

Json ClaimsToJson(const NormalizedDocument& nd, const Extraction& ex);

// The same objects in the same order, one at a time, so that a writer can
// stream them without holding the whole array.
void ForEachClaimJson(const NormalizedDocument& nd, const Extraction& ex,
                      const std::function<void(Json)>& emit);

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_CLAIMS_JSON_H_
