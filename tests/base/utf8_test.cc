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

}  // namespace
}  // namespace budgetdoc
