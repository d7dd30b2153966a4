// Bundle: one report published as several files — the narrative in one PDF
// and its tables in another — read as one report. Each file is extracted and
// normalized alone (its pages, wrapped lines and headings are its own); the
// bundle appends them in the order given into one NormalizedDocument: blocks,
// tables, charts, cells and mentions appended with their indexes moved, one
// section tree whose top-level sections are those of each file in order, and
// one metadata merged from every file's own (the first file's fields, the
// fields it lacks from the next files). The schema stage and the checks then
// run on the merged document as on any other, so a figure of the narrative
// is compared with the tables of the other file.
//
// Page numbers stay each file's own; LocalizeProvenance gives a provenance of
// the merged document the file it lies in (Provenance::source) and the box
// on that file's page. A page number printed by several files counts as
// unreadable in the merged document when it is unreadable in any of them
// (findings resting on it are capped, never raised).
// Pure; thread-safe. Tested by tests/schema/bundle_test.cc.
#ifndef BUDGETDOC_SCHEMA_BUNDLE_H_
#define BUDGETDOC_SCHEMA_BUNDLE_H_

#include "base/finding.h"
#include "normalize/normalize.h"
#include "schema/report_meta.h"

#include <string>
#include <vector>

namespace budgetdoc {

// Where one file's pieces lie in the merged document.
struct BundlePart {
  std::string source;  // the file as named by the caller
  int first_block = 0, blocks = 0;
  int first_table = 0, tables = 0;
  int first_chart = 0, charts = 0;
};

struct Bundle {
  std::vector<NormalizedDocument> parts;  // each file as normalized alone
  std::vector<ReportMeta> metas;          // each file's own metadata
  std::vector<BundlePart> layout;         // parallel to parts
  NormalizedDocument merged;              // source: the names joined by " + "
  ReportMeta meta;                        // merged (see the file comment)
  // Where the files disagree on what report they are (year, kind, scope,
  // body): warnings "bundle.parts_disagree", one per field.
  std::vector<Finding> findings;
};

// Merges `parts` (at least one) in order. `metas` are their own metadata
// (DetectMetadata of each), parallel to parts.
Bundle MakeBundle(std::vector<NormalizedDocument> parts,
                  std::vector<ReportMeta> metas);

// The metadata of one report from its files' own: the first file's fields,
// each field it lacks from the first later file that has it. Disagreements
// on fiscal year, kind, scope and body (schema/body_names.h) are appended to
// `findings` when it is not null.
ReportMeta MergeReportMeta(const std::vector<ReportMeta>& metas,
                           const std::vector<std::string>& sources,
                           std::vector<Finding>* findings);

// The part a provenance of the merged document lies in (by its block, else
// its table), or -1.
int PartOf(const Bundle& bundle, const Provenance& p);

// Gives a provenance of the merged document its file (source) and, for PDF,
// its page and box as located in that file. A provenance in no part keeps
// its values.
void LocalizeProvenance(const Bundle& bundle, Provenance* p);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_BUNDLE_H_
