// RegionCatalog: China's administrative divisions (GB/T 2260-style 6-digit
// codes: provinces, prefecture-level cities, county-level units) and
// matching of the region a government body's name starts with:
//   巴中市巴州区人民政府办公室          → 511902 四川省/巴中市/巴州区 (county)
//   上海市普陀区人民政府万里街道办事处  → 310107 上海市/普陀区, street 万里街道
//   江苏省人民检察院                    → 320000 江苏省 (province)
//
// Data: schema/data/regions_{provinces,cities,counties}.csv (embedded; from
// the National Bureau of Statistics 2023 division codes, with the 开发区/
// 新区-style pseudo-counties removed — see schema/data/README.md). Township
// and street lists are not included: a street or town after the county is
// reported as printed (RegionMatch::street) without checking it.
//
// Matching reads the name from the left: an optional party/organ prefix
// (中共, 中国共产党), then a province, a city within it, a county within the
// innermost match. A missing province is tolerated (巴中市巴州区… finds 四川),
// as are a missing city (江苏省江阴市…) and a short province name directly
// followed by one of its cities or counties (四川巴中市…). A county name alone
// (巴州区…) matches only when no other county in the country has that name;
// when a name fits several regions equally (普陀区 is in 上海 and 舟山) there
// is no match and the candidates are reported instead of a guess.
// 直辖市 (北京/天津/上海/重庆) have no city level: their districts are
// "上海市/普陀区". The province/city pseudo-rows 市辖区, 县 and
// 省直辖县级行政区划 are never matched by name and never shown in paths.
//
// Immutable once built; Default() is built on first use and shared
// (thread-safe). Movable, not copyable. Tested by tests/schema/regions_test.cc.
#ifndef BUDGETDOC_SCHEMA_REGIONS_H_
#define BUDGETDOC_SCHEMA_REGIONS_H_

#include "base/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

enum class RegionLevel { kProvince, kCity, kCounty };
std::string_view RegionLevelName(RegionLevel l);  // province|city|county

struct Region {
  std::string code;  // 6 digits
  std::string name;  // "巴州区"
  RegionLevel level = RegionLevel::kProvince;
  std::string parent_code;  // "" for a province; may be a pseudo-city
  bool pseudo = false;  // 市辖区 / 县 / 省直辖县级行政区划 rows
};

struct RegionMatch {
  std::string code;       // "511902"
  std::string name_path;  // "四川省/巴中市/巴州区"
  RegionLevel level = RegionLevel::kProvince;
  // The part of the entity name that named the region ("巴中市巴州区"),
  // spaces removed; for an ambiguity candidate, the region's own name.
  std::string matched_text;
  // A street or town named right after the county ("万里街道", "城关镇"),
  // as printed; not checked against any list. Empty when none.
  std::string street;
};

class RegionCatalog {
 public:
  // The catalog of the embedded data. Aborts on corrupt embedded data.
  static const RegionCatalog& Default();

  static Result<RegionCatalog> Build(std::string_view provinces_csv,
                                     std::string_view cities_csv,
                                     std::string_view counties_csv);

  RegionCatalog(RegionCatalog&&) = default;
  RegionCatalog& operator=(RegionCatalog&&) = default;
  RegionCatalog(const RegionCatalog&) = delete;
  RegionCatalog& operator=(const RegionCatalog&) = delete;

  const Region* Find(std::string_view code) const;

  // "四川省/巴中市/巴州区" for 511902; pseudo-cities are skipped.
  std::string NamePath(std::string_view code) const;

  // The region `entity_name` starts with (see the file comment), or nullopt.
  // When the name is ambiguous, `candidates` (if given) receives every
  // region it could mean; otherwise it is left empty.
  std::optional<RegionMatch> MatchRegion(
      std::string_view entity_name,
      std::vector<RegionMatch>* candidates = nullptr) const;

  // Like MatchRegion, but only a region named at the very start of `text`
  // (after an optional 中共/中国共产党) counts, and ambiguity is simply no
  // match. For scanning running text at a candidate position.
  std::optional<RegionMatch> MatchRegionAtStart(std::string_view text) const;

  size_t size() const { return regions_.size(); }

 private:
  RegionCatalog() = default;

  // Regions whose name (or, when `short_form`, short name) is a prefix of
  // `text` and whose ancestor is `within` ("" = anywhere), at `level`.
  // Only the longest matching names are kept.
  std::vector<const Region*> PrefixMatches(std::string_view text,
                                           RegionLevel level,
                                           std::string_view within,
                                           bool short_form) const;
  bool IsWithin(const Region& r, std::string_view ancestor) const;
  RegionMatch MakeMatch(const Region& r, std::string_view matched) const;
  // Province → city → county at the start of `s`; returns bytes consumed
  // (0 = none) and the innermost region, or fills `ambiguous`.
  size_t MatchAt(std::string_view s, bool allow_bare_county,
                 std::vector<const Region*>* ambiguous,
                 const Region** innermost) const;

  std::vector<Region> regions_;  // sorted by code
  // Full name → indexes; short name (suffix removed) → indexes.
  std::multimap<std::string, size_t> by_name_;
  std::multimap<std::string, size_t> by_short_name_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_REGIONS_H_
