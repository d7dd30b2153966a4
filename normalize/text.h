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
  // to_raw[i] = byte offset in the raw text of the code point that produced
  // normalized byte i; to_raw[text.size()] = raw size. Monotonic.
  std::vector<uint32_t> to_raw;

  // Raw byte span [begin, end) for a normalized span [begin, end).
  uint32_t RawBegin(size_t norm_begin) const { return to_raw[norm_begin]; }
  uint32_t RawEnd(size_t norm_end) const;
};

NormalizedText NormalizeText(std::string_view raw);

// Folds one code point (NFKC plus our tables); appends UTF-8 to out.
void FoldCodePoint(char32_t c, std::string* out);

}  // namespace budgetdoc

#endif  // BUDGETDOC_NORMALIZE_TEXT_H_
