// A small JSON Schema validator for tests: type (incl. type arrays), enum,
// required, properties, additionalProperties (false or a schema), items,
// minimum, pattern (anchored ^…$ subset: literal, [0-9], ?, {m,n}, +, groups
// not supported — patterns are checked with a tiny matcher for the digit
// forms our schema uses) and $ref to "#/$defs/name". Returns the first
// violations with their JSON paths.
#ifndef BUDGETDOC_TESTS_TESTING_JSON_SCHEMA_H_
#define BUDGETDOC_TESTS_TESTING_JSON_SCHEMA_H_

#include "base/json.h"

#include <string>
#include <vector>

namespace budgetdoc::testing {

std::vector<std::string> ValidateJson(const Json& value, const Json& schema);

}  // namespace budgetdoc::testing

#endif  // BUDGETDOC_TESTS_TESTING_JSON_SCHEMA_H_
