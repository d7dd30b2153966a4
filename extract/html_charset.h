// Charset of an HTML page (internal to extract/; callers use Extract() in
// extract/extract.h, and the rules are in extract/html_reader.cc): a byte
// order mark, then the charset the head declares (<meta charset>,
// http-equiv, <?xml encoding?>), then sniffing (UTF-8, else GB18030); the
// bytes converted to UTF-8 with every fallback named as a problem. Also the
// ASCII helpers the HTML reader shares.
// Pure functions; thread-safe. Tested through
// tests/extract/html_reader_test.cc.
#ifndef BUDGETDOC_EXTRACT_HTML_CHARSET_H_
#define BUDGETDOC_EXTRACT_HTML_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace html_internal {

bool StartsWith(std::string_view s, std::string_view p);

std::string Lower(std::string_view s);

bool IsAsciiSpace(char c);

// The page as UTF-8: `encoding` names the charset used, `problems` the
// fallbacks taken (each becomes a finding).
struct Decoded {
  std::string text;
  std::string encoding;
  std::vector<std::string> problems;
};

Decoded DecodeHtml(std::string_view bytes);

}  // namespace html_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_HTML_CHARSET_H_
