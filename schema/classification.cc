#include "schema/classification.h"

#include "base/utf8.h"
#include "schema/embedded_data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace budgetdoc {
namespace {

constexpr std::string_view kZhichu = "支出";

bool IsSpace(char32_t c) {
  return c <= 0x20 || c == 0x3000 || c == 0xA0 || c == 0x200B || c == 0xFEFF;
}

// Spaces and quotes dropped, full-width ASCII and brackets folded, dashes
// to '-'.
std::string Fold(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = DecodeUtf8(s, &pos);
    if (IsSpace(c)) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    switch (c) {
      case 0x3014:  // 〔
        c = '(';
        break;
      case 0x3015:  // 〕
        c = ')';
        break;
      case 0x2010:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2212:
        c = '-';
        break;
      default:
        break;
    }
    if (c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 ||
        c == 0x2019) {
      continue;
    }
    AppendUtf8(c, &out);
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Length of a level marker "(类)", "(201类)", "(05款)", "(项)" at s[i], or 0.
size_t MarkerLength(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] != '(') return 0;
  size_t j = i + 1;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
  for (std::string_view level : {"类", "款", "项"}) {
    if (s.substr(j, level.size()) == level &&
        s.substr(j + level.size(), 1) == ")") {
      return j + level.size() + 1 - i;
    }
  }
  return 0;
}

std::string RemoveMarkers(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t n = MarkerLength(s, i);
    if (n > 0) {
      i += n;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

// "2010301行政运行" → "行政运行"; "204-06-01行政运行" too. Needs at least
// three leading digits so that names starting with a digit stay intact.
std::string_view StripLeadingCode(std::string_view s) {
  size_t i = 0, digits = 0;
  while (i < s.size() &&
         ((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '.')) {
    if (s[i] >= '0' && s[i] <= '9') ++digits;
    ++i;
  }
  return digits >= 3 ? s.substr(i) : s;
}

std::string CanonOne(std::string_view folded) {
  std::string no_markers = RemoveMarkers(folded);
  return std::string(StripLeadingCode(no_markers));
}

// Canonical name without a trailing 支出 (the form names are indexed by).
std::string Core(std::string_view canonical) {
  if (EndsWith(canonical, kZhichu) && canonical.size() > kZhichu.size()) {
    canonical.remove_suffix(kZhichu.size());
  }
  return std::string(canonical);
}

// Splits a printed path into canonical parts: after each level marker and
// at '-' separators. A plain name gives one part.
std::vector<std::string> SplitPath(std::string_view printed) {
  std::string folded = Fold(printed);
  std::vector<std::string> parts;
  std::string current;
  auto flush = [&] {
    std::string part = CanonOne(current);
    if (!part.empty()) parts.push_back(part);
    current.clear();
  };
  for (size_t i = 0; i < folded.size();) {
    size_t n = MarkerLength(folded, i);
    if (n > 0) {
      i += n;
      flush();
    } else if (folded[i] == '-' && !current.empty() &&
               !(current.back() >= '0' && current.back() <= '9')) {
      ++i;
      flush();
    } else {
      current.push_back(folded[i++]);
    }
  }
  flush();
  return parts;
}

bool ParseYear(std::string_view s, int* year) {
  *year = 0;
  if (s.empty()) return true;
  if (s.size() != 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    *year = *year * 10 + (c - '0');
  }
  return true;
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '|') {
      if (i > start) out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// "医疗卫生与计划生育支出@2014-2018" → {name, 2014, 2018}.
bool ParseFormerName(std::string_view s, FormerName* out) {
  size_t at = s.rfind('@');
  if (at == std::string_view::npos) {
    out->name = std::string(s);
    return true;
  }
  out->name = std::string(s.substr(0, at));
  std::string_view range = s.substr(at + 1);
  size_t dash = range.find('-');
  if (dash == std::string_view::npos) return false;
  return ParseYear(range.substr(0, dash), &out->from_year) &&
         ParseYear(range.substr(dash + 1), &out->to_year) && !out->name.empty();
}

// A 99 项 implied by its 款: "其他" + name + "支出", or the 款 name itself
// when the 款 is already an "其他…" catch-all.
std::string OtherItemName(std::string_view kuan_name) {
  if (StartsWith(kuan_name, "其他")) return std::string(kuan_name);
  std::string core = Core(kuan_name);
  return "其他" + core + std::string(kZhichu);
}

struct ImpliedItem {
  std::string_view suffix;
  std::string_view name;  // empty: the 99 rule
};
constexpr ImpliedItem kAdminItems[] = {
    {"01", "行政运行"}, {"02", "一般行政管理事务"},
    {"03", "机关服务"}, {"50", "事业运行"},
    {"99", ""},
};

struct RowCols {
  int code, level, name, status, since, until, former, aliases, source;
  int items = -1, scheme = -1, block = -1;
};

Status Missing(std::string_view file, std::string_view column) {
  return Status::Corrupt(std::string(file) + ": no column '" +
                         std::string(column) + "'");
}

Status ParseRows(std::string_view file, std::string_view csv, bool econ,
                 std::vector<ClassItem>* items,
                 std::vector<std::string>* rules) {
  BUDGETDOC_ASSIGN_OR_RETURN(DataTable table, ParseDataTable(file, csv, ','));
  RowCols c{};
  struct {
    const char* name;
    int* index;
    bool required;
  } cols[] = {
      {"code", &c.code, true},           {"level", &c.level, true},
      {"name", &c.name, true},           {"status", &c.status, true},
      {"since", &c.since, true},         {"until", &c.until, true},
      {"former_names", &c.former, true}, {"aliases", &c.aliases, true},
      {"source", &c.source, true},       {"items", &c.items, !econ},
      {"scheme", &c.scheme, econ},       {"block", &c.block, econ},
  };
  for (auto& col : cols) {
    *col.index = table.Column(col.name);
    if (col.required && *col.index < 0) return Missing(file, col.name);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<std::string>& row = table.rows[r];
    std::string where =
        std::string(file) + ": line " + std::to_string(table.lines[r]);
    ClassItem item;
    item.code = row[static_cast<size_t>(c.code)];
    item.level = ClassificationCatalog::Level(item.code);
    if (item.level == ClassLevel::kUnknown ||
        NormalizeClassCode(item.code) != item.code) {
      return Status::Corrupt(where + ": bad code '" + item.code + "'");
    }
    if (row[static_cast<size_t>(c.level)] != ClassLevelName(item.level)) {
      return Status::Corrupt(where + ": level '" +
                             row[static_cast<size_t>(c.level)] +
                             "' does not fit code " + item.code);
    }
    std::optional<ClassScheme> scheme =
        ClassificationCatalog::SchemeOf(item.code);
    if (!scheme || (*scheme == ClassScheme::kFunc) == econ ||
        (econ && item.level == ClassLevel::kXiang)) {
      return Status::Corrupt(where + ": code " + item.code +
                             " does not belong in this file");
    }
    item.scheme = *scheme;
    if (econ) {
      std::string_view declared = row[static_cast<size_t>(c.scheme)];
      if ((declared == "dept") != (item.scheme == ClassScheme::kEconDept) ||
          (declared != "dept" && declared != "gov")) {
        return Status::Corrupt(where + ": scheme '" + std::string(declared) +
                               "' does not fit code " + item.code);
      }
      item.block = row[static_cast<size_t>(c.block)];
    }
    item.name = row[static_cast<size_t>(c.name)];
    if (item.name.empty()) return Status::Corrupt(where + ": empty name");
    item.parent_code = ClassificationCatalog::ParentCode(item.code);
    const std::string& status = row[static_cast<size_t>(c.status)];
    if (status == "S") {
      item.status = ClassStatus::kSeen;
    } else if (status == "K") {
      item.status = ClassStatus::kKnown;
    } else {
      return Status::Corrupt(where + ": status '" + status + "' is not S/K");
    }
    if (!ParseYear(row[static_cast<size_t>(c.since)], &item.since_year) ||
        !ParseYear(row[static_cast<size_t>(c.until)], &item.until_year)) {
      return Status::Corrupt(where + ": bad year");
    }
    for (const std::string& f : SplitBar(row[static_cast<size_t>(c.former)])) {
      FormerName former;
      if (!ParseFormerName(f, &former)) {
        return Status::Corrupt(where + ": bad former name '" + f + "'");
      }
      item.former_names.push_back(former);
    }
    item.aliases = SplitBar(row[static_cast<size_t>(c.aliases)]);
    item.source = row[static_cast<size_t>(c.source)];
    std::string rule = c.items >= 0 ? row[static_cast<size_t>(c.items)] : "";
    if (!rule.empty() && (item.level != ClassLevel::kKuan ||
                          (rule != "admin" && rule != "other"))) {
      return Status::Corrupt(where + ": items '" + rule +
                             "' needs a 款 and admin|other");
    }
    items->push_back(std::move(item));
    rules->push_back(std::move(rule));
  }
  return Status::Ok();
}

int Rank(NameMatch m) {
  switch (m) {
    case NameMatch::kMatch:
      return 0;
    case NameMatch::kFormerName:
      return 1;
    case NameMatch::kUnknown:
      return 2;
    case NameMatch::kOtherClassName:
      return 3;
  }
  return 2;
}

}  // namespace

std::string_view ClassSchemeName(ClassScheme s) {
  switch (s) {
    case ClassScheme::kFunc:
      return "func";
    case ClassScheme::kEconDept:
      return "econ_dept";
    case ClassScheme::kEconGov:
      return "econ_gov";
  }
  return "";
}

std::string_view ClassLevelName(ClassLevel l) {
  switch (l) {
    case ClassLevel::kLei:
      return "类";
    case ClassLevel::kKuan:
      return "款";
    case ClassLevel::kXiang:
      return "项";
    case ClassLevel::kUnknown:
      break;
  }
  return "";
}

std::string_view ClassStatusName(ClassStatus s) {
  switch (s) {
    case ClassStatus::kSeen:
      return "S";
    case ClassStatus::kKnown:
      return "K";
    case ClassStatus::kRule:
      return "R";
  }
  return "";
}

std::string_view NameMatchName(NameMatch m) {
  switch (m) {
    case NameMatch::kMatch:
      return "match";
    case NameMatch::kFormerName:
      return "former_name";
    case NameMatch::kOtherClassName:
      return "other_class_name";
    case NameMatch::kUnknown:
      return "unknown";
  }
  return "";
}

std::string CanonicalClassName(std::string_view printed) {
  return CanonOne(Fold(printed));
}

std::string NormalizeClassCode(std::string_view printed) {
  std::string digits;
  size_t pos = 0;
  while (pos < printed.size()) {
    char32_t c = DecodeUtf8(printed, &pos);
    if (c >= 0xFF10 && c <= 0xFF19) c -= 0xFEE0;  // full-width digits
    if (c >= '0' && c <= '9') {
      digits.push_back(static_cast<char>(c));
    } else if (!(IsSpace(c) || c == '-' || c == '.' || c == 0xFF0D ||
                 c == 0x2014 || c == 0x2013)) {
      return "";
    }
  }
  if (digits.size() != 3 && digits.size() != 5 && digits.size() != 7) {
    return "";
  }
  return digits;
}

const ClassificationCatalog& ClassificationCatalog::Default() {
  static const ClassificationCatalog* catalog = [] {
    Result<ClassificationCatalog> c =
        Build(EmbeddedData("func_codes.csv"), EmbeddedData("econ_codes.csv"));
    if (!c.ok()) {
      std::fprintf(stderr, "budgetdoc: classification catalog: %s\n",
                   c.status().ToString().c_str());
      std::abort();
    }
    return new ClassificationCatalog(std::move(c).value());
  }();
  return *catalog;
}

Result<ClassificationCatalog> ClassificationCatalog::Build(
    std::string_view func_csv, std::string_view econ_csv) {
  std::vector<ClassItem> items;
  std::vector<std::string> rules;
  BUDGETDOC_RETURN_IF_ERROR(
      ParseRows("func_codes.csv", func_csv, /*econ=*/false, &items, &rules));
  BUDGETDOC_RETURN_IF_ERROR(
      ParseRows("econ_codes.csv", econ_csv, /*econ=*/true, &items, &rules));

  std::set<std::string> codes;
  for (const ClassItem& item : items) {
    if (!codes.insert(item.code).second) {
      return Status::Corrupt("classification: duplicate code " + item.code);
    }
  }
  // Materialize the 项 the recurring pattern implies.
  size_t explicit_count = items.size();
  for (size_t i = 0; i < explicit_count; ++i) {
    if (rules[i].empty()) continue;
    const ClassItem kuan = items[i];
    for (const ImpliedItem& implied : kAdminItems) {
      if (rules[i] == "other" && implied.suffix != "99") continue;
      std::string code = kuan.code + std::string(implied.suffix);
      if (codes.count(code) > 0) continue;
      ClassItem item;
      item.scheme = kuan.scheme;
      item.code = code;
      item.level = ClassLevel::kXiang;
      item.parent_code = kuan.code;
      item.status = ClassStatus::kRule;
      item.since_year = kuan.since_year;
      item.until_year = kuan.until_year;
      item.source =
          "rule: 项 " + std::string(implied.suffix) + " of 款 " + kuan.code;
      if (implied.name.empty()) {
        item.name = OtherItemName(kuan.name);
        for (const FormerName& f : kuan.former_names) {
          item.former_names.push_back(
              {OtherItemName(f.name), f.from_year, f.to_year});
        }
      } else {
        item.name = std::string(implied.name);
      }
      codes.insert(code);
      items.push_back(std::move(item));
    }
  }
  std::sort(
      items.begin(), items.end(),
      [](const ClassItem& a, const ClassItem& b) { return a.code < b.code; });
  for (const ClassItem& item : items) {
    if (!item.parent_code.empty() && codes.count(item.parent_code) == 0) {
      return Status::Corrupt("classification: " + item.code +
                             " has no parent " + item.parent_code);
    }
  }

  ClassificationCatalog catalog;
  catalog.items_ = std::move(items);
  for (size_t i = 0; i < catalog.items_.size(); ++i) {
    const ClassItem& item = catalog.items_[i];
    std::set<std::string> keys;
    keys.insert(Core(CanonicalClassName(item.name)));
    for (const std::string& a : item.aliases) {
      keys.insert(Core(CanonicalClassName(a)));
    }
    for (const FormerName& f : item.former_names) {
      keys.insert(Core(CanonicalClassName(f.name)));
    }
    for (const std::string& key : keys) catalog.by_name_.emplace(key, i);
  }
  return catalog;
}

const ClassItem* ClassificationCatalog::Find(std::string_view code) const {
  std::string normalized = NormalizeClassCode(code);
  if (normalized.empty()) return nullptr;
  auto it = std::lower_bound(items_.begin(), items_.end(), normalized,
                             [](const ClassItem& item, const std::string& c) {
                               return item.code < c;
                             });
  if (it == items_.end() || it->code != normalized) return nullptr;
  return &*it;
}

std::string ClassificationCatalog::ParentCode(std::string_view code) {
  std::string normalized = NormalizeClassCode(code);
  if (normalized.size() <= 3) return "";
  return normalized.substr(0, normalized.size() - 2);
}

ClassLevel ClassificationCatalog::Level(std::string_view code) {
  switch (NormalizeClassCode(code).size()) {
    case 3:
      return ClassLevel::kLei;
    case 5:
      return ClassLevel::kKuan;
    case 7:
      return ClassLevel::kXiang;
    default:
      return ClassLevel::kUnknown;
  }
}

std::optional<ClassScheme> ClassificationCatalog::SchemeOf(
    std::string_view code) {
  std::string normalized = NormalizeClassCode(code);
  if (normalized.empty()) return std::nullopt;
  switch (normalized[0]) {
    case '2':
      return ClassScheme::kFunc;
    case '3':
      return ClassScheme::kEconDept;
    case '5':
      return ClassScheme::kEconGov;
    default:
      return std::nullopt;
  }
}

NameMatch ClassificationCatalog::MatchOne(const ClassItem& item,
                                          std::string_view canonical,
                                          int year) const {
  std::string core = Core(canonical);
  if (core.empty()) return NameMatch::kUnknown;
  if (core == Core(CanonicalClassName(item.name))) return NameMatch::kMatch;
  for (const std::string& alias : item.aliases) {
    if (core == Core(CanonicalClassName(alias))) return NameMatch::kMatch;
  }
  // Does another code carry this name now (current name or variant)?
  bool current_elsewhere = false, any_elsewhere = false;
  auto range = by_name_.equal_range(core);
  for (auto it = range.first; it != range.second; ++it) {
    const ClassItem& other = items_[it->second];
    if (other.code == item.code) continue;
    any_elsewhere = true;
    if (Core(CanonicalClassName(other.name)) == core) current_elsewhere = true;
    for (const std::string& alias : other.aliases) {
      if (Core(CanonicalClassName(alias)) == core) current_elsewhere = true;
    }
  }
  for (const FormerName& f : item.former_names) {
    if (core != Core(CanonicalClassName(f.name))) continue;
    if (year != 0 && f.Covers(year)) return NameMatch::kMatch;
    if (year != 0 && current_elsewhere) return NameMatch::kOtherClassName;
    return NameMatch::kFormerName;
  }
  return any_elsewhere ? NameMatch::kOtherClassName : NameMatch::kUnknown;
}

NameMatch ClassificationCatalog::NameMatches(std::string_view code,
                                             std::string_view printed_name,
                                             int year) const {
  const ClassItem* item = Find(code);
  if (item == nullptr) return NameMatch::kUnknown;
  std::vector<std::string> parts = SplitPath(printed_name);
  if (parts.empty()) return NameMatch::kUnknown;
  // The chain of codes from the 类 down to `code`.
  std::vector<const ClassItem*> chain;
  for (const ClassItem* it = item; it != nullptr;
       it = it->parent_code.empty() ? nullptr : Find(it->parent_code)) {
    chain.insert(chain.begin(), it);
  }
  if (parts.size() > chain.size()) return NameMatch::kUnknown;
  // Align from the end: the last part names `code`.
  NameMatch worst = NameMatch::kMatch;
  size_t offset = chain.size() - parts.size();
  for (size_t i = 0; i < parts.size(); ++i) {
    NameMatch m = MatchOne(*chain[offset + i], parts[i], year);
    if (Rank(m) > Rank(worst)) worst = m;
  }
  return worst;
}

std::vector<const ClassItem*> ClassificationCatalog::FindByName(
    std::string_view name, ClassLevel level) const {
  std::vector<const ClassItem*> out;
  std::string core = Core(CanonicalClassName(name));
  auto range = by_name_.equal_range(core);
  for (auto it = range.first; it != range.second; ++it) {
    const ClassItem& item = items_[it->second];
    if (level == ClassLevel::kUnknown || item.level == level) {
      out.push_back(&item);
    }
  }
  std::sort(out.begin(), out.end(), [](const ClassItem* a, const ClassItem* b) {
    return a->code < b->code;
  });
  return out;
}

}  // namespace budgetdoc
