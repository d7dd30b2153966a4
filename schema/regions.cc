#include "schema/regions.h"

#include "base/utf8.h"
#include "schema/embedded_data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace budgetdoc {
namespace {

// Names that stand for "no city level" rows, never matched by name.
constexpr std::string_view kPseudoNames[] = {
    "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"};

// Suffixes removed to form short names, longest first.
constexpr std::string_view kShortSuffixes[] = {
    "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区",
    "地区",         "省",         "市",         "盟"};

// Prefixes of party/organ names before the region ("中共巴中市委…").
constexpr std::string_view kOrganPrefixes[] = {"中国共产党", "中共"};

// Words after a street or town name that confirm it is one.
constexpr std::string_view kTownFollowers[] = {
    "人民政府", "政府", "党委", "党工委", "机关", "办事处", "财政"};

// Longest region name we look for, in code points.
constexpr size_t kMaxNameChars = 20;

bool IsSpace(char32_t c) {
  return c <= 0x20 || c == 0x3000 || c == 0xA0 || c == 0x200B || c == 0xFEFF;
}

std::string RemoveSpaces(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = DecodeUtf8(s, &pos);
    if (!IsSpace(c)) AppendUtf8(c, &out);
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string ShortName(std::string_view name) {
  for (std::string_view suffix : kShortSuffixes) {
    if (name.size() > suffix.size() &&
        name.substr(name.size() - suffix.size()) == suffix) {
      std::string_view stem = name.substr(0, name.size() - suffix.size());
      if (CountCodePoints(stem) >= 2) return std::string(stem);
      return "";
    }
  }
  return "";
}

bool IsDigits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Byte offsets of the first `max_chars` code point boundaries after 0.
std::vector<size_t> Boundaries(std::string_view s, size_t max_chars) {
  std::vector<size_t> out;
  size_t pos = 0;
  while (pos < s.size() && out.size() < max_chars) {
    DecodeUtf8(s, &pos);
    out.push_back(pos);
  }
  return out;
}

// A street or town named at the start of `rest` ("万里街道办事处" →
// "万里街道"), or "".
std::string FindStreet(std::string_view rest) {
  for (std::string_view skip : {"人民政府", "政府"}) {
    if (StartsWith(rest, skip)) {
      rest.remove_prefix(skip.size());
      break;
    }
  }
  std::vector<size_t> ends = Boundaries(rest, 10);
  for (size_t i = 0; i < ends.size(); ++i) {
    std::string_view head = rest.substr(0, ends[i]);
    size_t chars = i + 1;
    if (chars >= 4 && head.size() >= 6 &&
        head.substr(head.size() - 6) == "街道") {
      return std::string(head);
    }
    if (chars >= 3 && head.size() >= 3) {
      std::string_view last = head.substr(head.size() - 3);
      if (last != "镇" && last != "乡") continue;
      std::string_view after = rest.substr(ends[i]);
      for (std::string_view f : kTownFollowers) {
        if (StartsWith(after, f)) return std::string(head);
      }
    }
  }
  return "";
}

std::string_view StripOrganPrefix(std::string_view s) {
  for (std::string_view prefix : kOrganPrefixes) {
    if (StartsWith(s, prefix)) return s.substr(prefix.size());
  }
  return s;
}

}  // namespace

std::string_view RegionLevelName(RegionLevel l) {
  switch (l) {
    case RegionLevel::kProvince:
      return "province";
    case RegionLevel::kCity:
      return "city";
    case RegionLevel::kCounty:
      return "county";
  }
  return "";
}

const RegionCatalog& RegionCatalog::Default() {
  static const RegionCatalog* catalog = [] {
    Result<RegionCatalog> c = Build(EmbeddedData("regions_provinces.csv"),
                                    EmbeddedData("regions_cities.csv"),
                                    EmbeddedData("regions_counties.csv"));
    if (!c.ok()) {
      std::fprintf(stderr, "budgetdoc: region catalog: %s\n",
                   c.status().ToString().c_str());
      std::abort();
    }
    return new RegionCatalog(std::move(c).value());
  }();
  return *catalog;
}

Result<RegionCatalog> RegionCatalog::Build(std::string_view provinces_csv,
                                           std::string_view cities_csv,
                                           std::string_view counties_csv) {
  RegionCatalog catalog;
  struct Source {
    const char* file;
    std::string_view csv;
    RegionLevel level;
  } sources[] = {
      {"regions_provinces.csv", provinces_csv, RegionLevel::kProvince},
      {"regions_cities.csv", cities_csv, RegionLevel::kCity},
      {"regions_counties.csv", counties_csv, RegionLevel::kCounty},
  };
  std::map<std::string, size_t> index;  // code → position in regions_
  for (const Source& source : sources) {
    BUDGETDOC_ASSIGN_OR_RETURN(DataTable table,
                               ParseDataTable(source.file, source.csv, ','));
    int code_col = table.Column("code"), name_col = table.Column("name");
    if (code_col < 0 || name_col < 0) {
      return Status::Corrupt(std::string(source.file) +
                             ": needs columns code,name");
    }
    for (size_t r = 0; r < table.rows.size(); ++r) {
      Region region;
      region.code = table.rows[r][static_cast<size_t>(code_col)];
      region.name = table.rows[r][static_cast<size_t>(name_col)];
      region.level = source.level;
      std::string where =
          std::string(source.file) + ": line " + std::to_string(table.lines[r]);
      if (!IsDigits(region.code, 6) || region.name.empty()) {
        return Status::Corrupt(where + ": bad row '" + region.code + "'");
      }
      bool city_shape = region.code.substr(4) == "00";
      bool province_shape = region.code.substr(2) == "0000";
      if ((source.level == RegionLevel::kProvince && !province_shape) ||
          (source.level == RegionLevel::kCity &&
           (province_shape || !city_shape))) {
        return Status::Corrupt(where + ": code " + region.code +
                               " does not fit the level");
      }
      // A county row that repeats a city without counties (东莞市 441900).
      if (source.level == RegionLevel::kCounty && index.count(region.code)) {
        continue;
      }
      if (index.count(region.code)) {
        return Status::Corrupt(where + ": duplicate code " + region.code);
      }
      std::string province = region.code.substr(0, 2) + "0000";
      std::string city = region.code.substr(0, 4) + "00";
      if (source.level == RegionLevel::kCity) {
        region.parent_code = province;
      } else if (source.level == RegionLevel::kCounty) {
        region.parent_code = index.count(city) ? city : province;
      }
      if (!region.parent_code.empty() && !index.count(region.parent_code)) {
        return Status::Corrupt(where + ": no parent for " + region.code);
      }
      for (std::string_view pseudo : kPseudoNames) {
        if (region.name == pseudo) region.pseudo = true;
      }
      index[region.code] = catalog.regions_.size();
      catalog.regions_.push_back(std::move(region));
    }
  }
  std::sort(catalog.regions_.begin(), catalog.regions_.end(),
            [](const Region& a, const Region& b) { return a.code < b.code; });
  for (size_t i = 0; i < catalog.regions_.size(); ++i) {
    const Region& r = catalog.regions_[i];
    if (r.pseudo) continue;
    catalog.by_name_.emplace(r.name, i);
    if (r.level != RegionLevel::kCounty) {
      std::string short_name = ShortName(r.name);
      if (!short_name.empty()) catalog.by_short_name_.emplace(short_name, i);
    }
  }
  return catalog;
}

const Region* RegionCatalog::Find(std::string_view code) const {
  auto it = std::lower_bound(
      regions_.begin(), regions_.end(), code,
      [](const Region& r, std::string_view c) { return r.code < c; });
  if (it == regions_.end() || it->code != code) return nullptr;
  return &*it;
}

std::string RegionCatalog::NamePath(std::string_view code) const {
  std::vector<const Region*> chain;
  for (const Region* r = Find(code); r != nullptr;
       r = r->parent_code.empty() ? nullptr : Find(r->parent_code)) {
    if (!r->pseudo) chain.insert(chain.begin(), r);
  }
  std::string path;
  for (const Region* r : chain) {
    if (!path.empty()) path += "/";
    path += r->name;
  }
  return path;
}

bool RegionCatalog::IsWithin(const Region& r, std::string_view ancestor) const {
  if (ancestor.empty()) return true;
  for (const Region* p = Find(r.parent_code); p != nullptr;
       p = p->parent_code.empty() ? nullptr : Find(p->parent_code)) {
    if (p->code == ancestor) return true;
  }
  return false;
}

std::vector<const Region*> RegionCatalog::PrefixMatches(std::string_view text,
                                                        RegionLevel level,
                                                        std::string_view within,
                                                        bool short_form) const {
  const std::multimap<std::string, size_t>& names =
      short_form ? by_short_name_ : by_name_;
  std::vector<size_t> ends = Boundaries(text, kMaxNameChars);
  for (size_t i = ends.size(); i-- > 0;) {
    std::vector<const Region*> found;
    auto range = names.equal_range(std::string(text.substr(0, ends[i])));
    for (auto it = range.first; it != range.second; ++it) {
      const Region& r = regions_[it->second];
      if (r.level == level && IsWithin(r, within)) found.push_back(&r);
    }
    if (!found.empty()) return found;
  }
  return {};
}

RegionMatch RegionCatalog::MakeMatch(const Region& r,
                                     std::string_view matched) const {
  RegionMatch m;
  m.code = r.code;
  m.name_path = NamePath(r.code);
  m.level = r.level;
  m.matched_text = std::string(matched);
  return m;
}

size_t RegionCatalog::MatchAt(std::string_view s, bool allow_bare_county,
                              std::vector<const Region*>* ambiguous,
                              const Region** innermost) const {
  *innermost = nullptr;
  size_t used = 0;
  std::string within;
  // Province, by full name, or by short name when a city or county of it
  // follows at once.
  std::vector<const Region*> found =
      PrefixMatches(s, RegionLevel::kProvince, "", false);
  if (found.size() == 1) {
    *innermost = found[0];
    used = found[0]->name.size();
  } else {
    for (const Region* p : PrefixMatches(s, RegionLevel::kProvince, "", true)) {
      std::string_view after = s.substr(ShortName(p->name).size());
      if (!PrefixMatches(after, RegionLevel::kCity, p->code, false).empty() ||
          !PrefixMatches(after, RegionLevel::kCounty, p->code, false).empty()) {
        *innermost = p;
        used = ShortName(p->name).size();
        break;
      }
    }
  }
  if (*innermost != nullptr) within = (*innermost)->code;
  // City.
  found = PrefixMatches(s.substr(used), RegionLevel::kCity, within, false);
  if (found.size() > 1) {
    *ambiguous = found;
    return 0;
  }
  if (found.size() == 1) {
    *innermost = found[0];
    used += found[0]->name.size();
    within = found[0]->code;
  } else {
    for (const Region* c :
         PrefixMatches(s.substr(used), RegionLevel::kCity, within, true)) {
      size_t stem = ShortName(c->name).size();
      std::string_view after = s.substr(used + stem);
      if (!PrefixMatches(after, RegionLevel::kCounty, c->code, false).empty()) {
        *innermost = c;
        used += stem;
        within = c->code;
        break;
      }
    }
  }
  // County, only inside a match unless a bare county name is allowed.
  if (*innermost == nullptr && !allow_bare_county) return 0;
  found = PrefixMatches(s.substr(used), RegionLevel::kCounty, within, false);
  if (found.size() > 1) {
    *ambiguous = found;
    return 0;
  }
  if (found.size() == 1) {
    *innermost = found[0];
    used += found[0]->name.size();
  }
  return *innermost == nullptr ? 0 : used;
}

std::optional<RegionMatch> RegionCatalog::MatchRegion(
    std::string_view entity_name, std::vector<RegionMatch>* candidates) const {
  if (candidates != nullptr) candidates->clear();
  std::string text = RemoveSpaces(entity_name);
  std::string_view view = StripOrganPrefix(text);

  std::vector<const Region*> ambiguous;
  const Region* innermost = nullptr;
  size_t start = 0;
  size_t used =
      MatchAt(view, /*allow_bare_county=*/true, &ambiguous, &innermost);
  // Not at the start: look for a province or city further in
  // ("国家税务总局上海市普陀区税务局"); bare county names are too short and
  // too common inside other words to trust there.
  if (used == 0 && ambiguous.empty()) {
    std::vector<size_t> ends = Boundaries(view, view.size());
    for (size_t b : ends) {
      if (b >= view.size()) break;
      used = MatchAt(view.substr(b), /*allow_bare_county=*/false, &ambiguous,
                     &innermost);
      if (used > 0 || !ambiguous.empty()) {
        start = b;
        break;
      }
    }
  }
  if (!ambiguous.empty()) {
    if (candidates != nullptr) {
      for (const Region* r : ambiguous) {
        candidates->push_back(MakeMatch(*r, r->name));
      }
    }
    return std::nullopt;
  }
  if (used == 0 || innermost == nullptr) return std::nullopt;
  RegionMatch m = MakeMatch(*innermost, view.substr(start, used));
  if (innermost->level == RegionLevel::kCounty) {
    m.street = FindStreet(view.substr(start + used));
  }
  return m;
}

std::optional<RegionMatch> RegionCatalog::MatchRegionAtStart(
    std::string_view text) const {
  std::string stripped = RemoveSpaces(text);
  std::string_view view = StripOrganPrefix(stripped);
  std::vector<const Region*> ambiguous;
  const Region* innermost = nullptr;
  size_t used =
      MatchAt(view, /*allow_bare_county=*/true, &ambiguous, &innermost);
  if (used == 0 || innermost == nullptr || !ambiguous.empty()) {
    return std::nullopt;
  }
  RegionMatch m = MakeMatch(*innermost, view.substr(0, used));
  if (innermost->level == RegionLevel::kCounty) {
    m.street = FindStreet(view.substr(used));
  }
  return m;
}

}  // namespace budgetdoc
