// Cross-document work in a batch: reports in several files stored as one
// (cli/batch_bundles.h), and cross-document results in the batch database
// (output/cross_store.h) computed after a run, rerun only for the region of
// a document that arrives later, exported like the other tables.
#include "cli/batch.h"
#include "cli/batch_bundles.h"
#include "cli/cli.h"
#include "output/cross_store.h"
#include "output/sqlite_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
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

  void Batch(const std::vector<std::string>& files,
             const std::string& manifest = "") {
    BatchOptions o;
    o.manifest_path = manifest;
    o.db_path = db_;
    o.jobs = 2;
    o.progress = ProgressMode::kNone;
    o.tool_version = "test";
    o.worker.timeout_sec = 60;
    for (const std::string& f : files) {
      o.paths.push_back(f.find('/') == std::string::npos ? kSet + f : f);
    }
    std::ostringstream err;
    Result<BatchSummary> s = RunBatch(o, err);
    ASSERT_TRUE(s.ok()) << s.status().ToString() << err.str();
    EXPECT_EQ(s->failed, 0u) << err.str();
  }

  std::string One(const std::string& sql) {
    auto store = OpenSqliteStore(db_);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return "";
    Result<std::vector<Row>> rows = (*store)->Execute(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    if (!rows.ok() || rows->empty() || (*rows)[0].empty()) return "<none>";
    return (*rows)[0][0].value_or("NULL");
  }

  // The generated report c01 cut into its narrative and its tables.
  std::pair<std::string, std::string> Halves() {
    std::ifstream in(BUDGETDOC_SOURCE_DIR
                     "/samples/generated/c01_final_education.txt");
    std::string text((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    size_t cut = text.find("第四部分 附表\n");
    EXPECT_NE(cut, std::string::npos);
    std::string a = (dir_ / "edu_text.txt").string();
    std::string b = (dir_ / "edu_tables.txt").string();
    std::ofstream(a) << text.substr(0, cut);
    std::ofstream(b) << "巴中市巴州区教育局2016年度部门决算公开报表\n\n"
                     << text.substr(cut);
    return {a, b};
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(BatchCrossTest,
       TheNarrativeAndTheTablesOfOneReportArePairedByThemselves) {
  auto [text, tables] = Halves();
  Batch({tables, text});
  EXPECT_EQ(One("SELECT path FROM documents WHERE format = 'bundle'"),
            text + " + " + tables);
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE report_id = (SELECT "
                "report_id FROM documents WHERE format = 'bundle')"),
            "3");
  // One report: narrative facts and table facts, no tables missing.
  EXPECT_EQ(One("SELECT missing_tables FROM documents WHERE format = "
                "'bundle'"),
            "[]");
  EXPECT_EQ(One("SELECT fact_count = (SELECT sum(fact_count) FROM documents "
                "WHERE format != 'bundle') FROM documents WHERE format = "
                "'bundle'"),
            "1");
  // Exported with the documents, its facts under the bundle's path.
  for (const char* table : {"documents", "facts"}) {
    std::ostringstream out, err;
    ASSERT_EQ(
        RunCli({"export", "--db", db_, "--table", table, "--no-bom"}, out, err),
        0)
        << err.str();
    EXPECT_NE(out.str().find("\r\n" + text + " + " + tables + ","),
              std::string::npos)
        << table;
  }
  // Nothing changed: the bundle is not analyzed again.
  std::string run = One("SELECT run_id FROM documents WHERE format = 'bundle'");
  Batch({tables, text});
  EXPECT_EQ(One("SELECT run_id FROM documents WHERE format = 'bundle'"), run);
}

TEST_F(BatchCrossTest, AManifestReportIdGroupsTheFilesOfOneReport) {
  auto [text, tables] = Halves();
  std::string manifest = (dir_ / "m.csv").string();
  std::ofstream(manifest) << "path,report_id\n"
                          << text << ",edu-2016\n"
                          << tables << ",edu-2016\n";
  Batch({}, manifest);
  EXPECT_EQ(One("SELECT report_id || ' ' || status FROM documents WHERE "
                "format = 'bundle'"),
            "edu-2016 ok");
}

TEST_F(BatchCrossTest, APdfNarrativeAndItsTablesPdfAreCheckedAsOneReport) {
  // samples/crosspairs: a narrative PDF whose figures contradict the tables
  // of the other PDF (scripts/gen/build_pairs.py).
  const std::string pairs = BUDGETDOC_SOURCE_DIR "/samples/crosspairs/";
  const std::string text = pairs + "pair2_budget_planted_text.pdf";
  const std::string tables = pairs + "pair2_budget_tables.pdf";
  Batch({text, tables});
  EXPECT_EQ(One("SELECT path FROM documents WHERE format = 'bundle'"),
            text + " + " + tables);
  EXPECT_NE(
      One("SELECT missing_tables FROM documents WHERE path = '" + text + "'"),
      "[]");
  EXPECT_EQ(One("SELECT missing_tables FROM documents WHERE format = "
                "'bundle'"),
            "[]");
  // Each of the four planted narrative figures against the other file's
  // tables (agree.text_table, or the identity it is grouped under): in the
  // bundle only, with both files in its evidence.
  const std::string cross =
      "SELECT count(*) FROM findings x JOIN documents d ON d.doc_id = "
      "x.doc_id WHERE x.outcome = 'material' AND x.evidence LIKE "
      "'%_text.pdf%' AND x.evidence LIKE '%_tables.pdf%' AND d.format ";
  EXPECT_EQ(One(cross + "= 'bundle'"), "4");
  EXPECT_EQ(One(cross + "!= 'bundle'"), "0");
}

TEST_F(BatchCrossTest, ABundleWhoseFilesNoLongerFormOneReportIsSetAside) {
  auto [text, tables] = Halves();
  std::string manifest = (dir_ / "m.csv").string();
  std::ofstream(manifest) << "path,report_id\n"
                          << text << ",edu-2016\n"
                          << tables << ",edu-2016\n";
  Batch({}, manifest);
  std::ofstream(manifest) << "path,report_id\n"
                          << text << ",edu-2016-text\n"
                          << tables << ",edu-2016\n";
  Batch({}, manifest);
  EXPECT_EQ(One("SELECT status || ' ' || error_kind FROM documents WHERE "
                "format = 'bundle'"),
            "failed bundle");
}

TEST_F(BatchCrossTest, ADepartmentAndItsUnitsAreCheckedAfterTheRun) {
  Batch({"units_planted_three_dept.txt", "units_planted_three_unit_own.txt",
         "units_planted_three_unit_info.txt",
         "units_planted_three_unit_service.txt"});
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings WHERE rule = "
                "'cross.unit.sum' AND outcome = 'material' AND subject = "
                "'gpb.expenditure.by_func|2210201|gpb'"),
            "1");
  // Both documents' ids and paths, and the evidence of all four.
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings c JOIN documents d ON "
                "d.doc_id = c.doc_id WHERE d.path LIKE '%three_dept.txt' AND "
                "c.other_path LIKE '%three_unit_%'"),
            One("SELECT count(*) FROM cross_findings WHERE link = 'units'"));
  EXPECT_EQ(One("SELECT json_array_length(evidence) FROM cross_findings WHERE "
                "rule = 'cross.unit.sum' AND outcome = 'material' LIMIT 1"),
            "4");
}

TEST_F(BatchCrossTest, ABundleLeavesTheOtherDocumentsInTheChecksAcross) {
  auto [text, tables] = Halves();
  Batch({text, tables, "units_planted_three_dept.txt",
         "units_planted_three_unit_own.txt",
         "units_planted_three_unit_info.txt",
         "units_planted_three_unit_service.txt"});
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE format = 'bundle'"), "1");
  // The department and its units have no report_id: still compared.
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings WHERE rule = "
                "'cross.unit.sum' AND outcome = 'material' AND subject = "
                "'gpb.expenditure.by_func|2210201|gpb'"),
            "1");
}

TEST_F(BatchCrossTest, ALaterYearArrivingIsComparedWithTheStoredOne) {
  Batch({"years_planted_2022_budget.txt"});
  EXPECT_EQ(One("SELECT count(*) FROM cross_findings"), "0");
  Batch({"years_planted_2023_budget.txt"});
  EXPECT_EQ(
      One("SELECT count(*) FROM cross_findings WHERE outcome = 'material' "
          "AND path LIKE '%2023_budget.txt' AND other_path LIKE "
          "'%2022_budget.txt'"),
      "6");
  // Unchanged inputs: nothing recomputed, nothing lost.
  Batch({"years_planted_2022_budget.txt", "years_planted_2023_budget.txt"});
  EXPECT_EQ(
      One("SELECT count(*) FROM cross_findings WHERE outcome = 'material'"),
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
                "('material', 'minor')"),
            "0");
  EXPECT_NE(One("SELECT count(*) FROM cross_findings WHERE outcome = 'pass'"),
            "0");
}

}  // namespace
}  // namespace budgetdoc
