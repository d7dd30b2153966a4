#include "normalize/text.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

TEST(NormalizeTextTest, FoldsWidthsRadicalsAndSpaces) {
  struct Case {
    std::string_view in, out;
  } cases[] = {
      {"１２３．４５万元", "123.45万元"},
      {"１，８８９．０５万元", "1,889.05万元"},
      {"增长３６．６％", "增长36.6%"},
      {"⼀般公共预算", "一般公共预算"},  // Kangxi radical
      {"部⻔预算", "部门预算"},          // CJK radical supplement
      {"公务⽤⻋", "公务用车"},
      {"2023 年", "2023年"},
      {"1889.05 万元", "1889.05万元"},
      {"收 入 决 算", "收入决算"},
      {"98.5 %", "98.5%"},
      {"占　36.6%", "占36.6%"},  // ideographic space
      {"  前后空格  ", "前后空格"},
      {"Word 2016 文档", "Word 2016文档"},
      {"收入，支出：（一）", "收入，支出：（一）"},  // prose punctuation kept
      {"－3.41%", "-3.41%"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormalizeText(c.in).text, c.out) << c.in;
  }
}

TEST(NormalizeTextTest, JoinsWrappedLinesWithoutSpacesAndDropsPageNumbers) {
  struct Case {
    std::string_view in, out;
  } cases[] = {
      {"222.5\n28\n万元", "222.5万元"},
      {"比上年增加\n3.2万元", "比上年增加3.2万元"},
      {"一般公共\n预算", "一般公共预算"},
      {"收入\n— 5 —\n合计", "收入合计"},
      {"收入\n第3页\n合计", "收入合计"},
      {"see\nabove", "see above"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormalizeText(c.in).text, c.out) << c.in;
  }
}

TEST(NormalizeTextTest, OffsetMapPointsBackToRawSpans) {
  std::string raw = "基本支出８１２．３０ 万元";
  NormalizedText n = NormalizeText(raw);
  ASSERT_EQ(n.text, "基本支出812.30万元");
  EXPECT_EQ(n.ToRaw(n.text.size()), raw.size());
  size_t begin = n.text.find("812.30");
  size_t end = n.text.size();
  std::string raw_span =
      raw.substr(n.RawBegin(begin), n.RawEnd(end) - n.RawBegin(begin));
  EXPECT_EQ(raw_span, "８１２．３０ 万元");
  EXPECT_EQ(raw.substr(0, n.RawBegin(begin)), "基本支出");
}

TEST(NormalizeTextTest, OffsetMapIsMonotonic) {
  NormalizedText n = NormalizeText("收 入\n28\n１２３ 万元　合计");
  for (size_t i = 1; i <= n.text.size(); ++i) {
    EXPECT_LE(n.ToRaw(i - 1), n.ToRaw(i));
  }
}

// The map is kept only where it changes: every byte of a code point maps to
// where that code point's source starts, a copied code point maps to the
// same bytes in the raw text, and a long copied run needs one anchor.
TEST(NormalizeTextTest, CompactOffsetMapGivesEveryByteItsSource) {
  struct Case {
    std::string raw;
    std::string copied;  // a normalized piece copied from the raw text
  };
  const Case cases[] = {
      {"基本支出８１２．３０ 万元，比上年增加１．２万元。", "比上年增加"},
      {"（一）收入\n28\n合计１２３ 万元", "收入"},
      {"一般公共预算财政拨款收入1889.05万元",
       "一般公共预算财政拨款收入1889.05万元"},
      {"㈠ 基本支出 ＡＢＣ 12 34", "基本支出"},
  };
  for (const Case& c : cases) {
    NormalizedText n = NormalizeText(c.raw);
    for (size_t i = 0; i < n.text.size(); ++i) {
      size_t start = i;
      while (start > 0 &&
             (static_cast<unsigned char>(n.text[start]) & 0xC0) == 0x80)
        --start;
      EXPECT_EQ(n.ToRaw(i), n.ToRaw(start)) << c.raw << " byte " << i;
    }
    size_t at = n.text.find(c.copied);
    ASSERT_NE(at, std::string::npos) << c.raw;
    for (size_t i = at, start = at; i < at + c.copied.size(); ++i) {
      if ((static_cast<unsigned char>(n.text[i]) & 0xC0) != 0x80) start = i;
      EXPECT_EQ(c.raw[n.ToRaw(i) + (i - start)], n.text[i]) << c.raw;
    }
    // The raw end is where the next kept code point's source starts.
    EXPECT_EQ(c.raw.substr(n.RawBegin(at), c.copied.size()), c.copied);
    EXPECT_GE(n.RawEnd(at + c.copied.size()), n.RawBegin(at) + c.copied.size())
        << c.raw;
  }
  NormalizedText plain = NormalizeText(std::string(3000, 'a') + "基本支出");
  EXPECT_EQ(plain.anchors.size(), 1u);
}

}  // namespace
}  // namespace budgetdoc
