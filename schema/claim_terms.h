// Subject terms for claims (internal to schema/; the public API is
// schema/claims.h): the classification context a section gives (功能分类,
// 经济分类 or none), subjects made from a metric or a 类/款/项 path, item codes
// and class markers printed with a label, and a value's quote.
// Pure functions; thread-safe. Tested through tests/schema/claims_test.cc.
#ifndef BUDGETDOC_SCHEMA_CLAIM_TERMS_H_
#define BUDGETDOC_SCHEMA_CLAIM_TERMS_H_

#include "normalize/normalize.h"
#include "schema/claim_text.h"
#include "schema/claims.h"
#include "schema/class_path.h"
#include "schema/metrics.h"

#include <string>
#include <string_view>

namespace budgetdoc {
namespace claims_internal {

enum class Context { kNone, kFunc, kEcon };

Context SectionContext(const NormalizedDocument& nd, int section);

// The metric of a classification item named in a section of this context.
std::string ClassMetric(Context ctx);

ClaimSubject FromMetric(const Metric* m, std::string_view label);

ClaimSubject FromClassPath(const ClassPath& path, Context ctx);

// "（99项）", "(30101)", "【2010301】": a bracketed code with nothing else.
bool ItemCodeOnly(std::string_view s);

bool HasClassMarker(std::string_view s);

std::string Quote(std::string_view t, const Span& sentence);

}  // namespace claims_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_CLAIM_TERMS_H_
