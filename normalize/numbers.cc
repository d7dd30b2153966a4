#include "normalize/numbers.h"

#include "base/utf8.h"

#include <vector>

namespace budgetdoc {
namespace {

struct NumeralChar {
  char32_t c;
  int digit;  // 0..9, or -1 for a multiplier
  int64_t multiplier;
};

constexpr NumeralChar kNumerals[] = {
    {U'零', 0, 0},      {U'〇', 0, 0},    {U'○', 0, 0},      {U'一', 1, 0},
    {U'壹', 1, 0},      {U'二', 2, 0},    {U'贰', 2, 0},     {U'两', 2, 0},
    {U'三', 3, 0},      {U'叁', 3, 0},    {U'四', 4, 0},     {U'肆', 4, 0},
    {U'五', 5, 0},      {U'伍', 5, 0},    {U'六', 6, 0},     {U'陆', 6, 0},
    {U'七', 7, 0},      {U'柒', 7, 0},    {U'八', 8, 0},     {U'捌', 8, 0},
    {U'九', 9, 0},      {U'玖', 9, 0},    {U'十', -1, 10},   {U'拾', -1, 10},
    {U'百', -1, 100},   {U'佰', -1, 100}, {U'千', -1, 1000}, {U'仟', -1, 1000},
    {U'万', -1, 10000},
};

const NumeralChar* Lookup(char32_t c) {
  for (const NumeralChar& n : kNumerals) {
    if (n.c == c) return &n;
  }
  return nullptr;
}

}  // namespace

std::optional<int64_t> ParseChineseNumeral(std::string_view s) {
  std::vector<const NumeralChar*> chars;
  size_t pos = 0;
  while (pos < s.size()) {
    const NumeralChar* n = Lookup(DecodeUtf8(s, &pos));
    if (n == nullptr) return std::nullopt;
    chars.push_back(n);
    if (chars.size() > 16) return std::nullopt;
  }
  if (chars.empty()) return std::nullopt;
  bool has_multiplier = false;
  for (const NumeralChar* n : chars) has_multiplier |= n->digit < 0;
  if (!has_multiplier) {
    // Digit by digit: "二〇二三" → 2023; a lone digit is itself.
    int64_t v = 0;
    for (const NumeralChar* n : chars) v = v * 10 + n->digit;
    return v;
  }
  int64_t total = 0, section = 0, digit = -1;
  for (const NumeralChar* n : chars) {
    if (n->digit >= 0) {
      digit = n->digit;
      continue;
    }
    if (n->multiplier == 10000) {
      section += digit < 0 ? 0 : digit;
      total += (section == 0 ? 1 : section) * 10000;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * n->multiplier;  // "十" = 10
    }
    digit = -1;
  }
  if (digit > 0) section += digit;
  return total + section;
}

std::optional<int> ParseCircledNumber(std::string_view s) {
  size_t pos = 0;
  if (s.empty()) return std::nullopt;
  char32_t c = DecodeUtf8(s, &pos);
  if (pos != s.size()) return std::nullopt;
  if (c >= 0x2460 && c <= 0x2473) return static_cast<int>(c - 0x2460 + 1);
  return std::nullopt;
}

}  // namespace budgetdoc
