// Cross-document results in the batch database (output/cross_store.h):
// computed after a batch run, rerun only for the region of a document that
// arrives later, exported like the other tables.
#include "cli/batch.h"
#include "cli/cli.h"
#include "output/cross_store.h"
#include "output/sqlite_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

namespace fs = std::filesystem;

const std::string kSet = BUDGETDOC_SOURCE_DIR "/samples/crossdoc/";

class BatchCrossTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "bdcross.XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    db_ = (dir_ / "batch.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Batch(const std::vector<std::string>& files) {
    BatchOptions o;
    o.db_path = db_;
    o.jobs = 2;
    o.progress = ProgressMode::kNone;
    o.tool_version = "test";
    o.worker.timeout_sec = 60;
    for (const std::string& f : files) o.paths.push_back(kSet + f);
    std::ostringstream err;
    Result<BatchSummary> s = RunBatch(o, err);
    ASSERT_TRUE(s.ok()) << s.status().ToString() << err.str();
    EXPECT_EQ(s->failed, 0u) << err.str();
  }

  std::string One(const std::string& sql) {
    auto store = SqliteStore::Open(db_);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return "";
    Result<std::vector<Row>> rows = (*store)->Execute(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    if (!rows.ok() || rows->empty() || (*rows)[0].empty()) return "<none>";
    return (*rows)[0][0].value_or("NULL");
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(BatchCrossTest, ADepartmentAndItsUnitsAreCheckedAfterTheRun) {
  Batch({"units_planted_three_dept.txt", "units_planted_three_unit_own.txt",
         "units_planted_three_unit_info.txt",
         "units_planted_three_unit_service.txt"});
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings WHERE rule = "
                "'cross.unit.sum' AND outcome = 'fail' AND subject = "
                "'gpb.expenditure.by_func|2210201|gpb'"),
            "1");
  // Both documents' ids and paths, and the evidence of all four.
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings c JOIN documents d ON "
                "d.doc_id = c.doc_id WHERE d.path LIKE '%three_dept.txt' AND "
                "c.other_path LIKE '%three_unit_%'"),
            One("SELECT count(*) FROM cross_findings WHERE link = 'units'"));
  EXPECT_EQ(One("SELECT json_array_length(evidence) FROM cross_findings WHERE "
                "rule = 'cross.unit.sum' AND outcome = 'fail' LIMIT 1"),
            "4");
}

TEST_F(BatchCrossTest, ALaterYearArrivingIsComparedWithTheStoredOne) {
  Batch({"years_planted_2022_budget.txt"});
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings"), "0");
  Batch({"years_planted_2023_budget.txt"});
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings WHERE outcome = 'fail' "
                "AND path LIKE '%2023_budget.txt' AND other_path LIKE "
                "'%2022_budget.txt'"),
            "6");
  // Unchanged inputs: nothing recomputed, nothing lost.
  Batch({"years_planted_2022_budget.txt", "years_planted_2023_budget.txt"});
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings WHERE outcome = 'fail'"),
            "6");
  // Export, like the other tables.
  std::ostringstream out, err;
  int code = RunCli(
      {"export", "--db", db_, "--table", "cross_findings", "--format", "jsonl"},
      out, err);
  EXPECT_EQ(code, 0) << err.str();
  std::string text = out.str();
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')),
            static_cast<size_t>(
                std::stoul(One("SELECT count(*) FROM cross_findings"))));
  EXPECT_NE(text.find("\"rule\":\"cross.year.prior_budget\""),
            std::string::npos);
}

TEST_F(BatchCrossTest, ACleanSetGivesNoFailures) {
  Batch({"units_clean_one_dept.txt", "units_clean_one_unit_own.txt",
         "years_clean_2022_budget.txt", "years_clean_2023_budget.txt",
         "years_clean_2024_budget.txt"});
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings WHERE outcome IN "
                "('fail', 'rounding')"),
            "0");
  EXPECT_NE(One("SELECT count(*) FROM cross_findings WHERE outcome = 'pass'"),
            "0");
}

}  // namespace
}  // namespace budgetdoc
