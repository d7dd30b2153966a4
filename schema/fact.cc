#include "schema/fact.h"

namespace budgetdoc {

std::string_view MeasureName(Measure m) {
  switch (m) {
    case Measure::kAmount:
      return "amount";
    case Measure::kShare:
      return "share";
    case Measure::kChange:
      return "change";
    case Measure::kRate:
      return "rate";
    case Measure::kCompletion:
      return "completion";
    case Measure::kCount:
      return "count";
  }
  return "amount";
}

std::string_view OriginName(Origin o) {
  switch (o) {
    case Origin::kNarrative:
      return "narrative";
    case Origin::kTable:
      return "table";
    case Origin::kChart:
      return "chart";
  }
  return "narrative";
}

}  // namespace budgetdoc
