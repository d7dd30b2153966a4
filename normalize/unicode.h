// The ICU firewall: the only file in the tree that includes ICU headers.
// Charset conversion (used by the text and HTML readers) and per-code-point
// Unicode folding (used by normalize). Thread-safe: ICU's converters are
// opened per call and its normalizer singletons are immutable.
// Tested by tests/normalize/unicode_test.cc.
#ifndef BUDGETDOC_NORMALIZE_UNICODE_H_
#define BUDGETDOC_NORMALIZE_UNICODE_H_

#include "base/result.h"

#include <string>
#include <string_view>

namespace budgetdoc {

// Converts bytes in `charset` (an ICU/IANA name: "GB18030", "GBK", "Big5",
// "UTF-16LE", ...) to UTF-8. Strict: an invalid byte sequence is an error
// that names the byte offset.
Result<std::string> ConvertToUtf8(std::string_view bytes,
                                  std::string_view charset);

// The lenient conversion: every byte sequence that is not valid in
// `charset` becomes U+FFFD, and the count and the byte offset of the first
// are reported. Fails only for an unknown charset.
struct LenientText {
  std::string text;
  size_t invalid = 0;        // invalid sequences replaced
  size_t first_invalid = 0;  // byte offset of the first (when invalid > 0)
};
Result<LenientText> ConvertToUtf8Lenient(std::string_view bytes,
                                         std::string_view charset);

// True when ICU knows the charset name.
bool IsKnownCharset(std::string_view charset);

// NFKC of one code point, appended to out as UTF-8.
void AppendNfkc(char32_t c, std::string* out);

}  // namespace budgetdoc

#endif  // BUDGETDOC_NORMALIZE_UNICODE_H_
