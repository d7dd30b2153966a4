// The command line in-process: help, usage errors and exit codes, the
// conventions every command shares (--x=y, --, - for standard input,
// "did you mean"), and JSON vs JSON Lines for one or several documents.
#include "cli/cli.h"

#include "base/json.h"
#include "cli/command.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace budgetdoc {
namespace {

struct CliRun {
  int code;
  std::string out, err;
};

CliRun Cli(std::vector<std::string> args) {
  std::ostringstream out, err;
  int code = RunCli(args, out, err);
  return {code, out.str(), err.str()};
}

// The same with `input` as standard input.
CliRun CliWithStdin(std::vector<std::string> args, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  CliEnv env;
  env.in = &in;
  env.out = &out;
  env.err = &err;
  int code = RunCli(args, env);
  return {code, out.str(), err.str()};
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

const std::string kText = "samples/text_report/input.txt";
const std::string kDocx = "samples/docx_report/input.docx";

TEST(CliTest, VersionAndHelpExitZero) {
  CliRun v = Cli({"--version"});
  EXPECT_EQ(v.code, 0);
  EXPECT_NE(v.out.find("budgetdoc "), std::string::npos);
  EXPECT_NE(v.out.find("schema"), std::string::npos);
  CliRun h = Cli({"--help"});
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("\n  extract   read reports"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitTwoAndSayWhatIsWrong) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const Case kCases[] = {
      {{}, "no command given"},
      {{"frobnicate"}, "unknown command 'frobnicate'\n"},
      {{"chekc", "a.pdf"}, "unknown command 'chekc' (did you mean 'check'?)"},
      {{"exprot"}, "(did you mean 'export'?)"},
      {{"-q", "check", "a.pdf"}, "options come after the command"},
      {{"help", "extarct"}, "(did you mean 'extract'?)"},
      {{"extract"}, "budgetdoc extract: missing FILE..."},
      {{"extract", "a", "--format", "xml"},
       "--format must be one of json|text, not 'xml'"},
      {{"check", "a", "--fail_on", "never"},
       "unknown option --fail_on (did you mean --fail-on?)"},
      {{"check", "a", "--lagn=en"}, "(did you mean --lang?)"},
      {{"batch", "in", "--exlude", "*.md"}, "(did you mean --exclude?)"},
      {{"export", "--no-bmo"}, "(did you mean --no-bom?)"},
      {{"schema", "extra"}, "unexpected operand 'extra'"},
      {{"rules", "--markdown=yes"}, "--markdown takes no value"},
      {{"check", "-", "-"}, "standard input (-) can be named only once"},
      {{"check", "a", "--timeout", "soon"}, "--timeout"},
      {{"extract", "a", "--max-memory=-1"}, "--max-memory"},
  };
  for (const Case& c : kCases) {
    CliRun r = Cli(c.args);
    std::string name = c.args.empty() ? "(none)" : c.args[0];
    EXPECT_EQ(r.code, 2) << name;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << name << "\n"
                                                        << r.err;
    EXPECT_EQ(r.out, "") << name;
  }
}

TEST(CliTest, EveryCommandPrintsItsHelpAndExitsZero) {
  for (const Command* c : AllCommands()) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{c->name, "--help"},
          std::vector<std::string>{c->name, "-h"},
          std::vector<std::string>{"help", c->name},
          std::vector<std::string>{c->name, "--bogus-before", "--help"}}) {
      CliRun r = Cli(args);
      if (args[1] == "--bogus-before") {
        EXPECT_EQ(r.code, 2) << c->name << ": a bad option is reported first";
        continue;
      }
      EXPECT_EQ(r.code, 0) << c->name;
      EXPECT_EQ(r.out.rfind(std::string("usage: budgetdoc ") + c->name, 0), 0u)
          << r.out;
      for (const OptionSpec& o : c->options) {
        EXPECT_NE(r.out.find(std::string("--") + o.name), std::string::npos)
            << c->name << " --" << o.name;
      }
      EXPECT_NE(r.out.find("--quiet"), std::string::npos) << c->name;
      EXPECT_EQ(r.err, "");
    }
    EXPECT_NE(Cli({"--help"}).out.find(std::string("  ") + c->name + " "),
              std::string::npos)
        << c->name << " is missing from the overview";
  }
}

TEST(CliTest, DoubleDashEndsOptionsSoAFileMayStartWithADash) {
  CliRun r = Cli({"extract", "--", "--format"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("budgetdoc: --format: No such file"), std::string::npos)
      << r.err;
}

TEST(CliTest, DashReadsStandardInputNamedStdin) {
  std::string path = testing::SourcePath(kText);
  std::string bytes = ReadBytes(path);
  CliRun from_file = Cli({"extract", path});
  CliRun from_stdin = CliWithStdin({"extract", "-"}, bytes);
  ASSERT_EQ(from_stdin.code, 0) << from_stdin.err;
  Result<Json> a = Json::Parse(from_file.out);
  Result<Json> b = Json::Parse(from_stdin.out);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->Find("source")->text(), "<stdin>");
  // The same facts, their provenance naming <stdin>.
  std::string facts = a->Find("facts")->Dump();
  std::string from = "\"source\":\"" + path + "\"";
  for (size_t at; (at = facts.find(from)) != std::string::npos;) {
    facts.replace(at, from.size(), "\"source\":\"<stdin>\"");
  }
  EXPECT_TRUE(facts == b->Find("facts")->Dump());

  CliRun check = CliWithStdin({"check", "--lang=en", "-"}, bytes);
  EXPECT_EQ(check.code, 1) << check.err;  // the sample's planted error
  EXPECT_NE(check.out.find("material (1)"), std::string::npos) << check.out;

  CliRun empty = CliWithStdin({"check", "-"}, "");
  EXPECT_EQ(empty.code, 2);
  EXPECT_NE(empty.err.find("<stdin>: file is empty"), std::string::npos)
      << empty.err;
  CliRun none = Cli({"extract", "-"});  // no standard input at all
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("<stdin>"), std::string::npos) << none.err;
}

TEST(CliTest, SeveralDocumentsWithJsonPrintJsonLinesWithErrorLines) {
  std::string text = testing::SourcePath(kText);
  std::string docx = testing::SourcePath(kDocx);
  for (const char* command : {"extract", "check"}) {
    CliRun r = CliWithStdin(
        {command, text, "/nonexistent/a.pdf", "-", docx, "--format=json"},
        ReadBytes(docx));
    EXPECT_EQ(r.code, 2) << command << ": a FILE could not be read";
    std::vector<std::string> lines = Lines(r.out);
    ASSERT_EQ(lines.size(), 4u) << command << "\n" << r.out;
    std::vector<std::string> sources;
    for (const std::string& line : lines) {
      Result<Json> j = Json::Parse(line);
      ASSERT_TRUE(j.ok()) << command << ": " << line.substr(0, 200);
      ASSERT_EQ(j->type(), Json::Type::kObject);
      sources.push_back(j->Find("source")->text());
      EXPECT_NE(j->Find("schema_version"), nullptr);
    }
    EXPECT_EQ(sources, (std::vector<std::string>{text, "/nonexistent/a.pdf",
                                                 "<stdin>", docx}))
        << command;
    Result<Json> failed = Json::Parse(lines[1]);
    EXPECT_EQ(failed->Find("error_kind")->text(), "io_error");
    EXPECT_NE(failed->Find("error")->text().find("No such file"),
              std::string::npos);
    EXPECT_EQ(failed->Find("facts"), nullptr);
    EXPECT_NE(Json::Parse(lines[3])->Find("facts"), nullptr);
    EXPECT_NE(r.err.find("budgetdoc: /nonexistent/a.pdf: No such file"),
              std::string::npos)
        << r.err;
    // The same documents one at a time print the same objects, indented.
    CliRun one = Cli({command, docx, "--format", "json"});
    EXPECT_EQ(Json::Parse(one.out)->Dump(), lines[3]) << command;
    EXPECT_NE(one.out.find("\n "), std::string::npos) << "indented";
  }
}

TEST(CliTest, SeveralDocumentsAsTextAreHeadedByTheirNames) {
  std::string text = testing::SourcePath(kText);
  std::string docx = testing::SourcePath(kDocx);
  CliRun r = Cli({"extract", "--format=text", text, docx});
  ASSERT_EQ(r.code, 0) << r.err;
  size_t first = r.out.find("==> " + text + " <==\n");
  size_t second = r.out.find("==> " + docx + " <==\n");
  EXPECT_EQ(first, 0u);
  ASSERT_NE(second, std::string::npos);
  EXPECT_GT(second, first);
  // One FILE: the dumps alone, as before.
  EXPECT_EQ(Cli({"extract", "--format=text", text}).out.find("==> "),
            std::string::npos);
}

TEST(CliTest, QuietIsAcceptedByEveryCommand) {
  std::string path = testing::SourcePath(kText);
  EXPECT_EQ(Cli({"check", "-q", path, "--fail-on", "never"}).code, 0);
  EXPECT_EQ(Cli({"extract", "--quiet", path}).err, "");
  EXPECT_EQ(Cli({"rules", "--quiet"}).code, 0);
  EXPECT_EQ(Cli({"schema", "-q"}).code, 0);
}

TEST(CliTest, MissingFileExitsTwoNamingTheFile) {
  CliRun r = Cli({"extract", "/nonexistent/report.pdf"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/nonexistent/report.pdf"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(CliTest, ExtractJsonIsDeterministicAndVersioned) {
  std::string path = testing::SourcePath("samples/text_report/input.txt");
  CliRun a = Cli({"extract", path});
  CliRun b = Cli({"extract", path, "--format=json"});
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  Result<Json> j = Json::Parse(a.out);
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  ASSERT_NE(j->Find("schema_version"), nullptr);
  ASSERT_NE(j->Find("facts"), nullptr);
  EXPECT_FALSE(j->Find("facts")->array().empty());
  const Json* doc = j->Find("document");
  ASSERT_NE(doc, nullptr);
  ASSERT_NE(doc->Find("mentions"), nullptr);
  EXPECT_FALSE(doc->Find("mentions")->array().empty());
  EXPECT_FALSE(doc->Find("sections")->array().empty());
}

TEST(CliTest, CheckExitCodesFollowFailOn) {
  std::string path = testing::SourcePath("samples/text_report/input.txt");
  // The sample prints one amount without its unit: an error.
  EXPECT_EQ(Cli({"check", path}).code, 1);
  EXPECT_EQ(Cli({"check", path, "--fail-on", "never"}).code, 0);
  EXPECT_EQ(Cli({"check", path, "/nonexistent.pdf"}).code, 2);
  CliRun json = Cli({"check", path, "--format", "json"});
  Result<Json> j = Json::Parse(json.out);
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  ASSERT_NE(j->Find("checks"), nullptr);
  EXPECT_NE(json.out.find("presentation.missing_unit"), std::string::npos);
}

TEST(CliTest, CheckTextNamesTheReportThenFindings) {
  CliRun r =
      Cli({"check", testing::SourcePath("samples/text_report/input.txt")});
  EXPECT_NE(r.out.find("年度：2024"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("结论：实质性问题"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("轻微问题 (1)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("原文："), std::string::npos);
  CliRun en =
      Cli({"check", testing::SourcePath("samples/text_report/input.txt"),
           "--lang", "en"});
  EXPECT_NE(en.out.find("summary: "), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("minor (1)"), std::string::npos) << en.out;
}

TEST(CliTest, CheckTextListsOneFindingPerDefectAndCountsPrintedRates) {
  CliRun r =
      Cli({"check", testing::SourcePath("samples/demo_report/input.txt")});
  // The demo prints 18 percentages (counted in the file), all judged.
  EXPECT_NE(r.out.find("正文百分比：共18个，已核对18个"), std::string::npos)
      << r.out;
  // 65.52% is truncated and breaks the sum of the two shares: one finding
  // naming the figure, the sum listed under it.
  EXPECT_NE(r.out.find("以下2项核对不符可由同一数字解释：项目支出 65.52%"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("同一数字另致：[share.sum_100]"), std::string::npos);
  // Material findings come before minor ones.
  EXPECT_LT(r.out.find("实质性问题 ("), r.out.find("轻微问题 ("));
}

TEST(CliTest, SchemaAndRulesCommands) {
  CliRun s = Cli({"schema"});
  EXPECT_EQ(s.code, 0);
  EXPECT_TRUE(Json::Parse(s.out).ok());
  CliRun r = Cli({"rules"});
  EXPECT_NE(r.out.find("sum.expenditure.basic_project"), std::string::npos);
}

TEST(CliTest, ExtractAndCheckTakeTimeoutAndMemoryLimitsWithZeroForNone) {
  std::string path = testing::SourcePath(kText);
  CliRun plain = Cli({"extract", path});
  ASSERT_EQ(plain.code, 0) << plain.err;
  CliRun limited =
      Cli({"extract", path, "--timeout", "0", "--max-memory", "0"});
  EXPECT_EQ(limited.code, 0) << limited.err;
  EXPECT_EQ(limited.out, plain.out);
  CliRun check = Cli({"check", path, "--timeout=60", "--max-memory=4096",
                      "--fail-on", "never"});
  EXPECT_EQ(check.code, 0) << check.err;
  EXPECT_NE(check.out.find(path), std::string::npos) << check.out;
}

TEST(CliTest, ExtractTextPrintsTheDumps) {
  CliRun r =
      Cli({"extract", testing::SourcePath("samples/text_report/input.txt"),
           "--format", "text"});
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("sections:"), std::string::npos);
  EXPECT_NE(r.out.find("mentions:"), std::string::npos);
}

}  // namespace
}  // namespace budgetdoc
