#include "normalize/unicode.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

TEST(UnicodeTest, ConvertsGbkAndGb18030ToUtf8) {
  Result<std::string> s = ConvertToUtf8("\xCA\xD5\xC8\xEB", "GB18030");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, "收入");
  s = ConvertToUtf8("\xCA\xD5\xC8\xEB", "GBK");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, "收入");
}

TEST(UnicodeTest, InvalidBytesAreAnErrorWithAnOffset) {
  Result<std::string> s = ConvertToUtf8("ab\x81\x20", "GB18030");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(s.status().message().find("near byte"), std::string::npos);
}

TEST(UnicodeTest, UnknownCharsetIsUnsupported) {
  EXPECT_EQ(ConvertToUtf8("a", "no-such-charset").status().code(),
            StatusCode::kUnsupported);
  EXPECT_TRUE(IsKnownCharset("gb2312"));
}

TEST(UnicodeTest, NfkcFoldsOneCodePoint) {
  std::string out;
  AppendNfkc(U'１', &out);
  AppendNfkc(U'⼀', &out);
  AppendNfkc(U'％', &out);
  EXPECT_EQ(out, "1一%");
}

}  // namespace
}  // namespace budgetdoc
