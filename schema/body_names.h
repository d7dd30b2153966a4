// Body names: the name of the body that publishes a report, folded so that
// the forms one body is printed under compare equal — the full and short
// party and government names (中国共产党江苏省委员会办公厅 / 中共江苏省委办公厅
// / 江苏省委办公厅; 中国人民政治协商会议…委员会 / …政协; 人民政府办公室 /
// 政府办), and a department's own unit (…本级, …（本级）). The folds are data
// (schema/data/body_names.tsv). Used to pair the halves of one report, to
// link a department with its units and one body's reports across years.
// Pure; thread-safe. Tested by tests/schema/body_names_test.cc.
#ifndef BUDGETDOC_SCHEMA_BODY_NAMES_H_
#define BUDGETDOC_SCHEMA_BODY_NAMES_H_

#include "schema/regions.h"

#include <string>
#include <string_view>

namespace budgetdoc {

struct BodyName {
  std::string region_code;  // the region the name starts with; "" = none
  std::string org;          // organ family: 中共 | 政协 | "" (government)
  std::string rest;         // the name after region and organ, folded
  bool own_unit = false;    // printed with a 本级 suffix (a unit's name)

  // "320000|中共|委办公厅"; "" for an empty name.
  std::string Key() const;
};

// Folds a printed name (spaces ignored). Uses RegionCatalog::Default().
BodyName FoldBodyName(std::string_view name);
BodyName FoldBodyName(std::string_view name, const RegionCatalog& regions);

// One body: the same folded name, where a region missing on one side and
// 中共 missing on one side (江苏省纪委 / 中共江苏省纪委) do not count.
// Empty names are never the same body.
bool SameBody(const BodyName& a, const BodyName& b);

// Whether `unit` names a unit of department `dept`: the department's own
// unit (the same body, with or without 本级), or a body whose name continues
// the department's (江苏省财政厅 → 江苏省财政厅信息中心).
bool UnitOfDepartment(const BodyName& unit, const BodyName& dept);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_BODY_NAMES_H_
