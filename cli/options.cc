#include "cli/options.h"

#include <algorithm>
#include <optional>

namespace budgetdoc {
namespace {

constexpr OptionSpec kCommon[] = {
    {.name = "help", .short_name = 'h', .help = "print this help and exit"},
    {.name = "quiet",
     .short_name = 'q',
     .help = "no progress or information lines on standard error; errors "
             "are still reported"},
};

const OptionSpec* FindSpec(std::span<const OptionSpec> options,
                           std::string_view name) {
  for (std::span<const OptionSpec> list : {options, CommonOptions()}) {
    for (const OptionSpec& o : list) {
      if (name == o.name) return &o;
    }
  }
  return nullptr;
}

const OptionSpec* FindShort(std::span<const OptionSpec> options, char c) {
  for (std::span<const OptionSpec> list : {options, CommonOptions()}) {
    for (const OptionSpec& o : list) {
      if (o.short_name != 0 && o.short_name == c) return &o;
    }
  }
  return nullptr;
}

std::vector<std::string> SplitChoices(const char* choices) {
  std::vector<std::string> out;
  std::string_view s = choices;
  while (true) {
    size_t bar = s.find('|');
    out.emplace_back(s.substr(0, bar));
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

// A whole number in [lo, hi] (decimal digits, no sign).
bool ParseInteger(const std::string& text, int lo, int hi, int* out) {
  if (text.empty() || text.size() > 9) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return false;
  if (out != nullptr) *out = v;
  return true;
}

// How the user refers to an option in messages: "--format" or "-j".
std::string Spelled(const OptionSpec& o, bool as_short) {
  return as_short ? std::string("-") + o.short_name
                  : std::string("--") + o.name;
}

Status CheckValue(const OptionSpec& o, bool as_short,
                  const std::string& value) {
  std::string who = Spelled(o, as_short);
  if (o.type == ValueType::kInteger &&
      !ParseInteger(value, o.min_value, o.max_value, nullptr)) {
    std::string range = o.min_value == 1 && o.max_value == 1000000
                            ? std::string("a positive whole number")
                            : "a whole number from " +
                                  std::to_string(o.min_value) + " to " +
                                  std::to_string(o.max_value);
    return Status::InvalidArgument(who + " must be " + range + " (" + o.value +
                                   "), not '" + value + "'");
  }
  if (o.choices != nullptr) {
    std::vector<std::string> choices = SplitChoices(o.choices);
    if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
      std::string msg =
          who + " must be one of " + o.choices + ", not '" + value + "'";
      std::string near = ClosestMatch(value, choices);
      if (!near.empty()) msg += " (did you mean " + near + "?)";
      return Status::InvalidArgument(msg);
    }
  }
  return Status::Ok();
}

Status UnknownOption(std::span<const OptionSpec> options,
                     const std::string& arg) {
  std::string name = arg.substr(0, arg.find('='));
  std::vector<std::string> names;
  for (std::span<const OptionSpec> list : {options, CommonOptions()}) {
    for (const OptionSpec& o : list)
      names.push_back(std::string("--") + o.name);
  }
  std::string msg = "unknown option " + name;
  std::string near = ClosestMatch(name, names);
  if (!near.empty()) msg += " (did you mean " + near + "?)";
  return Status::InvalidArgument(msg);
}

}  // namespace

std::string WrapText(std::string_view text, size_t indent, size_t width) {
  std::string out;
  size_t column = indent;
  bool first_word = true;
  while (!text.empty()) {
    size_t space = text.find(' ');
    std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view()
                                           : text.substr(space + 1);
    if (word.empty()) continue;
    if (!first_word && column + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
    } else if (!first_word) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    first_word = false;
  }
  return out;
}

std::span<const OptionSpec> CommonOptions() { return kCommon; }

bool ParsedArgs::Has(std::string_view name) const {
  for (const auto& [n, v] : values_) {
    if (n == name) return true;
  }
  return false;
}

std::string ParsedArgs::Get(std::string_view name) const {
  for (auto it = values_.rbegin(); it != values_.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  const OptionSpec* spec = FindSpec(options_, name);
  if (spec != nullptr && spec->default_value != nullptr) {
    return spec->default_value;
  }
  return "";
}

std::vector<std::string> ParsedArgs::GetAll(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : values_) {
    if (n == name) out.push_back(v);
  }
  return out;
}

int ParsedArgs::GetInt(std::string_view name) const {
  int v = 0;
  return ParseInteger(Get(name), 0, 1 << 30, &v) ? v : 0;
}

Result<ParsedArgs> ParseArgs(std::span<const OptionSpec> options,
                             const std::vector<std::string>& args) {
  ParsedArgs parsed(options);
  bool options_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_ended || a.size() < 2 || a[0] != '-') {
      parsed.AddOperand(a);  // includes "-" (standard input)
      continue;
    }
    if (a == "--") {
      options_ended = true;
      continue;
    }
    const OptionSpec* spec = nullptr;
    bool as_short = a[1] != '-';
    std::optional<std::string> inline_value;
    if (as_short) {
      spec = FindShort(options, a[1]);
      if (spec == nullptr) return UnknownOption(options, a);
      if (a.size() > 2) {
        if (spec->value == nullptr) return UnknownOption(options, a);
        inline_value = a.substr(2);  // -j4
      }
    } else {
      size_t eq = a.find('=');
      std::string name = a.substr(2, eq == std::string::npos ? eq : eq - 2);
      spec = FindSpec(options, name);
      if (spec == nullptr) return UnknownOption(options, a);
      if (eq != std::string::npos) inline_value = a.substr(eq + 1);
    }
    std::string who = Spelled(*spec, as_short);
    if (spec->value == nullptr) {
      if (inline_value) {
        return Status::InvalidArgument(who + " takes no value");
      }
      parsed.AddValue(spec->name, "1");
      continue;
    }
    std::string value;
    if (inline_value) {
      value = *inline_value;
    } else if (spec->optional_value) {
      parsed.AddValue(spec->name, "");
      continue;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Status::InvalidArgument(who + " needs a value (" + spec->value +
                                     ")");
    }
    BUDGETDOC_RETURN_IF_ERROR(CheckValue(*spec, as_short, value));
    parsed.AddValue(spec->name, std::move(value));
  }
  return parsed;
}

std::string OptionsHelp(std::span<const OptionSpec> options) {
  constexpr size_t kHelpColumn = 26, kWidth = 79;
  std::string out;
  for (std::span<const OptionSpec> list : {options, CommonOptions()}) {
    for (const OptionSpec& o : list) {
      std::string left = "  ";
      left += o.short_name != 0 ? std::string("-") + o.short_name + ", "
                                : std::string("    ");
      left += std::string("--") + o.name;
      if (o.value != nullptr) {
        std::string value = o.choices != nullptr ? o.choices : o.value;
        left += o.optional_value ? "[=" + value + "]" : " " + value;
      }
      std::string help = o.help;
      if (o.default_value != nullptr) {
        help += std::string(" (default: ") + o.default_value + ")";
      }
      if (o.repeatable) help += " (repeatable)";
      if (left.size() + 2 > kHelpColumn) {
        out += left + "\n" + std::string(kHelpColumn, ' ');
      } else {
        out += left + std::string(kHelpColumn - left.size(), ' ');
      }
      out += WrapText(help, kHelpColumn, kWidth) + "\n";
    }
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // Three rows: i-2, i-1, i.
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string ClosestMatch(std::string_view word,
                         const std::vector<std::string>& candidates) {
  if (word.empty()) return "";
  // Dashes do not count towards the length that decides the tolerance.
  std::string_view bare =
      word.substr(std::min(word.find_first_not_of('-'), word.size()));
  size_t limit = bare.size() <= 4 ? 1 : 2;
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  if (!best.empty()) return best;
  std::string prefixed;
  for (const std::string& c : candidates) {
    if (bare.size() >= 2 && c.size() > word.size() &&
        c.compare(0, word.size(), word) == 0) {
      if (!prefixed.empty()) return "";  // ambiguous
      prefixed = c;
    }
  }
  return prefixed;
}

}  // namespace budgetdoc
