// ClassificationCatalog: the 政府收支分类科目 codes reports print —
// 支出功能分类 (类 3 digits / 款 5 / 项 7) and 支出经济分类 (部门 301…399 and
// 政府 501…599, 类 3 digits / 款 5) — with their names, former names (renames
// across years), printing variants and provenance status (S seen / K known).
//
// The data lives in schema/data/func_codes.csv and econ_codes.csv (embedded;
// see schema/data/README.md for coverage). The recurring 项 pattern inside
// many 款 (01 行政运行, 02 一般行政管理事务, 03 机关服务, 50 事业运行,
// 99 其他…支出) is a rule, not rows: a 款 marked "admin" or "other" in the
// data implies those 项, and the catalog materializes them once (status
// kRule) so that Find() and FindByName() see them like any other item.
//
// Names are compared in canonical form (CanonicalClassName): spaces dropped,
// full-width ASCII and brackets folded, "（类）/（款）/（项）" markers and a
// leading printed code removed, and a trailing 支出 ignored (reports print
// "一般公共服务（类）" for 一般公共服务支出).
//
// A catalog is immutable once built; Default() is built on first use and
// shared (thread-safe). Pointers it returns live as long as the catalog.
// Movable, not copyable. Tested by tests/schema/classification_test.cc.
#ifndef BUDGETDOC_SCHEMA_CLASSIFICATION_H_
#define BUDGETDOC_SCHEMA_CLASSIFICATION_H_

#include "base/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

enum class ClassScheme {
  kFunc,      // 支出功能分类: codes starting with 2
  kEconDept,  // 部门预算支出经济分类: 3xx
  kEconGov,   // 政府预算支出经济分类: 5xx
};
std::string_view ClassSchemeName(ClassScheme s);  // func|econ_dept|econ_gov

enum class ClassLevel {
  kUnknown,
  kLei,    // 类: 3 digits
  kKuan,   // 款: 5 digits
  kXiang,  // 项: 7 digits
};
std::string_view ClassLevelName(ClassLevel l);  // 类|款|项|""

enum class ClassStatus {
  kSeen,   // S: name seen in the seed, the corpus or a cited public source
  kKnown,  // K: standard numbering, not verified against a source
  kRule,   // implied by the recurring 项 pattern of its 款
};
std::string_view ClassStatusName(ClassStatus s);  // S|K|R

// A name the code carried before its current one, in fiscal years
// [from_year, to_year]; 0 = open end.
struct FormerName {
  std::string name;
  int from_year = 0;
  int to_year = 0;

  bool Covers(int year) const {
    return (from_year == 0 || year >= from_year) &&
           (to_year == 0 || year <= to_year);
  }
};

struct ClassItem {
  ClassScheme scheme = ClassScheme::kFunc;
  std::string code;  // "2010301"
  ClassLevel level = ClassLevel::kUnknown;
  std::string name;         // current official name
  std::string parent_code;  // "" for a 类
  ClassStatus status = ClassStatus::kKnown;
  std::vector<FormerName> former_names;
  std::vector<std::string> aliases;  // printing variants, same meaning
  int since_year = 0;  // first fiscal year the code existed; 0 = unknown
  int until_year = 0;  // last fiscal year; 0 = still in use / unknown
  std::string block;   // econ: 人员经费 | 公用经费 | ""
  std::string source;  // where the row comes from (data file note)

  // False only when the data records that the code did not exist in `year`.
  bool ExistsIn(int year) const {
    return (since_year == 0 || year >= since_year) &&
           (until_year == 0 || year <= until_year);
  }
};

enum class NameMatch {
  kMatch,           // the code's name (or a variant, or a former name that
                    // was still in use in the given year)
  kFormerName,      // a renamed older name of this code
  kOtherClassName,  // the name belongs to a different code
  kUnknown,         // unknown code, or a name the catalog does not know
};
std::string_view NameMatchName(NameMatch m);  // match|former_name|...

// Canonical form used for all name comparisons (see the file comment). For
// 类 and most names the trailing 支出 is kept here; comparisons also try
// without it.
std::string CanonicalClassName(std::string_view printed);

// A printed code in canonical form: "201 03 01", "201-03-01", "２０１０３０１"
// → "2010301". Returns "" unless the result has 3, 5 or 7 digits.
std::string NormalizeClassCode(std::string_view printed);

class ClassificationCatalog {
 public:
  // The catalog of the embedded data. Aborts on corrupt embedded data (a
  // build defect that tests catch).
  static const ClassificationCatalog& Default();

  // Builds a catalog from the two CSV texts (format of schema/data).
  static Result<ClassificationCatalog> Build(std::string_view func_csv,
                                             std::string_view econ_csv);

  ClassificationCatalog(ClassificationCatalog&&) = default;
  ClassificationCatalog& operator=(ClassificationCatalog&&) = default;
  ClassificationCatalog(const ClassificationCatalog&) = delete;
  ClassificationCatalog& operator=(const ClassificationCatalog&) = delete;

  // The item for a code (any printed form NormalizeClassCode accepts), or
  // nullptr. The scheme follows from the first digit.
  const ClassItem* Find(std::string_view code) const;

  // "2010301" → "20103" → "201" → "". Pure; does not need the code to be
  // known.
  static std::string ParentCode(std::string_view code);
  // From the number of digits: 3 类, 5 款, 7 项; otherwise kUnknown.
  static ClassLevel Level(std::string_view code);
  // From the first digit: 2 func, 3 econ_dept, 5 econ_gov.
  static std::optional<ClassScheme> SchemeOf(std::string_view code);

  // How `printed_name` relates to `code` in fiscal `year` (0 = unknown
  // year: a former name is then always kFormerName). `printed_name` may be
  // a path ("一般公共服务（类）财政事务（款）行政运行（项）", or "-"
  // separated): each part is checked against the code or its ancestor at
  // that level, and the worst outcome is returned (kOtherClassName before
  // kUnknown before kFormerName).
  NameMatch NameMatches(std::string_view code, std::string_view printed_name,
                        int year = 0) const;

  // Items whose current name, variant or former name is `name`, sorted by
  // code; restricted to `level` unless it is kUnknown.
  std::vector<const ClassItem*> FindByName(
      std::string_view name, ClassLevel level = ClassLevel::kUnknown) const;

  // Every item, sorted by code (schemes do not overlap: 2/3/5 prefixes).
  const std::vector<ClassItem>& items() const { return items_; }

 private:
  ClassificationCatalog() = default;
  NameMatch MatchOne(const ClassItem& item, std::string_view canonical,
                     int year) const;

  std::vector<ClassItem> items_;  // sorted by code
  // Canonical name without trailing 支出 → indexes into items_.
  std::multimap<std::string, size_t> by_name_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_CLASSIFICATION_H_
