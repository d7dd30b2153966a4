#include "base/decimal.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

Decimal D(std::string_view s) {
  Result<Decimal> d = Decimal::Parse(s);
  EXPECT_TRUE(d.ok()) << s;
  return d.ok() ? *d : Decimal();
}

TEST(DecimalTest, ParseKeepsThePrintedScale) {
  struct Case {
    std::string_view in;
    std::string_view out;
    int scale;
  } cases[] = {
      {"691.5", "691.5", 1},
      {"1889.05", "1889.05", 2},
      {"43", "43", 0},
      {"1,889.05", "1889.05", 2},
      {"171,915,169", "171915169", 0},
      {"-3.41", "-3.41", 2},
      {"+0.30", "0.30", 2},
      {"0", "0", 0},
      {"0.00", "0.00", 2},
  };
  for (const Case& c : cases) {
    Decimal d = D(c.in);
    EXPECT_EQ(d.ToString(), c.out) << c.in;
    EXPECT_EQ(d.scale(), c.scale) << c.in;
  }
}

TEST(DecimalTest, ParseRejectsWhatIsNotAPlainNumber) {
  for (std::string_view bad :
       {"", "-", "1.2.3", "1e5", "12a", ",123", "1,", "1.", " 1", "１２",
        "1234567890123456", "0.123456789"}) {
    EXPECT_FALSE(Decimal::Parse(bad).ok()) << bad;
  }
}

TEST(DecimalTest, ComparesByValueNotByScale) {
  EXPECT_EQ(D("691.5"), D("691.50"));
  EXPECT_LT(D("0.05"), D("0.1"));
  EXPECT_GT(D("-1"), D("-1.01"));
}

TEST(DecimalTest, AddsAndSubtractsExactlyAtTheLargerScale) {
  EXPECT_EQ((D("1197.55") + D("691.5")).ToString(), "1889.05");
  EXPECT_EQ((D("0.1") + D("0.2")).ToString(), "0.3");
  EXPECT_EQ((D("1889.05") - D("1924.37")).ToString(), "-35.32");
}

TEST(DecimalTest, RoundsWithTheRequestedMode) {
  struct Case {
    std::string_view in;
    int scale;
    RoundingMode mode;
    std::string_view out;
  } cases[] = {
      {"36.605", 2, RoundingMode::kHalfUp, "36.61"},
      {"36.605", 2, RoundingMode::kTruncate, "36.60"},
      {"-36.605", 2, RoundingMode::kHalfUp, "-36.61"},
      {"2.5", 0, RoundingMode::kHalfEven, "2"},
      {"3.5", 0, RoundingMode::kHalfEven, "4"},
      {"1.01", 1, RoundingMode::kCeiling, "1.1"},
      {"-1.01", 1, RoundingMode::kFloor, "-1.1"},
      {"1.2", 3, RoundingMode::kHalfUp, "1.200"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(D(c.in).Round(c.scale, c.mode).ToString(), c.out) << c.in;
  }
}

TEST(DecimalTest, DividesWithExplicitRounding) {
  // 691.5 / 1889.05 = 0.366057…: 36.61% rounded, 36.60% truncated.
  Decimal ratio =
      *Decimal::Divide(D("691.5"), D("1889.05"), 4, RoundingMode::kHalfUp);
  EXPECT_EQ(ratio.ToString(), "0.3661");
  Decimal trunc =
      *Decimal::Divide(D("691.5"), D("1889.05"), 4, RoundingMode::kTruncate);
  EXPECT_EQ(trunc.ToString(), "0.3660");
  EXPECT_FALSE(Decimal::Divide(D("1"), D("0.00"), 2, RoundingMode::kHalfUp));
  EXPECT_EQ(
      Decimal::Divide(D("-1"), D("3"), 3, RoundingMode::kHalfUp)->ToString(),
      "-0.333");
}

TEST(DecimalTest, MultipliesExactly) {
  EXPECT_EQ(Decimal::Multiply(D("1.5"), D("0.25"))->ToString(), "0.375");
}

TEST(DecimalTest, ShiftsByPowersOfTenForUnitConversion) {
  // 171,915,169 元 = 17191.5169 万元.
  EXPECT_EQ(D("171915169").ShiftPow10(-4)->ToString(), "17191.5169");
  EXPECT_EQ(D("2.5").ShiftPow10(4)->ToString(), "25000");
}

}  // namespace
}  // namespace budgetdoc
