// Normalize: Document in, NormalizedDocument out. Keeps the extracted
// document unchanged (raw text) and adds, per block, the normalized text with
// its offset map, normalized table cells, the section tree and every amount,
// percentage and count mention with provenance. Cannot fail: trouble
// becomes findings. Pure; thread-safe.
// Tested by tests/normalize/normalize_test.cc and tests/golden_test.cc.
#ifndef BUDGETDOC_NORMALIZE_NORMALIZE_H_
#define BUDGETDOC_NORMALIZE_NORMALIZE_H_

#include "base/finding.h"
#include "extract/document.h"
#include "normalize/mentions.h"
#include "normalize/sections.h"
#include "normalize/text.h"

#include <string>
#include <vector>

namespace budgetdoc {

struct NormalizeOptions {
  // Findings kept per document (numbering anomalies etc.).
  size_t max_findings = 500;
  // Plain text and PDF: join a paragraph line that does not end a sentence
  // with the next line (hard-wrapped text, PDF lines split by layout).
  bool join_wrapped_lines = true;
};

struct NormalizedDocument {
  Document doc;                        // as extracted
  std::vector<NormalizedText> blocks;  // parallel to doc.blocks
  // cells[t][r][c]: normalized text of each table cell.
  std::vector<std::vector<std::vector<std::string>>> cells;
  SectionTree sections;
  std::vector<Mention> mentions;  // text blocks only, in block order
  std::vector<Finding> findings;  // raised while normalizing
};

NormalizedDocument Normalize(Document doc, const NormalizeOptions& options);

// PDF: sets p->page and p->bbox to where the text p points at was printed
// (page as displayed): the table cell, else the raw span of the block (the
// normalized span mapped back when there is no raw span), else the whole
// block; a span over several lines or pages gets the union of its pieces on
// the first page it reaches. Leaves p unchanged for other formats or when
// nothing is known.
void LocateOnPage(const NormalizedDocument& nd, Provenance* p);

// Canonical dump: normalized block texts, sections, mentions.
std::string DebugString(const NormalizedDocument& nd);

}  // namespace budgetdoc

#endif  // BUDGETDOC_NORMALIZE_NORMALIZE_H_
