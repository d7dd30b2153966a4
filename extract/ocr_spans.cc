// Tested by tests/extract/ocr_spans_test.cc.
#include "extract/ocr_spans.h"

#include <algorithm>
#include <cstddef>

namespace budgetdoc {

bool HasOcrWords(const std::vector<PdfLine>& lines) {
  for (const PdfLine& l : lines) {
    for (const PdfWord& w : l.words) {
      if (w.confidence >= 0) return true;
    }
  }
  return false;
}

void AppendOcrSpans(const std::vector<PdfLine>& lines, std::string_view text,
                    int offset, std::vector<OcrSpan>* spans) {
  size_t pos = 0;
  for (const PdfLine& l : lines) {
    for (const PdfWord& w : l.words) {
      if (w.text.empty()) continue;
      size_t at = text.find(w.text, pos);
      // Only separators may stand between two words.
      if (at == std::string_view::npos || at > pos + 1) return;
      pos = at + w.text.size();
      if (w.confidence < 0) continue;
      spans->push_back(OcrSpan{offset + static_cast<int>(at),
                               offset + static_cast<int>(pos), w.confidence});
    }
  }
}

int MedianOcrConfidence(const std::vector<PdfWord>& words) {
  std::vector<int> c;
  for (const PdfWord& w : words) {
    if (w.confidence >= 0) c.push_back(w.confidence);
  }
  if (c.empty()) return -1;
  auto mid = c.begin() + static_cast<std::ptrdiff_t>(c.size() / 2);
  std::nth_element(c.begin(), mid, c.end());
  return *mid;
}

void SetCellOcrConfidence(const std::vector<PdfLine>& lines, int page,
                          Table* table) {
  for (auto& row : table->rows) {
    for (Cell& cell : row) {
      if (cell.page != page || !cell.bbox || cell.covered) continue;
      const BBox& b = *cell.bbox;
      int lowest = -1;
      for (const PdfLine& l : lines) {
        if (l.y1 < b.y0 || l.y0 > b.y1) continue;
        for (const PdfWord& w : l.words) {
          if (w.confidence < 0) continue;
          double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
          if (cx < b.x0 || cx > b.x1 || cy < b.y0 || cy > b.y1) continue;
          lowest = lowest < 0 ? w.confidence : std::min(lowest, w.confidence);
        }
      }
      cell.ocr_confidence = lowest;
    }
  }
}

int MinOcrConfidence(const std::vector<OcrSpan>& spans, int begin, int end) {
  int lowest = -1;
  for (const OcrSpan& s : spans) {
    if (s.end <= begin || s.begin >= end) continue;
    lowest = lowest < 0 ? s.confidence : std::min(lowest, s.confidence);
  }
  return lowest;
}

}  // namespace budgetdoc
