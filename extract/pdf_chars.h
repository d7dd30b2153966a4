// Characters and word measures of a PDF text layer (internal to extract/;
// the public API is extract/pdf_layout.h): character classes the layout
// steps share (Latin word edges, spaces, garbage and plausible characters,
// CJK, Chinese numerals, dashes, brackets), word text cleaning, and a word's
// font size and the median of sizes.
// Pure functions; thread-safe. Tested through tests/extract/pdf_layout_test.cc.
#ifndef BUDGETDOC_EXTRACT_PDF_CHARS_H_
#define BUDGETDOC_EXTRACT_PDF_CHARS_H_

#include "extract/pdf_layout.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace pdf_layout_internal {

// ---- Characters -------------------------------------------------------

char32_t FirstChar(std::string_view s);

char32_t LastChar(std::string_view s);

bool IsAsciiAlnum(char32_t c);

// Latin-script letters beyond ASCII (accented letters, Greek, Cyrillic).
bool IsOtherAlphabetic(char32_t c);

// Characters after which a Latin word may be followed by a space.
bool EndsLatinWord(char32_t c);

bool StartsLatinWord(char32_t c);

bool IsSpaceChar(char32_t c);

// Removes spaces at both ends and control characters anywhere.
std::string CleanWordText(std::string_view s);

bool IsGarbageChar(char32_t c);

bool IsCjkChar(char32_t c);

// A character that a Chinese report's text layer plausibly holds: CJK
// ideographs and punctuation, full-width forms, ASCII, general punctuation,
// the symbols tables and numbering use (①, ■, ℃, ㎡, ×, Ⅰ, ─). Letters of
// other scripts (Latin-1 and extended Latin, Greek, Cyrillic, kana, ...)
// are what a font without a Unicode map yields: its glyph ids read as
// code points.
bool IsPlausibleChar(char32_t c);

// Strips spaces (ASCII and ideographic) from s.
std::string WithoutSpaces(std::string_view s);

bool IsChineseNumeral(char32_t c);

bool IsAnyDigit(char32_t c);

std::vector<char32_t> ToChars(std::string_view s);

bool IsDash(char32_t c);

bool IsBracket(char32_t c);

// ---- Word measures ----

double WordFontSize(const PdfWord& w);

double Median(std::vector<double> v);

// Consumes a run of chars satisfying pred starting at *i; returns length.
template <typename Pred>
size_t Run(const std::vector<char32_t>& cs, size_t* i, Pred pred) {
  size_t start = *i;
  while (*i < cs.size() && pred(cs[*i])) ++*i;
  return *i - start;
}

}  // namespace pdf_layout_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_PDF_CHARS_H_
