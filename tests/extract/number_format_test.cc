#include "extract/number_format.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

struct FormatCase {
  const char* stored;
  const char* code;
  const char* shown;
};

TEST(NumberFormatTest, FormatsStoredNumbersAsASpreadsheetShowsThem) {
  const FormatCase kCases[] = {
      // General: at most 15 significant digits, no trailing zeros.
      {"1889.0500000000002", "General", "1889.05"},
      {"691.5", "General", "691.5"},
      {"24884400", "General", "24884400"},
      {"2.5E-3", "General", "0.0025"},
      {"1.5E+3", "General", "1500"},
      {"-0", "General", "0"},
      // 千分位 and two decimals, rounded half up.
      {"24884400", "#,##0.00", "24,884,400.00"},
      {"1234.565", "#,##0.00", "1,234.57"},
      {"999.995", "#,##0.00", "1,000.00"},
      {"-1234.5", "#,##0.00", "-1,234.50"},
      {"1234.5", "0.00", "1234.50"},
      {"1234.5", "0", "1235"},
      {"0.4", "#,##0", "0"},
      // Percentages: the stored value is the fraction.
      {"0.2345", "0.00%", "23.45%"},
      {"1", "0%", "100%"},
      {"0.045793", "0.00%", "4.58%"},
      // Literal text, padding, colours, negative sections.
      {"12.3", "0.00\"万元\"", "12.30万元"},
      {"12.3", "#,##0.00_);(#,##0.00)", "12.30 "},
      {"-12.3", "#,##0.00_);[Red](#,##0.00)", "(12.30)"},
      {"5", "[$-804]0.0", "5.0"},
      // Thousands scaling by a trailing comma.
      {"1234567", "#,##0,", "1,235"},
      // Built-in ids resolved to codes, dates as ISO dates.
      {"45292", "yyyy-mm-dd", "2024-01-01"},
      {"43831.5", "yyyy\"年\"m\"月\"d\"日\"", "2020-01-01"},
      // Not a number: unchanged.
      {"合计", "#,##0.00", "合计"},
      {"", "General", ""},
      {"1.2.3", "0.00", "1.2.3"},
  };
  for (const FormatCase& c : kCases) {
    EXPECT_EQ(FormatNumber(c.stored, c.code), c.shown)
        << c.stored << " with " << c.code;
  }
}

TEST(NumberFormatTest, BuiltinIdsHaveTheirCodes) {
  EXPECT_EQ(BuiltinNumberFormat(0), "General");
  EXPECT_EQ(BuiltinNumberFormat(4), "#,##0.00");
  EXPECT_EQ(BuiltinNumberFormat(10), "0.00%");
  EXPECT_EQ(BuiltinNumberFormat(176), "");
  EXPECT_EQ(FormatNumber("0.5", BuiltinNumberFormat(9)), "50%");
}

TEST(NumberFormatTest, HugeExponentsStayBounded) {
  std::string shown = FormatNumber("1E+99999", "General");
  EXPECT_LE(shown.size(), 410u);
  EXPECT_EQ(FormatNumber("1E-99999", "0.00"), "0.00");
}

}  // namespace
}  // namespace budgetdoc
