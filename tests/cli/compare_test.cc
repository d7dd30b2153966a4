// Tests `budgetdoc compare` (cli/compare.{h,cc}, output/cross_findings.h) on
// the committed cross-document sets of samples/crossdoc.
#include "base/json.h"
#include "cli/cli.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

const std::string kDir = BUDGETDOC_SOURCE_DIR "/samples/crossdoc/";

struct CompareRun {
  int code;
  std::string out, err;
};

CompareRun Compare(std::vector<std::string> args) {
  args.insert(args.begin(), "compare");
  std::ostringstream out, err;
  int code = RunCli(args, out, err);
  return {code, out.str(), err.str()};
}

std::vector<std::string> Years(const std::string& tag) {
  std::vector<std::string> out;
  for (int y : {2022, 2023, 2024}) {
    out.push_back(kDir + "years_" + tag + "_" + std::to_string(y) +
                  "_budget.txt");
  }
  return out;
}

TEST(CompareTest, CleanYearsOfOneBodyCompareWithoutFindings) {
  CompareRun r = Compare(Years("clean"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("实质性问题 (0)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("轻微问题 (0)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("通过："), std::string::npos);
}

TEST(CompareTest, APlantedLastYearFigureFailsAndCitesBothReports) {
  std::vector<std::string> args = Years("planted");
  args.push_back("--format");
  args.push_back("json");
  CompareRun r = Compare(args);
  EXPECT_EQ(r.code, 1) << r.err;
  Result<Json> j = Json::Parse(r.out);
  ASSERT_TRUE(j.ok()) << j.status().message();
  const Json* results = j->Find("results");
  ASSERT_NE(results, nullptr);
  bool found = false;
  for (const Json& res : results->array()) {
    const Json* subject = res.Find("subject");
    if (res.Find("outcome")->text() != "material" || subject == nullptr ||
        subject->text() != "gpb.expenditure.by_func|2010301|gpb") {
      continue;
    }
    found = true;
    const Json* docs = res.Find("documents");
    ASSERT_EQ(docs->array().size(), 2u);
    EXPECT_NE(docs->array()[0].text().find("2023"), std::string::npos);
    EXPECT_NE(docs->array()[1].text().find("2022"), std::string::npos);
    EXPECT_EQ(res.Find("evidence")->array().size(), 2u);
  }
  EXPECT_TRUE(found) << r.out.substr(0, 2000);
}

TEST(CompareTest, UsageAndUnreadableFilesExitTwo) {
  EXPECT_EQ(Compare({kDir + "years_clean_2022_budget.txt"}).code, 2);
  EXPECT_EQ(Compare({kDir + "years_clean_2022_budget.txt", "--format", "xml",
                     kDir + "years_clean_2023_budget.txt"})
                .code,
            2);
  CompareRun r =
      Compare({kDir + "years_clean_2022_budget.txt", "/nonexistent.pdf"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/nonexistent.pdf"), std::string::npos);
}

TEST(CompareTest, ReportsWithoutALinkSaySo) {
  CompareRun r = Compare({kDir + "years_clean_2022_budget.txt",
                          kDir + "units_clean_one_dept.txt", "--lang", "en"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("no two documents are linked"), std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace budgetdoc
