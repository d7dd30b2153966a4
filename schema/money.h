// Printed money in the unit the schema keeps (万元), exactly.
// Pure. Tested by tests/schema/narrative_test.cc.
#ifndef BUDGETDOC_SCHEMA_MONEY_H_
#define BUDGETDOC_SCHEMA_MONEY_H_

#include "base/decimal.h"

#include <string_view>

namespace budgetdoc {

// Converts a printed amount to 万元 exactly ("元" ÷ 10^4, "亿元" × 10^4).
// Returns the value unchanged for other units.
Decimal ToWanYuan(const Decimal& printed, std::string_view unit);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_MONEY_H_
