// Tested by tests/extract/number_format_test.cc.
#include "extract/number_format.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace budgetdoc {

std::string_view BuiltinNumberFormat(int id) {
  struct Builtin {
    int id;
    std::string_view code;
  };
  static constexpr Builtin kBuiltins[] = {
      {0, "General"},
      {1, "0"},
      {2, "0.00"},
      {3, "#,##0"},
      {4, "#,##0.00"},
      {9, "0%"},
      {10, "0.00%"},
      {11, "0.00E+00"},
      {12, "# ?/?"},
      {13, "# ?\?/?\?"},  // escaped: no trigraph
      {14, "yyyy-mm-dd"},
      {15, "d-mmm-yy"},
      {16, "d-mmm"},
      {17, "mmm-yy"},
      {18, "h:mm AM/PM"},
      {19, "h:mm:ss AM/PM"},
      {20, "h:mm"},
      {21, "h:mm:ss"},
      {22, "yyyy-mm-dd h:mm"},
      {37, "#,##0 ;(#,##0)"},
      {38, "#,##0 ;[Red](#,##0)"},
      {39, "#,##0.00;(#,##0.00)"},
      {40, "#,##0.00;[Red](#,##0.00)"},
      {45, "mm:ss"},
      {46, "[h]:mm:ss"},
      {47, "mmss.0"},
      {48, "##0.0E+0"},
      {49, "@"},
  };
  for (const Builtin& b : kBuiltins) {
    if (b.id == id) return b.code;
  }
  return "";
}

namespace {

// A decimal number as digits: value = digits[0..point) "." digits[point..),
// with point in [0, digits.size()] after Parse.
struct Digits {
  bool negative = false;
  std::string digits;
  int point = 0;

  std::string Int() const {
    return digits.substr(0, static_cast<size_t>(point));
  }
  std::string Frac() const { return digits.substr(static_cast<size_t>(point)); }
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool Parse(std::string_view s, Digits* d) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) d->negative = s[i++] == '-';
  bool any = false, dot = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(c)) {
      d->digits.push_back(c);
      if (!dot) ++d->point;
      any = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (!any) return false;
  if (i < s.size() && (s[i] == 'E' || s[i] == 'e')) {
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    int exp = 0;
    bool exp_digits = false;
    for (; i < s.size() && IsDigit(s[i]); ++i) {
      exp = std::min(exp * 10 + (s[i] - '0'), 400);
      exp_digits = true;
    }
    if (!exp_digits) return false;
    d->point += neg ? -exp : exp;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i != s.size()) return false;
  if (d->point < 0) {
    d->digits.insert(0, static_cast<size_t>(-d->point), '0');
    d->point = 0;
  }
  if (d->point > static_cast<int>(d->digits.size())) {
    d->digits.append(static_cast<size_t>(d->point) - d->digits.size(), '0');
  }
  // Drop leading zeros of the integer part (keep one).
  while (d->point > 1 && d->digits[0] == '0') {
    d->digits.erase(0, 1);
    --d->point;
  }
  if (d->point == 0) {
    d->digits.insert(0, "0");
    d->point = 1;
  }
  return true;
}

// Rounds half-up (away from zero) to `decimals` fraction digits, padding
// with zeros.
void Round(Digits* d, int decimals) {
  size_t keep = static_cast<size_t>(d->point + decimals);
  if (d->digits.size() <= keep) {
    d->digits.append(keep - d->digits.size(), '0');
    return;
  }
  bool up = d->digits[keep] >= '5';
  d->digits.resize(keep);
  if (!up) return;
  for (size_t i = keep; i-- > 0;) {
    if (d->digits[i] == '9') {
      d->digits[i] = '0';
    } else {
      ++d->digits[i];
      return;
    }
  }
  d->digits.insert(0, "1");
  ++d->point;
}

bool IsZero(const Digits& d) {
  return std::all_of(d.digits.begin(), d.digits.end(),
                     [](char c) { return c == '0'; });
}

std::string Grouped(const std::string& int_part) {
  std::string out;
  for (size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(int_part[i]);
  }
  return out;
}

// At most 15 significant digits, trailing fraction zeros dropped.
std::string General(Digits d) {
  int significant_int = 0;
  for (int i = 0; i < d.point; ++i) {
    if (significant_int > 0 || d.digits[static_cast<size_t>(i)] != '0')
      ++significant_int;
  }
  int decimals = 15 - significant_int;
  if (significant_int == 0) {
    size_t z = static_cast<size_t>(d.point);
    while (z < d.digits.size() && d.digits[z] == '0') ++z;
    decimals = static_cast<int>(z) - d.point + 15;
  }
  Round(&d, std::max(decimals, 0));
  std::string frac = d.Frac();
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = d.negative && !IsZero(d) ? "-" : "";
  out += d.Int();
  if (!frac.empty()) out += "." + frac;
  return out;
}

// One section of a format code, understood.
struct Section {
  std::string prefix, suffix;  // literal text around the number
  int decimals = 0;
  bool grouping = false;
  bool percent = false;
  int thousands_scale = 0;  // trailing commas: divide by 1000 each
  bool date = false;
  bool general = false;  // General, text, scientific, fractions: as General
};

Section ParseSection(std::string_view code) {
  Section s;
  bool seen_digit = false, in_fraction = false, after_digits = false;
  int trailing_commas = 0;
  auto literal = [&](std::string_view text) {
    (seen_digit ? s.suffix : s.prefix).append(text);
  };
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) end = code.size();
      literal(code.substr(i + 1, end - i - 1));
      i = end;
      continue;
    }
    if (c == '\\' && i + 1 < code.size()) {
      literal(code.substr(i + 1, 1));
      ++i;
      continue;
    }
    if (c == '[') {  // [Red], [$-804], [>100]
      size_t end = code.find(']', i);
      if (end == std::string_view::npos) break;
      if (code.substr(i, 3) == "[h]" || code.substr(i, 3) == "[m]" ||
          code.substr(i, 3) == "[s]") {
        s.date = true;
      }
      i = end;
      continue;
    }
    if (c == '_' || c == '*') {  // padding: skip the next character
      if (c == '_') literal(" ");
      ++i;
      continue;
    }
    if (c == '0' || c == '#' || c == '?') {
      if (after_digits && trailing_commas > 0) s.grouping = true;
      trailing_commas = 0;
      seen_digit = true;
      after_digits = true;
      if (in_fraction) ++s.decimals;
      continue;
    }
    if (c == '.' && seen_digit) {
      in_fraction = true;
      continue;
    }
    if (c == '.' && !seen_digit && i + 1 < code.size() &&
        (code[i + 1] == '0' || code[i + 1] == '#')) {
      seen_digit = true;
      in_fraction = true;
      continue;
    }
    if (c == ',' && seen_digit) {
      ++trailing_commas;
      continue;
    }
    if (c == '%') {
      s.percent = true;
      literal("%");
      continue;
    }
    if (c == 'E' || c == 'e' || c == '/' || c == '@') {
      s.general = true;
      continue;
    }
    if (c == 'y' || c == 'Y' || c == 'm' || c == 'M' || c == 'd' || c == 'D' ||
        c == 'h' || c == 'H' || c == 's' || c == 'S') {
      s.date = true;
      continue;
    }
    if (after_digits && trailing_commas > 0) {
      s.thousands_scale = trailing_commas;
      trailing_commas = 0;
    }
    literal(code.substr(i, 1));
  }
  if (trailing_commas > 0) s.thousands_scale = trailing_commas;
  if (!seen_digit && !s.date) s.general = true;
  return s;
}

// Days since 1899-12-30 (the 1900 date system, past its leap-year bug) as
// YYYY-MM-DD.
std::string SerialDate(const Digits& d) {
  int64_t days = 0;
  std::string whole = d.Int();
  if (whole.size() > 7 || d.negative) return General(d);
  for (char c : whole) days = days * 10 + (c - '0');
  // civil_from_days (Howard Hinnant), from 1970-01-01.
  int64_t z = days - 25569 + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t day = doy - (153 * mp + 2) / 5 + 1;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  if (month <= 2) ++y;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld",
                static_cast<long long>(y), static_cast<long long>(month),
                static_cast<long long>(day));
  return buf;
}

std::vector<std::string_view> SplitSections(std::string_view code) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '"') quoted = !quoted;
    if (code[i] == '\\') {
      ++i;
      continue;
    }
    if (code[i] == ';' && !quoted) {
      out.push_back(code.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  out.push_back(code.substr(begin));
  return out;
}

}  // namespace

std::string FormatNumber(std::string_view stored,
                         std::string_view format_code) {
  Digits d;
  if (!Parse(stored, &d)) return std::string(stored);
  std::string_view code = format_code;
  std::vector<std::string_view> sections = SplitSections(code);
  bool negative_section = false;
  if (d.negative && sections.size() >= 2 && !IsZero(d)) {
    code = sections[1];
    negative_section = true;
  } else {
    code = sections[0];
  }
  std::string lower(code.substr(0, 7));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (code.empty() || lower == "general") return General(d);
  Section s = ParseSection(code);
  if (s.date) return SerialDate(d);
  if (s.general) return General(d);
  if (s.percent) d.point += 2;
  d.point -= 3 * s.thousands_scale;
  if (d.point > static_cast<int>(d.digits.size())) {
    d.digits.append(static_cast<size_t>(d.point) - d.digits.size(), '0');
  }
  if (d.point < 1) {
    d.digits.insert(0, static_cast<size_t>(1 - d.point), '0');
    d.point = 1;
  }
  Round(&d, s.decimals);
  std::string int_part = d.Int();
  while (int_part.size() > 1 && int_part[0] == '0') int_part.erase(0, 1);
  std::string number = s.grouping ? Grouped(int_part) : int_part;
  if (s.decimals > 0) number += "." + d.Frac();
  // A negative section prints its own sign (parentheses, "-"), if any.
  std::string sign = d.negative && !negative_section && !IsZero(d) ? "-" : "";
  return sign + s.prefix + number + s.suffix;
}

}  // namespace budgetdoc
