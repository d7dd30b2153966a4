#include "normalize/numbers.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

TEST(ChineseNumeralTest, ParsesCountsAndOrdinals) {
  struct Case {
    std::string_view in;
    int64_t out;
  } cases[] = {
      {"一", 1},          {"两", 2},      {"十", 10},          {"十二", 12},
      {"二十", 20},       {"二十三", 23}, {"一百零五", 105},   {"三千", 3000},
      {"二〇二三", 2023}, {"壹拾", 10},   {"一万二千", 12000},
  };
  for (const Case& c : cases) {
    std::optional<int64_t> v = ParseChineseNumeral(c.in);
    ASSERT_TRUE(v.has_value()) << c.in;
    EXPECT_EQ(*v, c.out) << c.in;
  }
}

TEST(ChineseNumeralTest, RejectsOtherText) {
  for (std::string_view bad : {"", "一般", "12", "十a"}) {
    EXPECT_FALSE(ParseChineseNumeral(bad).has_value()) << bad;
  }
}

TEST(ChineseNumeralTest, ParsesCircledNumbers) {
  EXPECT_EQ(ParseCircledNumber("①"), 1);
  EXPECT_EQ(ParseCircledNumber("⑳"), 20);
  EXPECT_FALSE(ParseCircledNumber("1").has_value());
}

}  // namespace
}  // namespace budgetdoc
