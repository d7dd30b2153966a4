// Tested by tests/schema/ocr_facts_test.cc.
#include "schema/ocr_facts.h"

#include <algorithm>
#include <cstddef>

namespace budgetdoc {
namespace {

// The lowest confidence of the spans overlapping [begin, end); -1 = none.
int SpanConfidence(const std::vector<OcrSpan>& spans, int begin, int end) {
  int lowest = -1;
  for (const OcrSpan& s : spans) {
    if (s.end <= begin || s.begin >= end) continue;
    lowest = lowest < 0 ? s.confidence : std::min(lowest, s.confidence);
  }
  return lowest;
}

int FactConfidence(const Document& doc, const Fact& f) {
  const Provenance& w = f.where;
  if (f.origin == Origin::kTable) {
    if (w.table < 0 || static_cast<size_t>(w.table) >= doc.tables.size())
      return -1;
    const Table& t = doc.tables[static_cast<size_t>(w.table)];
    if (w.row < 0 || static_cast<size_t>(w.row) >= t.rows.size()) return -1;
    const auto& row = t.rows[static_cast<size_t>(w.row)];
    if (w.column < 0 || static_cast<size_t>(w.column) >= row.size()) return -1;
    return row[static_cast<size_t>(w.column)].ocr_confidence;
  }
  if (w.block < 0 || static_cast<size_t>(w.block) >= doc.blocks.size())
    return -1;
  const Block& b = doc.blocks[static_cast<size_t>(w.block)];
  if (w.raw_begin < 0 || w.raw_end < w.raw_begin) return -1;
  return SpanConfidence(b.ocr, w.raw_begin, w.raw_end);
}

}  // namespace

void MarkOcrFacts(const Document& doc, std::vector<Fact>* facts) {
  if (std::none_of(doc.pages.begin(), doc.pages.end(),
                   [](const Page& p) { return p.ocr; })) {
    return;
  }
  for (Fact& f : *facts) {
    if (f.where.page <= 0 || !doc.PageOcr(f.where.page)) continue;
    f.ocr = true;
    f.ocr_confidence = FactConfidence(doc, f);
    f.low_confidence =
        f.ocr_confidence < 0 || f.ocr_confidence < kMinOcrConfidence;
  }
}

}  // namespace budgetdoc
