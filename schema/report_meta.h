// ReportMeta: what a report is — unit, region, fiscal year, kind — as found
// in its text. What cannot be determined is left empty with a reason, never
// guessed: a report whose year cannot be read has year 0 and a reason.
// Plain value type. Tested by tests/schema/metadata_test.cc.
#ifndef BUDGETDOC_SCHEMA_REPORT_META_H_
#define BUDGETDOC_SCHEMA_REPORT_META_H_

#include "base/provenance.h"

#include <map>
#include <string>
#include <vector>

namespace budgetdoc {

struct ReportMeta {
  std::string entity_name;  // "巴中市巴州区人民政府办公室"
  // The title as printed at the top (lines joined, spaces removed):
  // "巴中市巴州区人民政府办公室2023年度部门决算"; "" when there is none.
  std::string title;
  std::string region_name;  // "四川省巴中市巴州区" (full path as named)
  std::string region_code;  // GB/T 2260, 6 digits ("511902"); "" unknown
  std::string region_level;  // province|city|county|"" (county = 区/县/市辖区)
  int fiscal_year = 0;       // 0 = unknown
  std::string kind;   // final_accounts|budget|three_public_note|"" (unknown)
  std::string scope;  // 部门|单位|"" (unknown)
  bool is_template = false;  // blank template ("XX局", placeholders)
  // Evidence for is_template: the first few placeholders or empty amounts
  // as printed ("上海市XX局", "XXX万元"); may be non-empty for a real report
  // with a stray placeholder.
  std::vector<std::string> template_markers;
  std::string text_unit;  // unit the narrative uses: 万元|元|亿元|""
  // Field name → why it is empty ("no year found in title or first pages").
  std::map<std::string, std::string> unknown_reasons;
  // Field name → where it was read.
  std::map<std::string, Provenance> sources;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_REPORT_META_H_
