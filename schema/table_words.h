// The words of standard tables (internal to schema/; the public API is
// schema/tables.h): the folded form titles, headers and labels are compared
// in, list ordinals, units ("单位：万元"), empty-table statements ("本表为空"),
// the metric synonyms as a lookup index, total and basis words, a leading
// year, and numeric cells as printed.
// Pure functions; SynonymIndex is immutable after construction and
// thread-safe. Tested through tests/schema/tables_test.cc.
#ifndef BUDGETDOC_SCHEMA_TABLE_WORDS_H_
#define BUDGETDOC_SCHEMA_TABLE_WORDS_H_

#include "base/decimal.h"
#include "schema/metrics.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace tables_internal {

bool Contains(std::string_view s, std::string_view w);
bool StartsWith(std::string_view s, std::string_view p);
bool EndsWith(std::string_view s, std::string_view p);

// ---- Text folding ----

// The form titles, headers and labels are compared in: spaces and quotes
// dropped, full-width ASCII folded ("（境）" → "(境)", "：" → ":"), 〔〕 → ().
std::string Fold(std::string_view s);

bool IsCnNumeral(char32_t c);

// Drops a leading list ordinal ("一、", "(一)", "1.", "1、", "(1)", "①")
// and "其中:" from a folded label, repeatedly.
std::string_view StripOrdinal(std::string_view s);

// A folded text without any parenthesized part ("上年结转(结余)" → "上年结转").
std::string WithoutParens(std::string_view s);

// ---- Units ----

// The unit a "单位：万元" / "金额单位：元" / "单位:万" text names (the last
// one when several); "" when none.
std::string ParseUnit(std::string_view text);

// ---- Empty-table statements ----

bool IsEmptyStatement(std::string_view text);

// ---- Metric vocabulary lookups ----

// Folded synonym → metric id, longest first.
class SynonymIndex {
 public:
  explicit SynonymIndex(const MetricCatalog& metrics) {
    for (const Metric& m : metrics.metrics()) {
      for (const std::string& s : m.synonyms) {
        std::string f = Fold(s);
        if (!f.empty()) entries_.emplace_back(std::move(f), m.id);
      }
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const auto& a, const auto& b) {
                       return a.first.size() > b.first.size();
                     });
  }

  // The metric whose synonym equals the folded text exactly.
  std::string Exact(std::string_view folded) const {
    for (const auto& [syn, id] : entries_) {
      if (syn == folded) return id;
    }
    return "";
  }

  // The longest synonym contained in the text among metrics with `prefix`.
  std::string Longest(std::string_view folded, std::string_view prefix) const {
    for (const auto& [syn, id] : entries_) {
      if (StartsWith(id, prefix) && Contains(folded, syn)) return id;
    }
    return "";
  }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

bool IsTotalWord(std::string_view f);

// Header elements and row labels that only say which figure (预算数, 决算数,
// 金额) rather than which item.
bool IsBasisWord(std::string_view f);

// Removes a leading year ("2025年", "2025年度"), returning it (0 if none).
int StripYear(std::string* f);

bool IsDigits(std::string_view s);

// Reads a numeric cell: "2,946.25", "-3.5", "(1,000.00)", "12.5%".
std::optional<Decimal> ParseCellNumber(std::string_view text, bool* percent);

}  // namespace tables_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_TABLE_WORDS_H_
