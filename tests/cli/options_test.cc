// cli/options.h: the option parser every command shares, its help text, and
// the "did you mean" suggestions.
#include "cli/options.h"

#include "cli/command.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

constexpr OptionSpec kSample[] = {
    {.name = "format",
     .value = "FORMAT",
     .choices = "json|text",
     .default_value = "json",
     .help = "output format"},
    {.name = "jobs",
     .short_name = 'j',
     .value = "N",
     .type = ValueType::kInteger,
     .help = "workers"},
    {.name = "include", .value = "GLOB", .repeatable = true, .help = "take"},
    {.name = "force", .help = "redo"},
    {.name = "retry",
     .value = "KIND",
     .optional_value = true,
     .help = "retry failures (of KIND)"},
};

// Parses and renders what came out: "operands | name=value ...", or the
// error message.
std::string Parse(const std::vector<std::string>& args) {
  Result<ParsedArgs> p = ParseArgs(kSample, args);
  if (!p.ok()) return "error: " + p.status().message();
  std::string out;
  for (const std::string& o : p->operands()) out += o + " ";
  out += "|";
  for (const char* name :
       {"format", "jobs", "include", "force", "retry", "quiet"}) {
    if (!p->Has(name)) continue;
    for (const std::string& v : p->GetAll(name)) {
      out += std::string(" ") + name + "=" + v;
    }
  }
  return out;
}

TEST(OptionsTest, ParsesEveryConventionOfTheCommandLine) {
  struct Case {
    const char* name;
    std::vector<std::string> args;
    std::string expected;
  };
  const Case kCases[] = {
      {"operands only", {"a.pdf", "b.pdf"}, "a.pdf b.pdf |"},
      {"--x y", {"--format", "text", "a"}, "a | format=text"},
      {"--x=y", {"--format=text", "a"}, "a | format=text"},
      {"options after operands", {"a", "--force"}, "a | force=1"},
      {"short with separate value", {"-j", "4"}, "| jobs=4"},
      {"short with attached value", {"-j4"}, "| jobs=4"},
      {"long form of a short option", {"--jobs=4"}, "| jobs=4"},
      {"- is an operand (standard input)", {"-", "--force"}, "- | force=1"},
      {"-- ends the options",
       {"--force", "--", "--format", "-j4", "-"},
       "--format -j4 - | force=1"},
      {"a value may start with a dash", {"--include", "-x*"}, "| include=-x*"},
      {"an empty value after =", {"--include="}, "| include="},
      {"repeatable keeps every value in order",
       {"--include", "*.pdf", "--include=*.txt"},
       "| include=*.pdf include=*.txt"},
      {"an optional value left out", {"--retry", "a"}, "a | retry="},
      {"an optional value attached",
       {"--retry=timeout", "a"},
       "a | retry=timeout"},
      {"common options", {"-q", "--help"}, "| quiet=1"},
      {"common option --quiet", {"--quiet"}, "| quiet=1"},
      {"unknown long option",
       {"--formt", "json"},
       "error: unknown option --formt (did you mean --format?)"},
      {"unknown option with a value",
       {"--fromat=json"},
       "error: unknown option --fromat (did you mean --format?)"},
      {"unknown option far from all",
       {"--zzzzzz"},
       "error: unknown option --zzzzzz"},
      {"unknown short option", {"-x"}, "error: unknown option -x"},
      {"a flag given a value",
       {"--force=yes"},
       "error: --force takes no value"},
      {"a missing value",
       {"--format"},
       "error: --format needs a value (FORMAT)"},
      {"a value outside the choices",
       {"--format=jsno"},
       "error: --format must be one of json|text, not 'jsno' (did you mean "
       "json?)"},
      {"not a positive number",
       {"-j", "0"},
       "error: -j must be a positive whole number (N), not '0'"},
      {"not a number",
       {"--jobs=two"},
       "error: --jobs must be a positive whole number (N), not 'two'"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Parse(c.args), c.expected) << c.name;
  }
}

TEST(OptionsTest, GetReturnsTheLastValueThenTheDefault) {
  Result<ParsedArgs> none = ParseArgs(kSample, {});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->Get("format"), "json");
  EXPECT_FALSE(none->Has("format"));
  EXPECT_EQ(none->Get("jobs"), "");
  Result<ParsedArgs> twice =
      ParseArgs(kSample, {"--format=text", "--format", "json", "-j", "7"});
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->Get("format"), "json");
  EXPECT_EQ(twice->GetInt("jobs"), 7);
}

TEST(OptionsTest, EveryOptionOfEveryCommandTakesBothValueForms) {
  for (const Command* c : AllCommands()) {
    for (const OptionSpec& o : c->options) {
      std::string name = std::string("--") + o.name;
      if (o.value == nullptr) {
        Result<ParsedArgs> p = ParseArgs(c->options, {name});
        ASSERT_TRUE(p.ok()) << c->name << " " << name;
        EXPECT_TRUE(p->Has(o.name)) << c->name << " " << name;
        continue;
      }
      std::string value = o.type == ValueType::kInteger ? "3"
                          : o.choices != nullptr
                              ? std::string(o.choices).substr(
                                    0, std::string(o.choices).find('|'))
                              : "some-value";
      Result<ParsedArgs> eq = ParseArgs(c->options, {name + "=" + value});
      if (o.optional_value) {
        // Only the attached form; alone, the option takes no value.
        ASSERT_TRUE(eq.ok()) << c->name << " " << name;
        EXPECT_EQ(eq->Get(o.name), value) << c->name << " " << name;
        Result<ParsedArgs> alone = ParseArgs(c->options, {name, value});
        ASSERT_TRUE(alone.ok()) << c->name << " " << name;
        EXPECT_EQ(alone->Get(o.name), "") << c->name << " " << name;
        EXPECT_EQ(alone->operands(), std::vector<std::string>{value})
            << c->name << " " << name;
        continue;
      }
      Result<ParsedArgs> sp = ParseArgs(c->options, {name, value});
      ASSERT_TRUE(eq.ok()) << c->name << " " << name << ": "
                           << eq.status().message();
      ASSERT_TRUE(sp.ok()) << c->name << " " << name;
      EXPECT_EQ(eq->Get(o.name), value) << c->name << " " << name;
      EXPECT_EQ(sp->Get(o.name), value) << c->name << " " << name;
      EXPECT_TRUE(sp->operands().empty()) << c->name << " " << name;
    }
  }
}

TEST(OptionsTest, EveryCommandDeclaresItsOptionsOnce) {
  for (const Command* c : AllCommands()) {
    std::vector<std::string> seen;
    std::vector<char> shorts;
    for (std::span<const OptionSpec> list : {c->options, CommonOptions()}) {
      for (const OptionSpec& o : list) {
        EXPECT_EQ(std::count(seen.begin(), seen.end(), o.name), 0)
            << c->name << " --" << o.name;
        seen.push_back(o.name);
        if (o.short_name != 0) {
          EXPECT_EQ(std::count(shorts.begin(), shorts.end(), o.short_name), 0)
              << c->name << " -" << o.short_name;
          shorts.push_back(o.short_name);
        }
        EXPECT_NE(std::string(o.help), "") << c->name << " --" << o.name;
      }
    }
  }
}

TEST(OptionsTest, HelpListsEachOptionWithChoicesAndDefault) {
  std::string help = OptionsHelp(kSample);
  EXPECT_NE(
      help.find("      --format json|text  output format (default: json)"),
      std::string::npos)
      << help;
  EXPECT_NE(help.find("  -j, --jobs N"), std::string::npos) << help;
  EXPECT_NE(help.find("take (repeatable)"), std::string::npos) << help;
  EXPECT_NE(help.find("      --retry[=KIND]"), std::string::npos) << help;
  EXPECT_NE(help.find("  -h, --help"), std::string::npos) << help;
  EXPECT_NE(help.find("  -q, --quiet"), std::string::npos) << help;
  for (size_t start = 0; start < help.size();) {
    size_t end = help.find('\n', start);
    EXPECT_LE(end - start, 79u) << help.substr(start, end - start);
    start = end + 1;
  }
}

TEST(OptionsTest, EditDistanceCountsTranspositionsAsOne) {
  struct Case {
    const char* a;
    const char* b;
    size_t distance;
  };
  const Case kCases[] = {
      {"", "", 0},
      {"check", "check", 0},
      {"chekc", "check", 1},
      {"chck", "check", 1},
      {"checks", "check", 1},
      {"", "abc", 3},
      {"batch", "match", 1},
      {"export", "extract", 4},
      {"--fail_on", "--fail-on", 1},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(EditDistance(c.a, c.b), c.distance) << c.a << " / " << c.b;
    EXPECT_EQ(EditDistance(c.b, c.a), c.distance) << c.b << " / " << c.a;
  }
}

TEST(OptionsTest, ClosestMatchSuggestsOnlyLikelyMisspellings) {
  const std::vector<std::string> commands = {"extract", "check",  "batch",
                                             "export",  "schema", "rules"};
  struct Case {
    const char* word;
    const char* expected;
  };
  const Case kCases[] = {
      {"chekc", "check"},
      {"extarct", "extract"},
      {"exprot", "export"},
      {"rule", "rules"},
      {"shema", "schema"},
      {"bach", "batch"},
      {"compare", ""},
      {"x", ""},
      {"", ""},
      {"ex", ""},         // a prefix of two commands: ambiguous
      {"sch", "schema"},  // a prefix of one
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(ClosestMatch(c.word, commands), c.expected) << c.word;
  }
}

}  // namespace
}  // namespace budgetdoc
