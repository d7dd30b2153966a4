// Small UTF-8 helpers over string_view. Invalid sequences decode as U+FFFD
// and advance one byte, so every loop over hostile bytes terminates.
#ifndef BUDGETDOC_BASE_UTF8_H_
#define BUDGETDOC_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace budgetdoc {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at s[*pos] and advances *pos past it.
// REQUIRES: *pos < s.size()
char32_t DecodeUtf8(std::string_view s, size_t* pos);

void AppendUtf8(char32_t cp, std::string* out);

// True when every byte sequence is valid UTF-8 (no overlongs, surrogates).
bool IsValidUtf8(std::string_view s);

// Number of code points (invalid bytes count one each).
size_t CountCodePoints(std::string_view s);

// Longest prefix of at most max_bytes that ends on a code point boundary.
std::string_view TruncateUtf8(std::string_view s, size_t max_bytes);

// Prefix of at most max_chars code points, with "…" appended when cut.
std::string Ellipsize(std::string_view s, size_t max_chars);

bool IsCjkIdeograph(char32_t c);

// Text made safe for a terminal: control characters other than line feed
// and tab (C0, DEL, C1: ESC, BEL, CR, backspace, ...) and the bidirectional
// overrides (U+202A..U+202E, U+2066..U+2069) are written as visible
// escapes ("\x1b", "\u202e"), so document text cannot move the cursor,
// recolour or retitle the terminal, or reorder what is shown. Invalid
// UTF-8 bytes become U+FFFD.
std::string EscapeControlChars(std::string_view s);
bool IsAsciiDigit(char32_t c);

}  // namespace budgetdoc

#endif  // BUDGETDOC_BASE_UTF8_H_
