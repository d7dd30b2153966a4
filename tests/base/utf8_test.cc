#include "base/utf8.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

TEST(Utf8Test, ValidatesWellFormedAndRejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8("收入 abc \xEF\xBF\xBD"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xCA\xD5"));      // GBK bytes
}

TEST(Utf8Test, TruncatesOnACodePointBoundary) {
  EXPECT_EQ(TruncateUtf8("收入", 4), "收");
  EXPECT_EQ(Ellipsize("一二三四", 2), "一二…");
}

TEST(Utf8Test, CountsCodePoints) { EXPECT_EQ(CountCodePoints("收入ab"), 4u); }

TEST(Utf8Test, EscapesTerminalControlsAndBidiOverridesButKeepsText) {
  struct Case {
    std::string_view in, out;
  };
  const Case cases[] = {
      {"收入\t1889.05\n", "收入\t1889.05\n"},
      {"\x1b]0;owned\x07标题", "\\x1b]0;owned\\x07标题"},
      {"a\x1b[2Jb", "a\\x1b[2Jb"},
      {"cr\rback\bdel\x7f", "cr\\x0dback\\x08del\\x7f"},
      {"c1\xc2\x9bx", "c1\\x9bx"},
      {"\xe2\x80\xae"
       "abc",
       "\\u202eabc"},
      {"bad\xff", "bad\xef\xbf\xbd"},
  };
  for (const Case& c : cases) EXPECT_EQ(EscapeControlChars(c.in), c.out);
}

}  // namespace
}  // namespace budgetdoc
