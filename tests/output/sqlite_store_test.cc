// The batch database: layout and versioning, one transaction per document
// (replace, never duplicate), failures with reasons, incremental lookups and
// the export views.
#include "output/sqlite_store.h"

#include "output/schema_json.h"
#include "schema/version.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace budgetdoc {
namespace {

namespace fs = std::filesystem;

// A worker result built with the real serializers (FactToJson,
// ExtractionToJson, CheckReportToJson), so the store's column mapping is
// tested against what workers actually send.
Json WorkerResult(int fact_count, const std::string& entity = "某某局",
                  int year = 2023, const std::string& region = "511902") {
  NormalizedDocument nd;
  Extraction ex;
  ex.meta.entity_name = entity;
  ex.meta.region_code = region;
  ex.meta.region_name = "四川省巴中市巴州区";
  ex.meta.fiscal_year = year;
  ex.meta.kind = "final_accounts";
  for (int i = 0; i < fact_count; ++i) {
    Fact f;
    f.metric = i % 2 == 0 ? "expenditure.basic" : "income.total";
    f.value = *Decimal::Parse(std::to_string(100 + i) + ".50");
    f.printed = f.value;
    f.unit = "万元";
    f.year = year;
    f.label = "基本支出, \"引号\"";
    f.quote = "基本支出" + std::to_string(100 + i) + ".50万元。";
    f.where.page = 3;
    f.origin = i == 0 ? Origin::kTable : Origin::kNarrative;
    ex.facts.push_back(f);
  }
  RecognizedTable t;
  t.table = 0;
  t.canonical_id = "FA01";
  t.title = "收入支出决算总表";
  ex.tables.push_back(t);
  CheckReport report;
  CheckResult r;
  r.rule = "sum.basic.personnel_public";
  r.outcome = Outcome::kFail;
  r.verdict = Verdict::kMaterial;
  r.severity = Severity::kError;
  r.message = "基本支出与其各组成部分之和：不一致";
  r.printed = "105.58万元";
  r.expected = "105.59万元";
  r.tolerance = "0.015万元";
  Evidence e;
  e.label = "人员经费";
  e.value = "95.36万元";
  r.evidence.push_back(e);
  report.results.push_back(r);
  Json j = Json::MakeObject();
  j.Set("ok", Json::Bool(true));
  j.Set("format", Json::Str("text"));
  j.Set("title", Json::Str(entity + "2023年度部门决算"));
  j.Set("extraction", ExtractionToJson(nd, ex));
  j.Set("checks", CheckReportToJson(report));
  Json notes = Json::MakeArray();
  Json note = Json::MakeObject();
  note.Set("severity", Json::Str("warning"));
  note.Set("rule", Json::Str("extract.pdf.warning"));
  note.Set("message", Json::Str("page 2: unreadable"));
  note.Set("where", Json::MakeArray());
  notes.Push(note);
  j.Set("notes", notes);
  return j;
}

DocumentRecord OkRecord(const std::string& path, int facts,
                        const std::string& sha = "aa") {
  DocumentRecord d;
  d.path = path;
  d.sha256 = sha;
  d.size = 1234;
  d.format = "text";
  d.ok = true;
  d.tool_version = "1.0";
  d.schema_version = kSchemaVersion;
  d.processed_at = "2024-01-01T00:00:00Z";
  d.wall_ms = 12.5;
  d.peak_rss_kb = 2048;
  d.rows = StoreRowsFromResult(WorkerResult(facts));
  return d;
}

RunRecord TestRun() {
  RunRecord r;
  r.tool_version = "1.0";
  r.schema_version = kSchemaVersion;
  r.started_at = "2024-01-01T00:00:00Z";
  return r;
}

DocumentRecord FailedRecord(const std::string& path) {
  DocumentRecord d;
  d.path = path;
  d.ok = false;
  d.error = "worker crashed: signal 6 (Aborted)";
  d.error_kind = "crash";
  d.tool_version = "1.0";
  d.schema_version = kSchemaVersion;
  d.processed_at = "2024-01-01T00:00:00Z";
  return d;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> s = OpenSqliteStore(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    Result<int64_t> run = store_->BeginRun(Run());
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    run_ = *run;
  }

  static RunRecord Run() { return TestRun(); }

  std::string One(const std::string& sql) {
    Result<std::vector<Row>> rows = store_->Execute(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    if (!rows.ok() || rows->empty() || rows->at(0).empty()) return "<none>";
    return rows->at(0)[0].value_or("NULL");
  }

  void Write(const DocumentRecord& d) {
    Result<bool> s = store_->WriteDocument(run_, d);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_TRUE(*s);
  }

  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
};

// A directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("budgetdoc_store_test_" + std::to_string(getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

TEST_F(SqliteStoreTest, NewDatabaseRecordsLayoutAndSchemaVersionInMeta) {
  EXPECT_EQ(One("SELECT value FROM meta WHERE key = 'store_version'"),
            std::to_string(kStoreVersion));
  EXPECT_EQ(One("SELECT value FROM meta WHERE key = 'schema_version'"),
            kSchemaVersion);
  for (const char* table :
       {"documents", "facts", "findings", "notes", "report_tables", "runs",
        "run_inputs", "fact_rows", "finding_rows", "document_rows"}) {
    EXPECT_EQ(One(std::string("SELECT count(*) FROM sqlite_master WHERE "
                              "name = '") +
                  table + "'"),
              "1")
        << table;
  }
}

TEST_F(SqliteStoreTest, DocumentIsStoredWithMetadataFactsFindingsAndTables) {
  DocumentRecord d = OkRecord("a/report.txt", 3);
  d.source.report_id = "js-2019-party";
  d.source.year = 2019;
  Write(d);
  EXPECT_EQ(One("SELECT status FROM documents"), "ok");
  EXPECT_EQ(One("SELECT entity_name FROM documents"), "某某局");
  EXPECT_EQ(One("SELECT region_code FROM documents"), "511902");
  EXPECT_EQ(One("SELECT fiscal_year FROM documents"), "2023");
  EXPECT_EQ(One("SELECT title FROM documents"), "某某局2023年度部门决算");
  EXPECT_EQ(One("SELECT report_id FROM documents"), "js-2019-party");
  EXPECT_EQ(One("SELECT manifest_year FROM documents"), "2019");
  EXPECT_EQ(One("SELECT fact_count FROM documents"), "3");
  EXPECT_EQ(One("SELECT check_errors FROM documents"), "1");
  EXPECT_EQ(One("SELECT count(*) FROM facts"), "3");
  EXPECT_EQ(One("SELECT value FROM facts WHERE seq = 2"), "102.50");
  EXPECT_EQ(One("SELECT typeof(value_num) FROM facts WHERE seq = 2"), "real");
  EXPECT_EQ(One("SELECT page FROM facts WHERE seq = 0"), "3");
  EXPECT_EQ(One("SELECT origin FROM facts WHERE seq = 0"), "table");
  EXPECT_EQ(One("SELECT rule || ' ' || outcome || ' ' || severity FROM "
                "findings"),
            "sum.basic.personnel_public material error");
  EXPECT_EQ(One("SELECT printed || ' vs ' || expected FROM findings"),
            "105.58万元 vs 105.59万元");
  EXPECT_NE(One("SELECT evidence FROM findings").find("95.36万元"),
            std::string::npos);
  EXPECT_EQ(One("SELECT canonical_id FROM report_tables"), "FA01");
  EXPECT_EQ(One("SELECT rule FROM notes"), "extract.pdf.warning");
  EXPECT_EQ(One("SELECT outcome FROM run_inputs"), "ok");
}

TEST_F(SqliteStoreTest, RewritingAPathReplacesAllItsRowsWithoutDuplicates) {
  Write(OkRecord("a.txt", 5, "sha-old"));
  Write(OkRecord("b.txt", 2));
  Write(OkRecord("a.txt", 2, "sha-new"));
  EXPECT_EQ(One("SELECT count(*) FROM documents"), "2");
  EXPECT_EQ(One("SELECT sha256 FROM documents WHERE path = 'a.txt'"),
            "sha-new");
  EXPECT_EQ(One("SELECT count(*) FROM facts"), "4");
  EXPECT_EQ(One("SELECT count(*) FROM findings"), "2");
  EXPECT_EQ(One("SELECT count(*) FROM report_tables"), "2");
  EXPECT_EQ(One("SELECT count(*) FROM notes"), "2");
  // A document that now fails loses its old facts.
  Write(FailedRecord("a.txt"));
  EXPECT_EQ(One("SELECT count(*) FROM facts"), "2");
}

TEST_F(SqliteStoreTest, FailedDocumentKeepsItsReasonAndHasNoRows) {
  Write(FailedRecord("bad.pdf"));
  EXPECT_EQ(One("SELECT status || '|' || error_kind || '|' || error FROM "
                "documents"),
            "failed|crash|worker crashed: signal 6 (Aborted)");
  EXPECT_EQ(One("SELECT count(*) FROM facts"), "0");
  EXPECT_EQ(One("SELECT outcome || '|' || reason FROM run_inputs"),
            "failed|worker crashed: signal 6 (Aborted)");
  Result<std::optional<StoredDocument>> found = store_->Find("bad.pdf");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_FALSE((*found)->ok);
}

TEST_F(SqliteStoreTest, FindReturnsShaAndVersionsOfAKnownPathOnly) {
  Write(OkRecord("a.txt", 1, "abc123"));
  Result<std::optional<StoredDocument>> a = store_->Find("a.txt");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a->has_value());
  EXPECT_EQ((*a)->sha256, "abc123");
  EXPECT_EQ((*a)->tool_version, "1.0");
  EXPECT_EQ((*a)->schema_version, kSchemaVersion);
  EXPECT_TRUE((*a)->ok);
  Result<std::optional<StoredDocument>> none = store_->Find("other.txt");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_F(SqliteStoreTest, SkippedDocumentKeepsRowsAndTakesNewManifestMetadata) {
  Write(OkRecord("a.txt", 2));
  SourceMeta m;
  m.source_url = "https://example.gov.cn/a.pdf";
  m.year = 2021;
  ASSERT_TRUE(store_->RecordSkipped(run_, "a.txt", m).ok());
  EXPECT_EQ(One("SELECT count(*) FROM facts"), "2");
  EXPECT_EQ(One("SELECT source_url FROM documents"),
            "https://example.gov.cn/a.pdf");
  EXPECT_EQ(One("SELECT outcome FROM run_inputs"), "skipped");
}

TEST_F(SqliteStoreTest, ManifestMetadataSurvivesReprocessingWithoutManifest) {
  DocumentRecord d = OkRecord("a.txt", 1);
  d.source.report_id = "r1";
  d.source.extra["publisher"] = "财政局";
  Write(d);
  Write(OkRecord("a.txt", 1, "changed"));
  EXPECT_EQ(One("SELECT report_id FROM documents"), "r1");
  EXPECT_EQ(One("SELECT manifest FROM documents"),
            "{\"publisher\":\"财政局\",\"report_id\":\"r1\"}");
}

TEST_F(SqliteStoreTest, RunRecordsOptionsAndCounts) {
  RunCounts c;
  c.inputs = 3;
  c.ok = 1;
  c.failed = 1;
  c.skipped = 1;
  ASSERT_TRUE(store_->FinishRun(run_, c, "2024-01-01T00:01:00Z").ok());
  EXPECT_EQ(One("SELECT inputs || ok || failed || skipped FROM runs"), "3111");
  EXPECT_EQ(One("SELECT finished_at FROM runs"), "2024-01-01T00:01:00Z");
  EXPECT_EQ(One("SELECT schema_version FROM runs"), kSchemaVersion);
}

TEST_F(SqliteStoreTest, ExportRowsAreOrderedByPathThenPositionInDocument) {
  Write(OkRecord("b.txt", 2));
  Write(OkRecord("a.txt", 3));
  Write(FailedRecord("0-failed.txt"));
  std::vector<std::string> keys;
  const std::vector<ExportColumn>& cols = ExportColumns(ExportTable::kFacts);
  ASSERT_EQ(cols[0].name, "path");
  ASSERT_EQ(cols[7].name, "fact_seq");
  Status s = store_->ForEachExportRow(ExportTable::kFacts, [&](const Row& r) {
    EXPECT_EQ(r.size(), cols.size());
    keys.push_back(*r[0] + "#" + *r[7]);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(keys, (std::vector<std::string>{"a.txt#0", "a.txt#1", "a.txt#2",
                                            "b.txt#0", "b.txt#1"}));
  size_t documents = 0;
  ASSERT_TRUE(store_
                  ->ForEachExportRow(ExportTable::kDocuments,
                                     [&](const Row&) {
                                       ++documents;
                                       return Status::Ok();
                                     })
                  .ok());
  EXPECT_EQ(documents, 3u);
}

TEST_F(SqliteStoreTest, ExportFallsBackToManifestYearAndRegionCode) {
  DocumentRecord d = OkRecord("a.txt", 1);
  d.rows =
      StoreRowsFromResult(WorkerResult(1, "某局", /*year=*/0, /*region=*/""));
  d.source.year = 2019;
  d.source.region = "320000";
  Write(d);
  std::string region, year;
  ASSERT_TRUE(store_
                  ->ForEachExportRow(ExportTable::kFacts,
                                     [&](const Row& r) {
                                       region = r[3].value_or("NULL");
                                       year = r[5].value_or("NULL");
                                       return Status::Ok();
                                     })
                  .ok());
  EXPECT_EQ(region, "320000");
  EXPECT_EQ(year, "2019");
}

TEST(SqliteStoreFileTest, FileDatabaseUsesWriteAheadLog) {
  TempDir dir;
  Result<std::unique_ptr<Store>> s = OpenSqliteStore(dir.File("b.db"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  Result<std::vector<Row>> mode = (*s)->Execute("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  EXPECT_EQ(mode->at(0)[0].value_or(""), "wal");
}

TEST(SqliteStoreFileTest, RefusesDatabaseOfAnotherLayoutVersion) {
  TempDir dir;
  std::string path = dir.File("old.db");
  {
    auto s = OpenSqliteStore(path);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->Execute("UPDATE meta SET value = '99' WHERE key = "
                              "'store_version'")
                    .ok());
  }
  auto reopened = OpenSqliteStore(path);
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(reopened.status().message().find("layout version 99"),
            std::string::npos)
      << reopened.status().message();
  EXPECT_NE(reopened.status().message().find("newer budgetdoc"),
            std::string::npos);
}

TEST(SqliteStoreFileTest, RefusesSqliteDatabaseThatIsNotOurs) {
  TempDir dir;
  std::string path = dir.File("other.db");
  {
    auto s = OpenSqliteStore(path);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->Execute("DROP TABLE meta").ok());
  }
  auto reopened = OpenSqliteStore(path);
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.status().message().find("not a budgetdoc database"),
            std::string::npos)
      << reopened.status().message();
}

TEST(SqliteStoreFileTest, RefusesFileThatIsNotSqlite) {
  TempDir dir;
  std::string path = dir.File("notes.txt");
  std::ofstream(path) << "this is not a database, just some text that is "
                         "long enough to fill a header of one hundred bytes "
                         "........................................\n";
  auto s = OpenSqliteStore(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find(path), std::string::npos);
  EXPECT_NE(s.status().message().find("not a database"), std::string::npos)
      << s.status().message();
}

TEST(SqliteStoreFileTest, ReadOnlyOpenNeitherCreatesNorWrites) {
  TempDir dir;
  StoreOptions read_only;
  read_only.read_only = true;
  std::string path = dir.File("r.db");
  EXPECT_FALSE(OpenSqliteStore(path, read_only).ok());
  EXPECT_FALSE(fs::exists(path));
  {
    auto s = OpenSqliteStore(path);
    ASSERT_TRUE(s.ok());
    int64_t run = *(*s)->BeginRun(TestRun());
    ASSERT_TRUE((*s)->WriteDocument(run, OkRecord("a.txt", 2)).ok());
  }
  auto r = OpenSqliteStore(path, read_only);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  size_t rows = 0;
  ASSERT_TRUE((*r)->ForEachExportRow(ExportTable::kFacts,
                                     [&](const Row&) {
                                       ++rows;
                                       return Status::Ok();
                                     })
                  .ok());
  EXPECT_EQ(rows, 2u);
  EXPECT_FALSE((*r)->WriteDocument(1, OkRecord("b.txt", 1)).ok());
}

TEST(SqliteStoreFileTest, ProcessesOpeningOneNewFileTogetherAllSucceed) {
  // Several batch runs started at once on a database that does not exist
  // yet: one creates it, the others wait (switching to WAL used not to).
  TempDir dir;
  constexpr int kProcesses = 6;
  for (int round = 0; round < 20; ++round) {
    std::string path = dir.File("new" + std::to_string(round) + ".db");
    std::vector<pid_t> children;
    for (int i = 0; i < kProcesses; ++i) {
      pid_t pid = fork();
      if (pid == 0) {
        auto store = OpenSqliteStore(path);
        _exit(store.ok() && (*store)->BeginRun(TestRun()).ok() ? 0 : 1);
      }
      children.push_back(pid);
    }
    int succeeded = 0;
    for (pid_t pid : children) {
      int status = 0;
      waitpid(pid, &status, 0);
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++succeeded;
    }
    EXPECT_EQ(succeeded, kProcesses) << "round " << round;
  }
}

TEST(SqliteStoreFileTest, UnwritableLocationFailsWithTheFileName) {
  auto s = OpenSqliteStore("/nonexistent-dir/budgetdoc/x.sqlite");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("/nonexistent-dir/budgetdoc/x.sqlite"),
            std::string::npos);
}

}  // namespace
}  // namespace budgetdoc
