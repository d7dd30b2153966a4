#include "base/json.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

TEST(JsonTest, DumpSortsKeysAndKeepsUtf8) {
  Json j = Json::MakeObject();
  j.Set("b", Json::Str("收入"));
  j.Set("a", Json::Number("1889.05"));
  j.Set("c", Json::Bool(true));
  EXPECT_EQ(j.Dump(), R"({"a":1889.05,"b":"收入","c":true})");
}

TEST(JsonTest, DumpEscapesControlCharactersAndQuotes) {
  EXPECT_EQ(Json::Str("a\"b\\c\n\x01").Dump(), R"("a\"b\\c\n\u0001")");
}

TEST(JsonTest, DumpReplacesInvalidUtf8) {
  EXPECT_EQ(Json::Str("a\xFF").Dump(), "\"a\xEF\xBF\xBD\"");
}

TEST(JsonTest, ParseRoundTripsNestedValues) {
  std::string text =
      R"({"a":[1,2.50,{"b":null}],"c":"\u6536\u5165","d":false})";
  Result<Json> j = Json::Parse(text);
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  EXPECT_EQ(j->Find("c")->text(), "收入");
  EXPECT_EQ(j->Find("a")->array()[1].text(), "2.50");
  EXPECT_EQ(j->Dump(), R"({"a":[1,2.50,{"b":null}],"c":"收入","d":false})");
}

TEST(JsonTest, ParseRejectsMalformedInputWithAPosition) {
  for (std::string_view bad :
       {"{", "[1,", "{\"a\" 1}", "tru", "\"abc", "[1]x"}) {
    Result<Json> j = Json::Parse(bad);
    EXPECT_FALSE(j.ok()) << bad;
    if (!j.ok())
      EXPECT_NE(j.status().message().find("at byte"), std::string::npos);
  }
}

TEST(JsonTest, ParseBoundsNestingDepth) {
  std::string deep(10000, '[');
  EXPECT_FALSE(Json::Parse(deep).ok());
}

}  // namespace
}  // namespace budgetdoc
