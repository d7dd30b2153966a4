#include "cli/cli.h"

#include "base/json.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

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

TEST(CliTest, VersionAndHelpExitZero) {
  CliRun v = Cli({"--version"});
  EXPECT_EQ(v.code, 0);
  EXPECT_NE(v.out.find("budgetdoc "), std::string::npos);
  EXPECT_NE(v.out.find("schema"), std::string::npos);
  CliRun h = Cli({"--help"});
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("extract FILE"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Cli({}).code, 2);
  EXPECT_EQ(Cli({"frobnicate"}).code, 2);
  EXPECT_EQ(Cli({"extract"}).code, 2);
  EXPECT_EQ(Cli({"extract", "a", "--format", "xml"}).code, 2);
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

TEST(CliTest, SchemaAndRulesCommands) {
  CliRun s = Cli({"schema"});
  EXPECT_EQ(s.code, 0);
  EXPECT_TRUE(Json::Parse(s.out).ok());
  CliRun r = Cli({"rules"});
  EXPECT_NE(r.out.find("sum.expenditure.basic_project"), std::string::npos);
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
