// Text normalization with an offset map back to the raw text.
// NormalizeText folds one block's text into the canonical form every later
// stage matches against: NFKC (full-width digits, letters and number
// punctuation, Kangxi radicals), CJK radical supplements to ideographs
// (⻔→门, ⻋→车), ideographic and no-break spaces to spaces, spaces that PDF
// extraction inserts between CJK characters or between CJK and digits
// removed ("2023 年" → "2023年", "1889.05 万元" → "1889.05万元"), and line
// breaks inside a block joined without inserting spaces; a line that holds
// only a page number between two parts of a sentence is dropped
// ("222.5\n28\n万元" → "222.5万元"). Chinese prose punctuation (，。：；（）)
// is kept as is; a full-width comma inside a full-width number is folded.
// Pure functions; thread-safe. Tested by tests/normalize/text_test.cc.
#ifndef BUDGETDOC_NORMALIZE_TEXT_H_
#define BUDGETDOC_NORMALIZE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

struct NormalizedText {
  std::string text;

  // ToRaw(i) = byte offset in the raw text of the code point that produced
  // normalized byte i (i <= text.size()); ToRaw(text.size()) = raw size.
  // Monotonic.
  uint32_t ToRaw(size_t norm) const;
  // Raw byte span [begin, end) for a normalized span [begin, end).
  uint32_t RawBegin(size_t norm_begin) const { return ToRaw(norm_begin); }
  uint32_t RawEnd(size_t norm_end) const;

  // The offset map, kept only where it changes (most text is copied code
  // point for code point): from anchors[k].norm, a code point at n bytes
  // past the anchor came from raw offset anchors[k].raw + n, up to the next
  // anchor. Anchors sit at code point starts, in increasing order.
  struct Anchor {
    uint32_t norm = 0, raw = 0;
  };
  std::vector<Anchor> anchors;
  uint32_t raw_size = 0;

  // Builds the map: normalized bytes from `norm` on (a code point start,
  // after the previous call's) came from the raw code point at `raw`.
  void MapCodePoint(size_t norm, uint32_t raw);
};

NormalizedText NormalizeText(std::string_view raw);

// Folds one code point (NFKC plus our tables); appends UTF-8 to out.
void FoldCodePoint(char32_t c, std::string* out);

}  // namespace budgetdoc

#endif  // BUDGETDOC_NORMALIZE_TEXT_H_
