#include "schema/claim_terms.h"

#include "base/utf8.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace claims_internal {

Context SectionContext(const NormalizedDocument& nd, int section) {
  for (int s = section; s > 0;
       s = nd.sections.sections[static_cast<size_t>(s)].parent) {
    const std::string& title =
        nd.sections.sections[static_cast<size_t>(s)].title;
    if (Contains(title, "基本支出") || Contains(title, "经济分类"))
      return Context::kEcon;
    if (Contains(title, "三公") || Contains(title, "其他重要事项") ||
        Contains(title, "采购")) {
      return Context::kNone;
    }
    if (Contains(title, "一般公共预算") || Contains(title, "政府性基金") ||
        Contains(title, "国有资本经营") || Contains(title, "功能分类")) {
      return Context::kFunc;
    }
  }
  return Context::kNone;
}

std::string ClassMetric(Context ctx) {
  if (ctx == Context::kEcon) return "gpb.basic.by_econ";
  return ctx == Context::kFunc ? "gpb.expenditure.by_func"
                               : "expenditure.by_func";
}

ClaimSubject FromMetric(const Metric* m, std::string_view label) {
  ClaimSubject s;
  s.metrics.push_back(m->id);
  s.label = std::string(label);
  s.found = true;
  return s;
}

ClaimSubject FromClassPath(const ClassPath& path, Context ctx) {
  ClaimSubject s;
  s.metrics.push_back(ClassMetric(ctx));
  int names = 0;
  for (const std::string* n : {&path.lei, &path.kuan, &path.xiang}) {
    if (!n->empty()) {
      ++names;
      s.label = *n;  // the deepest name printed
    }
  }
  if (names > 1) s.class_path = path.lei + "/" + path.kuan + "/" + path.xiang;
  s.found = names > 0;
  return s;
}

bool ItemCodeOnly(std::string_view s) {
  for (std::string_view open : {"（", "(", "【", "["}) {
    if (!StartsWith(s, open)) continue;
    std::string_view rest = s.substr(open.size());
    size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9')
      ++digits;
    if (digits == 0) return false;
    rest.remove_prefix(digits);
    for (std::string_view level : {"类", "款", "项"}) {
      if (StartsWith(rest, level)) rest.remove_prefix(level.size());
    }
    for (std::string_view close : {"）", ")", "】", "]"}) {
      if (rest == close) return true;
    }
    return false;
  }
  return false;
}

bool HasClassMarker(std::string_view s) {
  return Contains(s, "（类）") || Contains(s, "（款）") ||
         Contains(s, "（项）") || Contains(s, "(类)") || Contains(s, "(款)") ||
         Contains(s, "(项)");
}

std::string Quote(std::string_view t, const Span& sentence) {
  std::string_view s =
      t.substr(static_cast<size_t>(sentence.begin),
               static_cast<size_t>(sentence.end - sentence.begin));
  return Ellipsize(s, 120);
}

}  // namespace claims_internal
}  // namespace budgetdoc
