// DetectMetadata: what a report is — the body that publishes it, its region,
// fiscal year, kind (决算/预算/“三公” note), scope (部门/单位), whether it
// is a blank template, and the unit its narrative amounts use — read from
// the normalized document.
//
// Where each field comes from, strongest first:
//  - The title at the top, before the table of contents, possibly split
//    over several lines: "巴中市巴州区人民政府办公室2023年度部门决算",
//    "2019年中共江苏省委办公厅部门预算", "上海市普陀区2025年区级部门预算"
//    (then the body is the labelled line that follows: "预算主管部门：…").
//    The title decides year, kind and scope when it has them.
//  - A labelled body anywhere near the start or in table headers:
//    "部门：中共江苏省委办公厅", "预算单位：上海市财政局".
//  - The text: the organization name (a region followed by words ending in
//    办公室/局/委员会/院/厅/中心/办事处/政府/…) printed most often; section
//    headings like "2023年度部门决算情况说明"; sentences starting
//    "2023年度，…". Dates ("截至2023年12月31日") and comparison years
//    ("与2022年度相比", "比上年") never count as the fiscal year.
// A field that cannot be read is left empty (year 0) with a reason in
// ReportMeta::unknown_reasons — never a default. Each field that is set has
// its provenance in ReportMeta::sources (the first place it was read).
//
// A template keeps its placeholder body ("上海市XX局") as entity_name and
// sets is_template; its region is still the region it names.
//
// Pure; thread-safe. Tested by tests/schema/metadata_test.cc and
// tests/schema/metadata_corpus_test.cc.
#ifndef BUDGETDOC_SCHEMA_METADATA_H_
#define BUDGETDOC_SCHEMA_METADATA_H_

#include "normalize/normalize.h"
#include "schema/regions.h"
#include "schema/report_meta.h"

namespace budgetdoc {

// Uses RegionCatalog::Default().
ReportMeta DetectMetadata(const NormalizedDocument& nd);

ReportMeta DetectMetadata(const NormalizedDocument& nd,
                          const RegionCatalog& regions);

// One line per field, sources and reasons included; stable, for tests and
// debugging:
//   entity_name: 巴中市巴州区人民政府办公室 (b139 [10,49))
std::string MetadataDebugString(const ReportMeta& meta);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_METADATA_H_
