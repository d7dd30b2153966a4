// Tested by tests/schema/body_names_test.cc.
#include "schema/body_names.h"

#include "schema/embedded_data.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <vector>

namespace budgetdoc {
namespace {

struct Fold {
  std::string kind, printed, canonical;
};

// The rows of body_names.tsv, each kind longest printed form first.
const std::vector<Fold>& Folds() {
  static const std::vector<Fold>* folds = [] {
    auto* out = new std::vector<Fold>;
    Result<DataTable> t = ReadDataTable("body_names.tsv", '\t');
    if (!t.ok()) {
      std::cerr << "budgetdoc: embedded body_names.tsv: "
                << t.status().message() << "\n";
      std::abort();
    }
    int kind = t->Column("kind"), printed = t->Column("printed"),
        canonical = t->Column("canonical");
    for (const auto& row : t->rows) {
      out->push_back({row[static_cast<size_t>(kind)],
                      row[static_cast<size_t>(printed)],
                      row[static_cast<size_t>(canonical)]});
    }
    std::stable_sort(out->begin(), out->end(),
                     [](const Fold& a, const Fold& b) {
                       return a.printed.size() > b.printed.size();
                     });
    return out;
  }();
  return *folds;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// The organ family `s` starts with, and its printed length.
bool TakeOrg(std::string_view s, std::string* org, size_t* length) {
  for (const Fold& f : Folds()) {
    if (f.kind == "org" && StartsWith(s, f.printed)) {
      *org = f.canonical;
      *length = f.printed.size();
      return true;
    }
  }
  return false;
}

}  // namespace

std::string BodyName::Key() const {
  if (rest.empty() && region_code.empty()) return "";
  return region_code + "|" + org + "|" + rest;
}

BodyName FoldBodyName(std::string_view name) {
  return FoldBodyName(name, RegionCatalog::Default());
}

BodyName FoldBodyName(std::string_view printed, const RegionCatalog& regions) {
  BodyName out;
  std::string name;
  for (char c : printed) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') name.push_back(c);
  }
  // Ideographic spaces.
  for (size_t p; (p = name.find("\u3000")) != std::string::npos;) {
    name.erase(p, 3);
  }
  for (const Fold& f : Folds()) {
    if (f.kind == "unit" && EndsWith(name, f.printed) &&
        name.size() > f.printed.size()) {
      name.resize(name.size() - f.printed.size());
      out.own_unit = true;
      break;
    }
  }
  std::string_view rest = name;
  size_t length = 0;
  if (TakeOrg(rest, &out.org, &length)) rest.remove_prefix(length);
  if (std::optional<RegionMatch> m = regions.MatchRegion(rest)) {
    size_t at = rest.find(m->matched_text);
    if (at != std::string_view::npos) {
      out.region_code = m->code;
      rest.remove_prefix(at + m->matched_text.size());
    }
  }
  if (out.org.empty() && TakeOrg(rest, &out.org, &length)) {
    rest.remove_prefix(length);
  }
  std::string folded(rest);
  // The region's committee: 江苏省委员会办公厅 is 江苏省委办公厅; a bare 委
  // after the region is the party committee, or the 政协 committee itself.
  if (StartsWith(folded, "委员会")) folded.replace(0, 9, "委");
  if (StartsWith(folded, "委")) {
    if (out.org == "政协") {
      folded.erase(0, 3);
    } else if (out.org.empty()) {
      out.org = "中共";
    }
  }
  for (const Fold& f : Folds()) {
    if (f.kind != "phrase") continue;
    for (size_t p = 0; (p = folded.find(f.printed, p)) != std::string::npos;) {
      folded.replace(p, f.printed.size(), f.canonical);
      p += f.canonical.size();
    }
  }
  out.rest = std::move(folded);
  return out;
}

namespace {

bool Compatible(const BodyName& a, const BodyName& b) {
  if (!a.region_code.empty() && !b.region_code.empty() &&
      a.region_code != b.region_code) {
    return false;
  }
  if (a.org != b.org && !(a.org.empty() && b.org == "中共") &&
      !(b.org.empty() && a.org == "中共")) {
    return false;
  }
  return true;
}

}  // namespace

bool SameBody(const BodyName& a, const BodyName& b) {
  if (a.rest.empty() || b.rest.empty()) return false;
  return Compatible(a, b) && a.rest == b.rest;
}

bool UnitOfDepartment(const BodyName& unit, const BodyName& dept) {
  if (unit.rest.empty() || dept.rest.empty() || !Compatible(unit, dept))
    return false;
  return StartsWith(unit.rest, dept.rest);
}

}  // namespace budgetdoc
