#include "schema/money.h"

namespace budgetdoc {

Decimal ToWanYuan(const Decimal& printed, std::string_view unit) {
  if (unit == "元") return printed.ShiftPow10(-4).value_or(printed);
  if (unit == "亿元") return printed.ShiftPow10(4).value_or(printed);
  return printed;
}

}  // namespace budgetdoc
