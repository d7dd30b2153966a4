// The title and the publishing body of a report (internal to schema/; the
// public API is schema/metadata.h): the title among the head lines (before
// the table of contents), with its year, kind, scope and body; a body
// introduced by a label ("部门：…"); an organization name the text repeats.
// Pure functions; thread-safe. Tested through tests/schema/metadata_test.cc.
#ifndef BUDGETDOC_SCHEMA_METADATA_TITLE_H_
#define BUDGETDOC_SCHEMA_METADATA_TITLE_H_

#include "schema/metadata_lines.h"
#include "schema/regions.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace metadata_internal {

// ---- Title ----

struct Title {
  bool found = false;
  std::string text;  // the joined title lines
  size_t first_line = 0;
  std::string entity;  // may be ""
  size_t entity_line = 0, entity_begin = 0, entity_end = 0;
  int year = 0;  // 0: none or placeholder
  bool year_placeholder = false;
  size_t year_line = 0, year_begin = 0, year_end = 0;
  std::string kind, scope;
  size_t kind_line = 0, kind_begin = 0, kind_end = 0;
};

bool IsPageNumber(std::string_view s);

// Lines before the table of contents or the first numbered heading.
std::vector<size_t> HeadLines(const std::vector<Line>& lines);

// Removes trailing scope and level words from the text between the year
// and the kind ("区级部门" → "").
std::string_view StripScopeAndLevel(std::string_view s, std::string* scope);

// Drops words that join the body to the year in titles ("…局关于2023年度").
std::string_view StripTitleFiller(std::string_view s);

// True when `s` names only a region ("上海市普陀区").
bool IsOnlyRegion(std::string_view s, const RegionCatalog& regions);

Title FindTitle(const std::vector<Line>& lines, const RegionCatalog& regions);

// ---- Body from labels and from the text ----

struct EntityFound {
  std::string name;
  size_t line = 0, begin = 0, end = 0;
  std::string how;  // for the reason text
};

std::optional<EntityFound> FindLabelledEntity(const std::vector<Line>& lines,
                                              const RegionCatalog& regions);

// Organization names that start at a region name, counted over the text.
std::optional<EntityFound> FindFrequentEntity(const std::vector<Line>& lines,
                                              const RegionCatalog& regions);

}  // namespace metadata_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_METADATA_TITLE_H_
