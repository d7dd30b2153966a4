// Spreadsheet number formats, pure: a number as a workbook stores it
// ("1889.0500000000002", "2.5E-3") and the cell's format code ("#,##0.00",
// "0.00%", "General", "0.00\"万元\"") in, the text a reader sees out
// ("1,889.05", "0.25%"). Works on decimal digit strings: money never passes
// through double here (a .xls stores IEEE doubles; its reader prints them
// with 15 significant digits first).
// Tested by tests/extract/number_format_test.cc.
#ifndef BUDGETDOC_EXTRACT_NUMBER_FORMAT_H_
#define BUDGETDOC_EXTRACT_NUMBER_FORMAT_H_

#include <string>
#include <string_view>

namespace budgetdoc {

// The format code of a built-in number format id (ECMA-376 §18.8.30):
// 0 "General", 2 "0.00", 4 "#,##0.00", 10 "0.00%", 14 a date, ...; ""
// for ids without a fixed code.
std::string_view BuiltinNumberFormat(int id);

// Formats `stored` (optional sign, digits, optional fraction and exponent)
// with the first section of `format_code` (the second for negatives when
// present): decimals rounded half-up, thousands separators, percent,
// literal text; dates as YYYY-MM-DD; "General" and codes we do not
// understand as the number with at most 15 significant digits. Text that
// is not a number comes back unchanged.
std::string FormatNumber(std::string_view stored, std::string_view format_code);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_NUMBER_FORMAT_H_
