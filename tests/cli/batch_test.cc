// `budgetdoc batch` and `budgetdoc export`: input expansion and manifests,
// sharding, worker isolation (crash, hang, out of memory, hostile files),
// incremental runs, a run killed with SIGKILL and resumed, exit codes,
// progress output, and the corpus acceptance run (skipped without corpus).
#include "cli/batch.h"

#include "cli/cli.h"
#include "extract/zip_archive.h"
#include "output/csv_writer.h"
#include "output/sqlite_store.h"
#include "tests/testing/corpus.h"
#include "tests/testing/golden.h"
#include "tests/testing/worker_hooks.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <glob.h>
#include <set>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace budgetdoc {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Glob(const std::string& pattern) {
  glob_t g{};
  std::vector<std::string> out;
  if (glob(pattern.c_str(), 0, nullptr, &g) == 0) {
    out.assign(g.gl_pathv, g.gl_pathv + g.gl_pathc);
  }
  globfree(&g);
  return out;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

// Small sample reports of every format (samples/*/input.*).
std::vector<std::string> SampleInputs() {
  return Glob(testing::SourcePath("samples") + "/*/input.*");
}

struct CliRun {
  int code;
  std::string out, err;
};

// Runs the command line in-process, with a worker hook when given.
CliRun Cli(const std::vector<std::string>& args,
           const WorkerHook* hook = nullptr) {
  std::ostringstream out, err;
  CliEnv env;
  env.out = &out;
  env.err = &err;
  env.worker_hook = hook;
  int code = RunCli(args, env);
  return {code, out.str(), err.str()};
}

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("budgetdoc_batch_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(
             dir_, fs::directory_options::skip_permission_denied, ec)) {
      if (e.is_directory(ec)) {
        fs::permissions(e.path(), fs::perms::owner_all, fs::perm_options::add,
                        ec);
      }
    }
    fs::remove_all(dir_, ec);
  }

  std::string Path(const std::string& rel) const { return dir_ / rel; }

  std::string Write(const std::string& rel, const std::string& content) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  std::string CopySample(const std::string& sample_rel,
                         const std::string& rel) {
    return Write(rel, ReadAll(testing::SourcePath(sample_rel)));
  }

  // Copies every samples/*/input.* into dir/<sub>/<case>.<ext>.
  std::vector<std::string> CopySamples(const std::string& sub) {
    std::vector<std::string> out;
    for (const std::string& s : SampleInputs()) {
      fs::path p(s);
      out.push_back(Write(sub + "/" + p.parent_path().filename().string() +
                              p.extension().string(),
                          ReadAll(s)));
    }
    return out;
  }

  BatchOptions Options(const std::string& db = "") const {
    BatchOptions o;
    o.db_path = db.empty() ? Path("batch.sqlite") : db;
    o.jobs = 2;
    o.progress = ProgressMode::kNone;
    o.tool_version = "test";
    o.worker.timeout_sec = 60;
    return o;
  }

  BatchSummary Run(const BatchOptions& o) {
    std::ostringstream err;
    Result<BatchSummary> s = RunBatch(o, err);
    EXPECT_TRUE(s.ok()) << s.status().ToString() << "\n" << err.str();
    last_err_ = err.str();
    return s.ok() ? *s : BatchSummary();
  }

  std::vector<Row> Query(const std::string& sql,
                         const std::string& db = "") const {
    auto store = OpenSqliteStore(db.empty() ? Path("batch.sqlite") : db);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return {};
    Result<std::vector<Row>> rows = (*store)->Execute(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<Row>();
  }

  std::string One(const std::string& sql, const std::string& db = "") const {
    std::vector<Row> rows = Query(sql, db);
    if (rows.empty() || rows[0].empty()) return "<none>";
    return rows[0][0].value_or("NULL");
  }

  // path → "status|error_kind|error" for every document.
  std::map<std::string, std::string> Statuses(const std::string& db = "") {
    std::map<std::string, std::string> m;
    for (const Row& r : Query("SELECT path, status, error_kind, error FROM "
                              "documents",
                              db)) {
      m[*r[0]] =
          r[1].value_or("") + "|" + r[2].value_or("") + "|" + r[3].value_or("");
    }
    return m;
  }

  std::string Export(const std::string& db, ExportTable table) {
    auto store = OpenSqliteStore(db);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return "";
    ExportOptions o;
    o.table = table;
    std::ostringstream out;
    EXPECT_TRUE(WriteExport(**store, o, out).ok());
    return out.str();
  }

  fs::path dir_;
  std::string last_err_;
};

// ---- Building blocks ----

TEST(ShardTest, ParsesKOfNAndRejectsEverythingElse) {
  struct Case {
    const char* text;
    bool ok;
    int index, count;
  };
  const Case kCases[] = {
      {"1/1", true, 0, 1},   {"2/3", true, 1, 3},  {"3/3", true, 2, 3},
      {"0/3", false, 0, 0},  {"4/3", false, 0, 0}, {"1/0", false, 0, 0},
      {"a/b", false, 0, 0},  {"1", false, 0, 0},   {"", false, 0, 0},
      {"-1/2", false, 0, 0},
  };
  for (const Case& c : kCases) {
    int index = -1, count = -1;
    EXPECT_EQ(ParseShard(c.text, &index, &count), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(index, c.index) << c.text;
      EXPECT_EQ(count, c.count) << c.text;
    }
  }
}

TEST(ShardTest, EveryKeyFallsIntoExactlyOneShard) {
  int per_shard[3] = {0, 0, 0};
  for (int i = 0; i < 300; ++i) {
    std::string key = Sha256Hex("reports/" + std::to_string(i) + ".pdf");
    int hits = 0;
    for (int k = 0; k < 3; ++k) {
      if (InShard(key, k, 3)) {
        ++hits;
        ++per_shard[k];
      }
    }
    EXPECT_EQ(hits, 1);
  }
  for (int n : per_shard) EXPECT_GT(n, 60);  // roughly balanced
}

TEST(ManifestTest, CsvWithQuotedFieldsMetadataAndExtraColumns) {
  std::string csv =
      "\xEF\xBB\xBFpath,report_id,url,region,year,crawl_time,publisher\r\n"
      "js/text.pdf,js-party-2019,\"https://x.cn/a?b=1,2\",320000,2019,"
      "2024-05-01T10:00:00Z,\"中共江苏省委办公厅, 综合处\"\r\n"
      "/abs/tables.pdf,js-party-2019,,,,,\r\n";
  Result<std::vector<ManifestEntry>> m = ParseManifest(csv, "/crawl/");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->size(), 2u);
  EXPECT_EQ((*m)[0].path, "/crawl/js/text.pdf");
  EXPECT_EQ((*m)[0].source.report_id, "js-party-2019");
  EXPECT_EQ((*m)[0].source.source_url, "https://x.cn/a?b=1,2");
  EXPECT_EQ((*m)[0].source.region, "320000");
  EXPECT_EQ((*m)[0].source.year, 2019);
  EXPECT_EQ((*m)[0].source.crawled_at, "2024-05-01T10:00:00Z");
  EXPECT_EQ((*m)[0].source.extra.at("publisher"), "中共江苏省委办公厅, 综合处");
  EXPECT_EQ((*m)[1].path, "/abs/tables.pdf");
  EXPECT_EQ((*m)[1].source.report_id, "js-party-2019");
  EXPECT_TRUE((*m)[1].source.extra.empty());
}

TEST(ManifestTest, JsonLinesWithMetadata) {
  std::string jsonl =
      "{\"path\": \"a.pdf\", \"report_id\": \"r1\", \"year\": 2023, "
      "\"source_url\": \"https://x.cn/a.pdf\", \"pages\": 12}\n"
      "\n"
      "{\"file\": \"b.pdf\", \"region_code\": \"310107\"}\n";
  Result<std::vector<ManifestEntry>> m = ParseManifest(jsonl, "");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->size(), 2u);
  EXPECT_EQ((*m)[0].path, "a.pdf");
  EXPECT_EQ((*m)[0].source.year, 2023);
  EXPECT_EQ((*m)[0].source.extra.at("pages"), "12");
  EXPECT_EQ((*m)[1].path, "b.pdf");
  EXPECT_EQ((*m)[1].source.region, "310107");
}

TEST(ManifestTest, PlainListOfPathsNeedsNoHeader) {
  Result<std::vector<ManifestEntry>> m =
      ParseManifest("a.pdf\nsub/b.docx\n", "base");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->size(), 2u);
  EXPECT_EQ((*m)[1].path, "base/sub/b.docx");
}

TEST(ManifestTest, BadManifestsAreRejectedNamingTheLine) {
  struct Case {
    const char* name;
    std::string text;
    std::string message;
  };
  const Case kCases[] = {
      {"no path column", "url,year\nhttps://x,2020\n", "no path column"},
      {"year that is not a year", "path,year\na.pdf,20x3\n",
       "line 2: year '20x3'"},
      {"empty path", "path,year\n,2020\n", "line 2: empty path"},
      {"json line without path", "{\"url\": \"x\"}\n", "line 1: no \"path\""},
      {"broken json line", "{\"path\": \"a\"}\n{\"path\": \n", "line 2"},
      {"unclosed quote", "path\n\"a.pdf\n", "line 2"},
  };
  for (const Case& c : kCases) {
    Result<std::vector<ManifestEntry>> m = ParseManifest(c.text, "");
    ASSERT_FALSE(m.ok()) << c.name;
    EXPECT_NE(m.status().message().find(c.message), std::string::npos)
        << c.name << ": " << m.status().message();
  }
}

TEST_F(BatchTest, CollectingInputsNeverDropsAPath) {
  Write("tree/b.txt", "b");
  Write("tree/a.txt", "a");
  Write("tree/sub/c.pdf", "c");
  ASSERT_EQ(mkfifo(Path("tree/pipe").c_str(), 0600), 0);
  fs::create_symlink(Path("nowhere"), Path("tree/dangling"));
  fs::create_directories(Path("elsewhere"));
  Write("elsewhere/x.txt", "x");
  fs::create_directory_symlink(Path("elsewhere"), Path("tree/linked_dir"));
  fs::create_symlink(Path("elsewhere/x.txt"), Path("tree/linked_file"));

  // Every name is taken (as with --include '*'): names without a report
  // extension are the next test's subject.
  InputFilter everything;
  everything.include = {"*"};
  std::vector<BatchInput> inputs =
      CollectInputs({Path("tree/"), Path("tree/a.txt"), Path("missing.pdf"),
                     Path("*.nomatch"), Path("tree/*.txt")},
                    {}, everything);
  std::vector<std::string> got;
  for (const BatchInput& in : inputs) {
    got.push_back(in.path.substr(dir_.string().size() + 1) + " " +
                  (in.problem.empty() ? "ok" : in.problem_kind));
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "tree/a.txt ok",
                     "tree/b.txt ok",
                     "tree/dangling not_found",
                     "tree/linked_dir not_regular",
                     "tree/linked_file ok",
                     "tree/pipe not_regular",
                     "tree/sub/c.pdf ok",
                     "missing.pdf not_found",
                     "*.nomatch no_match",
                 }));
  for (const BatchInput& in : inputs) {
    EXPECT_EQ(in.problem.empty(), in.problem_kind.empty()) << in.path;
  }
  EXPECT_EQ(inputs[1].size, 1);
}

TEST_F(BatchTest, WalksTakeReportFormatsAndListOtherFilesAsExcluded) {
  for (const char* f : {"crawl/a.pdf", "crawl/B.PDF", "crawl/c.docx",
                        "crawl/README.md", "crawl/meta.json", "crawl/sub/d.htm",
                        "crawl/sub/e_old.pdf", "crawl/sub/f.Txt"}) {
    Write(f, "x");
  }
  struct Case {
    const char* name;
    std::vector<std::string> include, exclude;
    std::vector<std::string> paths;
    std::vector<std::string> expected;  // path relative to dir_, reason
  };
  const std::string kNotReport = "not a report format by its name";
  const Case kCases[] = {
      {"default: report formats, any case; a file named one by one is taken",
       {},
       {},
       {"crawl", "crawl/README.md"},
       {"crawl/B.PDF", "crawl/README.md", "crawl/a.pdf", "crawl/c.docx",
        "crawl/meta.json " + kNotReport, "crawl/sub/d.htm",
        "crawl/sub/e_old.pdf", "crawl/sub/f.Txt"}},
      {"a glob pattern is filtered like a walk",
       {},
       {},
       {"crawl/*"},
       {"crawl/B.PDF", "crawl/README.md " + kNotReport, "crawl/a.pdf",
        "crawl/c.docx", "crawl/meta.json " + kNotReport, "crawl/sub/d.htm",
        "crawl/sub/e_old.pdf", "crawl/sub/f.Txt"}},
      {"--include replaces the default, --exclude removes; a pattern with / "
       "matches the path",
       {"*.pdf", "*.md"},
       {"*_OLD*", "*/crawl/b*"},
       {"crawl"},
       {"crawl/B.PDF matches --exclude */crawl/b*", "crawl/README.md",
        "crawl/a.pdf", "crawl/c.docx matches no --include pattern",
        "crawl/meta.json matches no --include pattern",
        "crawl/sub/d.htm matches no --include pattern",
        "crawl/sub/e_old.pdf matches --exclude *_OLD*",
        "crawl/sub/f.Txt matches no --include pattern"}},
  };
  for (const Case& c : kCases) {
    InputFilter filter;
    filter.include = c.include;
    filter.exclude = c.exclude;
    std::vector<std::string> paths;
    for (const std::string& p : c.paths) paths.push_back(Path(p));
    std::vector<std::string> got;
    for (const BatchInput& in : CollectInputs(paths, {}, filter)) {
      EXPECT_TRUE(in.problem.empty()) << in.path;
      std::string reason = in.excluded.substr(0, in.excluded.find(" ("));
      got.push_back(in.path.substr(dir_.string().size() + 1) +
                    (reason.empty() ? "" : " " + reason));
    }
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, c.expected) << c.name;
  }
}

TEST_F(BatchTest, UnreadableDirectoryIsAFailedInputWithItsReason) {
  if (geteuid() == 0) GTEST_SKIP() << "root can read any directory";
  Write("locked/a.txt", "a");
  fs::permissions(Path("locked"), fs::perms::none);
  std::vector<BatchInput> inputs = CollectInputs({Path("locked")}, {});
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].problem_kind, "unreadable");
  EXPECT_NE(inputs[0].problem.find("Permission denied"), std::string::npos);
}

// ---- Whole batches (in-process; workers are forked children) ----

TEST_F(BatchTest, BatchOverSamplesAccountsForEveryInput) {
  std::vector<std::string> samples = SampleInputs();
  ASSERT_GE(samples.size(), 5u);
  BatchOptions o = Options();
  o.paths = samples;
  BatchSummary s = Run(o);
  EXPECT_EQ(s.inputs, samples.size());
  EXPECT_EQ(s.ok + s.failed + s.skipped, samples.size());
  EXPECT_EQ(One("SELECT count(*) FROM documents"),
            std::to_string(samples.size()));
  EXPECT_EQ(One("SELECT count(*) FROM run_inputs"),
            std::to_string(samples.size()));
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE status NOT IN "
                "('ok', 'failed')"),
            "0");
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE status = 'failed' AND "
                "(error IS NULL OR error = '')"),
            "0");
  // Our samples are all readable reports.
  EXPECT_EQ(s.ok, samples.size()) << last_err_;
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE fact_count > 0"),
            std::to_string(samples.size()));
  EXPECT_EQ(One("SELECT sum(fact_count) FROM documents"),
            One("SELECT count(*) FROM facts"));
  EXPECT_EQ(One("SELECT count(DISTINCT format) FROM documents"), "4");
  EXPECT_NE(One("SELECT finished_at FROM runs"), "NULL");
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE peak_rss_kb > 0"),
            std::to_string(samples.size()));
}

TEST_F(BatchTest, SecondRunSkipsUnchangedFilesAndForceReprocessesThem) {
  std::vector<std::string> files = CopySamples("in");
  BatchOptions o = Options();
  o.paths = {Path("in")};
  BatchSummary first = Run(o);
  EXPECT_EQ(first.ok, files.size());
  std::string facts = Export(o.db_path, ExportTable::kFacts);

  BatchSummary second = Run(o);
  EXPECT_EQ(Export(o.db_path, ExportTable::kFacts), facts) << "untouched";
  EXPECT_EQ(second.skipped, files.size());
  EXPECT_EQ(second.ok, 0u);
  EXPECT_EQ(One("SELECT count(*) FROM run_inputs WHERE run_id = 2 AND "
                "outcome = 'skipped'"),
            std::to_string(files.size()));

  // A changed file is reprocessed, its old rows replaced.
  CopySample("samples/text_report/input.txt", "in/docx_report.docx");
  BatchSummary third = Run(o);
  EXPECT_EQ(third.ok, 1u);
  EXPECT_EQ(third.skipped, files.size() - 1);
  EXPECT_EQ(One("SELECT count(*) FROM documents"),
            std::to_string(files.size()));
  EXPECT_EQ(One("SELECT format FROM documents WHERE path LIKE "
                "'%docx_report.docx'"),
            "text");

  o.force = true;
  BatchSummary forced = Run(o);
  EXPECT_EQ(forced.ok, files.size());
  EXPECT_EQ(One("SELECT count(*) FROM documents"),
            std::to_string(files.size()));
  EXPECT_EQ(One("SELECT sum(fact_count) FROM documents"),
            One("SELECT count(*) FROM facts"));

  // A new tool version reprocesses too.
  o.force = false;
  o.tool_version = "test-2";
  EXPECT_EQ(Run(o).ok, files.size());
}

TEST_F(BatchTest, FailedDocumentsAreRetriedOnlyWhenAskedAndStillCountAsFailed) {
  Write("in/junk.pdf",
        std::string("\x00\x01\x02\xff\xfe", 5) + std::string(2000, '\x03'));
  CopySample("samples/text_report/input.txt", "in/good.txt");
  BatchOptions o = Options();
  o.paths = {Path("in")};
  BatchSummary first = Run(o);
  EXPECT_EQ(first.failed, 1u);
  EXPECT_EQ(One("SELECT error_kind FROM documents WHERE path LIKE "
                "'%junk.pdf'"),
            "unsupported");

  // A plain run does not retry it, but it is still a failure: counted,
  // listed and named as such, never "0 failed".
  BatchSummary plain = Run(o);
  EXPECT_EQ(plain.skipped, 1u);
  EXPECT_EQ(plain.failed, 1u);
  EXPECT_EQ(plain.failed_earlier, 1u);
  EXPECT_NE(last_err_.find("0 ok, 1 failed, 1 skipped"), std::string::npos)
      << last_err_;
  EXPECT_NE(last_err_.find("[unchanged since an earlier run]"),
            std::string::npos)
      << last_err_;

  struct Case {
    std::vector<std::string> kinds;
    size_t retried;  // failed in this run (reprocessed)
  };
  const Case kCases[] = {
      {{"timeout", "out_of_memory"}, 0},  // other kinds: left alone
      {{"unsupported"}, 1},               // its kind: retried
      {{}, 1},                            // every kind
  };
  o.retry_failed = true;
  for (const Case& c : kCases) {
    o.retry_kinds = c.kinds;
    BatchSummary s = Run(o);
    EXPECT_EQ(s.failed, 1u);
    EXPECT_EQ(s.failed - s.failed_earlier, c.retried)
        << ::testing::PrintToString(c.kinds);
    EXPECT_EQ(s.skipped, 1u);
  }
}

TEST_F(BatchTest, RetryFailedRefusesAnUnknownKindNamingTheKnownOnes) {
  CopySample("samples/text_report/input.txt", "in/good.txt");
  CliRun r = Cli({"batch", Path("in"), "--db", Path("r.sqlite"),
                  "--retry-failed=timeout,timout"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown kind 'timout'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("out_of_memory"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("r.sqlite")));
}

TEST_F(BatchTest, PlainRerunWithAStoredFailureExitsThree) {
  CopySample("samples/text_report/input.txt", "in/good.txt");
  Write("in/junk.pdf", std::string(3000, '\x01'));
  std::vector<std::string> args = {"batch",          Path("in"),   "--db",
                                   Path("x.sqlite"), "--progress", "none"};
  EXPECT_EQ(Cli(args).code, 3);
  CliRun again = Cli(args);
  EXPECT_EQ(again.code, 3) << again.err;
  EXPECT_EQ(again.err.find(" 0 failed"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("1 unchanged since an earlier run"),
            std::string::npos)
      << again.err;

  // --retry-failed=KIND on the command line: another kind leaves it alone;
  // its own kind, or --retry-failed alone (the PATH after it is no value),
  // reprocesses it. It fails again either way: exit 3.
  struct Case {
    std::vector<std::string> options;
    bool retried;
  };
  const Case kCases[] = {
      {{"--retry-failed=timeout,killed"}, false},
      {{"--retry-failed=unsupported"}, true},
      {{"--retry-failed"}, true},
  };
  for (const Case& c : kCases) {
    std::vector<std::string> retry = {"batch"};
    retry.insert(retry.end(), c.options.begin(), c.options.end());
    retry.insert(retry.end(), args.begin() + 1, args.end());
    CliRun r = Cli(retry);
    EXPECT_EQ(r.code, 3) << c.options[0] << ": " << r.err;
    EXPECT_EQ(r.err.find("unchanged since an earlier run") == std::string::npos,
              c.retried)
        << c.options[0] << ": " << r.err;
  }
}

TEST_F(BatchTest, KilledWorkerIsTriedOnceMoreWithBothAttemptsOnRecord) {
  CopySample("samples/text_report/input.txt", "in/flaky.txt");
  CopySample("samples/text_report/input.txt", "in/hang_me.txt");
  CopySample("samples/text_report/input.txt", "in/good.txt");
  BatchOptions o = Options();
  o.paths = {Path("in")};
  o.worker.timeout_sec = 2;
  testing::TestWorkerHook hook;
  hook.kill_first_attempt_on = "flaky";
  hook.hang_on = "hang_me";
  o.worker.hook = &hook;
  o.progress = ProgressMode::kLines;
  BatchSummary s = Run(o);
  EXPECT_EQ(s.ok, 2u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.retried, 2u);
  EXPECT_NE(last_err_.find("retry " + Path("in/flaky.txt") +
                           ": worker killed by signal 9"),
            std::string::npos)
      << last_err_;

  // path → "attempt outcome kind" for every attempt, in order.
  auto attempts = [&](const std::string& name) {
    std::string out;
    for (const Row& r :
         Query("SELECT attempt, outcome, error_kind FROM attempts WHERE "
               "path = '" +
               Path("in/" + name) + "' ORDER BY attempt")) {
      out += r[0].value_or("") + " " + r[1].value_or("") + " " +
             r[2].value_or("") + "; ";
    }
    return out;
  };
  EXPECT_EQ(attempts("flaky.txt"), "1 failed killed; 2 ok ; ");
  EXPECT_EQ(attempts("hang_me.txt"), "1 failed timeout; 2 failed timeout; ");
  EXPECT_EQ(attempts("good.txt"), "1 ok ; ");
  EXPECT_EQ(One("SELECT attempts || ' ' || status FROM documents WHERE path "
                "LIKE '%flaky.txt'"),
            "2 ok");
  std::string hang =
      One("SELECT error FROM documents WHERE path LIKE '%hang_me.txt'");
  EXPECT_EQ(hang.rfind("timeout: no result after 2 s", 0), 0u) << hang;
  EXPECT_NE(hang.find("(attempt 2 of 2; attempt 1: timeout: "),
            std::string::npos)
      << hang;
}

TEST_F(BatchTest, HostileInputsFailWithReasonsWhileTheRestComplete) {
  CopySample("samples/text_report/input.txt", "in/good.txt");
  CopySample("samples/docx_report/input.docx", "in/good.docx");
  CopySample("samples/text_report/input.txt", "in/crash_me.txt");
  CopySample("samples/text_report/input.txt", "in/hang_me.txt");
  CopySample("samples/text_report/input.txt", "in/oom_me.txt");
  std::string pdf =
      ReadAll(testing::SourcePath("samples/pdf_tables/input.pdf"));
  Write("in/truncated.pdf", pdf.substr(0, pdf.size() / 3));
  Result<std::string> bomb =
      WriteZipForTest({{"[Content_Types].xml", "<Types/>"},
                       {"word/document.xml", "", size_t{64} << 20}});
  ASSERT_TRUE(bomb.ok()) << bomb.status().ToString();
  Write("in/bomb.docx", *bomb);
  Write("in/empty.txt", "");

  BatchOptions o = Options();
  o.paths = {Path("in")};
  // Only the hang may meet the timeout: the others end in milliseconds
  // (the memory hog never touches its pages), so a loaded machine leaves
  // them seconds of slack.
  o.worker.timeout_sec = 3;
  o.worker.max_memory_mb = 768;
  testing::TestWorkerHook hook;
  hook.crash_on = "crash_me";
  hook.hang_on = "hang_me";
  hook.oom_on = "oom_me";
  o.worker.hook = &hook;
  auto start = std::chrono::steady_clock::now();
  BatchSummary s = Run(o);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_LT(seconds, 30.0) << "the hang must be cut by the timeout";
  EXPECT_EQ(s.inputs, 8u);
  std::map<std::string, std::string> st = Statuses();
  ASSERT_EQ(st.size(), 8u);
  auto status = [&](const std::string& name) { return st[Path("in/" + name)]; };
  EXPECT_EQ(status("good.txt").substr(0, 3), "ok|");
  EXPECT_EQ(status("good.docx").substr(0, 3), "ok|");
  EXPECT_EQ(status("crash_me.txt")
                .rfind("failed|crash|worker crashed: "
                       "signal 6",
                       0),
            0u)
      << status("crash_me.txt");
  EXPECT_EQ(status("hang_me.txt")
                .rfind("failed|timeout|timeout: no result "
                       "after 3 s",
                       0),
            0u)
      << status("hang_me.txt");
  EXPECT_EQ(status("oom_me.txt").rfind("failed|out_of_memory|", 0), 0u)
      << status("oom_me.txt");
  EXPECT_EQ(status("truncated.pdf").rfind("failed|", 0), 0u)
      << status("truncated.pdf");
  EXPECT_EQ(status("bomb.docx").rfind("failed|limit_exceeded|", 0), 0u)
      << status("bomb.docx");
  EXPECT_EQ(status("empty.txt").rfind("failed|", 0), 0u) << status("empty.txt");
  for (const auto& [path, line] : st) {
    if (line.rfind("failed|", 0) == 0) {
      EXPECT_GT(line.size(), std::string("failed|x|").size()) << path;
    }
  }
  EXPECT_EQ(s.failures.size(), 6u);
  EXPECT_NE(last_err_.find("failed:"), std::string::npos);
  // The worker hashed each file before it crashed or hung, so a second run
  // knows they are unchanged and skips them all (no second timeout).
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE length(sha256) = 64"),
            "8");
  // A timed-out worker was tried a second time; the crash was not.
  EXPECT_EQ(One("SELECT count(*) FROM attempts WHERE path LIKE "
                "'%hang_me.txt'"),
            "2");
  EXPECT_EQ(One("SELECT count(*) FROM attempts WHERE path LIKE "
                "'%crash_me.txt'"),
            "1");
  BatchSummary again = Run(o);
  EXPECT_EQ(again.skipped, 2u);
  EXPECT_EQ(again.failed_earlier, 6u);
}

TEST_F(BatchTest, ShardsOfOneCrawlTogetherCoverEveryInputOnce) {
  std::vector<std::string> files = CopySamples("in");
  for (bool by_content : {false, true}) {
    std::string db = Path(by_content ? "content.sqlite" : "path.sqlite");
    size_t total = 0, other = 0;
    for (int k = 0; k < 3; ++k) {
      BatchOptions o = Options(db);
      o.paths = {Path("in")};
      o.shard_index = k;
      o.shard_count = 3;
      o.shard_by_content = by_content;
      BatchSummary s = Run(o);
      total += s.inputs;
      other += s.other_shards;
      EXPECT_EQ(s.inputs + s.other_shards, files.size());
    }
    EXPECT_EQ(total, files.size());
    EXPECT_EQ(other, 2 * files.size());
    EXPECT_EQ(One("SELECT count(*) FROM documents", db),
              std::to_string(files.size()));
  }
}

TEST_F(BatchTest, ManifestFromStdinStoresMetadataAndGroupsReportFiles) {
  CopySample("samples/pdf_narrative/input.pdf", "crawl/js_text.pdf");
  CopySample("samples/pdf_tables/input.pdf", "crawl/js_tables.pdf");
  BatchOptions o = Options();
  o.manifest_path = "-";
  o.manifest_text =
      "path,report_id,source_url,region,year,crawled_at\n" +
      Path("crawl/js_text.pdf") +
      ",js-2019-party,https://x.cn/t.pdf,320000,2019,2024-05-01\n" +
      Path("crawl/js_tables.pdf") +
      ",js-2019-party,https://x.cn/b.pdf,320000,2019,2024-05-01\n";
  BatchSummary s = Run(o);
  EXPECT_EQ(s.ok, 2u) << last_err_;
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE report_id = "
                "'js-2019-party' AND manifest_year = 2019 AND "
                "manifest_region = '320000'"),
            "2");
  EXPECT_EQ(One("SELECT source_url FROM documents WHERE path LIKE "
                "'%js_text.pdf'"),
            "https://x.cn/t.pdf");
  EXPECT_EQ(One("SELECT count(DISTINCT report_id) FROM fact_rows"), "1");
}

TEST_F(BatchTest, ManifestFileResolvesPathsAgainstItsDirectory) {
  CopySample("samples/text_report/input.txt", "crawl/a.txt");
  Write("crawl/manifest.jsonl",
        "{\"path\": \"a.txt\", \"year\": 2023}\n"
        "{\"path\": \"gone.pdf\"}\n");
  BatchOptions o = Options();
  o.manifest_path = Path("crawl/manifest.jsonl");
  BatchSummary s = Run(o);
  EXPECT_EQ(s.ok, 1u);
  EXPECT_EQ(s.failed, 1u);
  std::map<std::string, std::string> st = Statuses();
  EXPECT_EQ(st[Path("crawl/a.txt")].substr(0, 3), "ok|");
  EXPECT_EQ(st[Path("crawl/gone.pdf")],
            "failed|not_found|No such file or directory");
}

TEST_F(BatchTest, ProgressIsABarOnATerminalAndLinesOtherwise) {
  CopySample("samples/text_report/input.txt", "in/a.txt");
  CopySample("samples/html_cms_gbk/input.html", "in/b.html");
  BatchOptions o = Options();
  o.paths = {Path("in")};
  o.progress = ProgressMode::kBar;
  Run(o);
  EXPECT_NE(last_err_.find("\r["), std::string::npos) << last_err_;
  EXPECT_NE(last_err_.find("2/2"), std::string::npos);
  EXPECT_NE(last_err_.find("doc/s  ETA "), std::string::npos);
  EXPECT_NE(last_err_.find("batch: 2 inputs: 2 ok, 0 failed"),
            std::string::npos);
  o.progress = ProgressMode::kLines;
  Run(o);
  EXPECT_EQ(last_err_.find('\r'), std::string::npos);
  EXPECT_NE(last_err_.find("[1/2] skipped "), std::string::npos) << last_err_;
  EXPECT_NE(last_err_.find("[2/2] skipped "), std::string::npos);
}

// ---- The commands ----

TEST_F(BatchTest, BatchCommandExitsZeroOnSuccessAndThreeWithFailures) {
  CopySample("samples/text_report/input.txt", "in/good.txt");
  std::string db = Path("cli.sqlite");
  CliRun ok =
      Cli({"batch", Path("in"), "--db", db, "-j2", "--progress", "none"});
  EXPECT_EQ(ok.code, 0) << ok.err;
  Write("in/crash_me.txt", "budget text");
  testing::TestWorkerHook crash;
  crash.crash_on = "crash_me";
  CliRun failed =
      Cli({"batch", Path("in"), "--db", db, "-j", "1", "--progress", "lines"},
          &crash);
  EXPECT_EQ(failed.code, 3) << failed.err;
  EXPECT_NE(
      failed.err.find("failed " + Path("in/crash_me.txt") + ": worker crashed"),
      std::string::npos)
      << failed.err;
  EXPECT_NE(failed.err.find("skipped " + Path("in/good.txt")),
            std::string::npos);
}

TEST_F(BatchTest, BatchCommandExitsTwoWhenItCannotRun) {
  CopySample("samples/text_report/input.txt", "in/good.txt");
  struct Case {
    const char* name;
    std::vector<std::string> args;
    std::string message;
  };
  const Case kCases[] = {
      {"no inputs", {"batch"}, "expects at least one PATH"},
      {"bad -j", {"batch", Path("in"), "-j", "0"}, "-j must be"},
      {"bad shard", {"batch", Path("in"), "--shard", "3/2"}, "--shard"},
      {"bad timeout", {"batch", Path("in"), "--timeout", "x"}, "--timeout"},
      {"unknown option",
       {"batch", Path("in"), "--frobnicate"},
       "unknown option"},
      {"unwritable database",
       {"batch", Path("in"), "--db", "/nonexistent-dir/x/db.sqlite"},
       "/nonexistent-dir/x/db.sqlite"},
      {"missing manifest",
       {"batch", "--manifest", Path("none.csv"), "--db", Path("m.sqlite")},
       "none.csv"},
  };
  for (const Case& c : kCases) {
    CliRun r = Cli(c.args);
    EXPECT_EQ(r.code, 2) << c.name << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << "\n"
                                                        << r.err;
  }
  // A database of another layout version is refused with a clear message.
  std::string db = Path("old.sqlite");
  {
    auto store = OpenSqliteStore(db);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->Execute("UPDATE meta SET value = '0' WHERE key = "
                              "'store_version'")
                    .ok());
  }
  CliRun old = Cli({"batch", Path("in"), "--db", db, "--progress", "none"});
  EXPECT_EQ(old.code, 2);
  EXPECT_NE(old.err.find("layout version 0"), std::string::npos) << old.err;
}

TEST_F(BatchTest, BatchCommandListsOtherFilesAsSkippedWithTheirReason) {
  CopySample("samples/text_report/input.txt", "crawl/report.txt");
  CopySample("samples/docx_report/input.docx", "crawl/sub/report.DOCX");
  Write("crawl/README.md", "# crawl notes");
  Write("crawl/sub/meta.json", "{}");
  std::string db = Path("f.sqlite");
  CliRun r = Cli({"batch", Path("crawl"), "--db=" + db, "--progress=lines"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("] skipped " + Path("crawl/README.md") +
                       " (not a report format by its name"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("batch: 2 inputs: 2 ok, 0 failed, 0 skipped"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("batch: 2 files skipped by name"), std::string::npos);
  // Neither ok nor failed: no document row; the run lists them as skipped.
  EXPECT_EQ(One("SELECT group_concat(status, ',') FROM documents", db),
            "ok,ok");
  EXPECT_EQ(One("SELECT count(*) FROM run_inputs WHERE outcome = 'skipped' "
                "AND reason LIKE 'excluded: not a report format%'",
                db),
            "2");
  EXPECT_EQ(One("SELECT inputs || ' ' || ok || ' ' || skipped FROM runs", db),
            "4 2 2");

  // --include takes them; --exclude (repeatable) leaves out; --quiet prints
  // no progress and no summary.
  CliRun q = Cli({"batch", Path("crawl"), "--db", db, "--include", "*.json",
                  "--include=*.txt", "--exclude", "*/sub/*", "--quiet"});
  EXPECT_EQ(q.code, 0) << q.err;
  EXPECT_EQ(q.err, "");
  EXPECT_EQ(One("SELECT group_concat(path || ' ' || outcome, ',') FROM "
                "(SELECT * FROM run_inputs WHERE run_id = 2 AND reason IS NOT "
                "'unchanged' ORDER BY path)",
                db),
            Path("crawl/README.md") + " skipped," +
                Path("crawl/sub/meta.json") + " skipped," +
                Path("crawl/sub/report.DOCX") + " skipped");
  EXPECT_EQ(One("SELECT reason FROM run_inputs WHERE run_id = 2 AND path = '" +
                    Path("crawl/sub/meta.json") + "'",
                db),
            "excluded: matches --exclude */sub/*");
}

TEST_F(BatchTest, QuietBatchStillListsFailures) {
  Write("in/broken.pdf", "%PDF-1.4 not really");
  CliRun r = Cli({"batch", Path("in"), "--db", Path("q.sqlite"), "-q"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err.find("batch: "), std::string::npos) << r.err;
  EXPECT_EQ(r.err.rfind("failed:\n  " + Path("in/broken.pdf") + ": ", 0), 0u)
      << r.err;
}

TEST_F(BatchTest, ExportCommandWritesCsvForExcelAndJsonLines) {
  std::vector<std::string> files = CopySamples("in");
  std::string db = Path("e.sqlite");
  ASSERT_EQ(Cli({"batch", Path("in"), "--db", db, "--progress", "none"}).code,
            0);
  // CSV starts with the byte order mark Excel needs, unless --no-bom.
  CliRun csv = Cli({"export", "--db", db});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind(std::string(kUtf8Bom) +
                              "path,report_id,entity,region_code,region_name,"
                              "fiscal_year,kind,fact_seq,metric,measure,value,",
                          0),
            0u);
  CliRun plain = Cli({"export", "--db", db, "--no-bom"});
  EXPECT_EQ(std::string(kUtf8Bom) + plain.out, csv.out);
  Result<std::vector<std::vector<std::string>>> rows = ParseCsv(csv.out);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(std::to_string(rows->size() - 1),
            One("SELECT count(*) FROM facts", db));
  for (const auto& r : *rows) ASSERT_EQ(r.size(), (*rows)[0].size());
  EXPECT_EQ(Cli({"export", "--db", db}).out, csv.out) << "deterministic";
  // --raw is accepted; these samples hold no formula-like text, so the
  // bytes are the same (csv_writer_test checks the apostrophes).
  CliRun raw = Cli({"export", "--db", db, "--raw"});
  EXPECT_EQ(raw.code, 0) << raw.err;
  EXPECT_EQ(raw.out, csv.out);

  // A file gets the same bytes; --bom is still accepted (the default).
  std::string out = Path("facts.csv");
  CliRun file = Cli({"export", "--db", db, "--out", out});
  ASSERT_EQ(file.code, 0) << file.err;
  EXPECT_EQ(file.out, "");
  EXPECT_EQ(ReadAll(out), csv.out);
  CliRun bom = Cli({"export", "--db", db, "--bom", "--out=" + out});
  ASSERT_EQ(bom.code, 0) << bom.err;
  EXPECT_EQ(ReadAll(out), csv.out);

  CliRun jsonl =
      Cli({"export", "--db", db, "--format", "jsonl", "--table", "findings"});
  ASSERT_EQ(jsonl.code, 0) << jsonl.err;
  size_t lines = 0;
  std::istringstream in(jsonl.out);
  for (std::string line; std::getline(in, line); ++lines) {
    Result<Json> j = Json::Parse(line);
    ASSERT_TRUE(j.ok()) << line;
    ASSERT_NE(j->Find("rule"), nullptr);
    ASSERT_NE(j->Find("region_code"), nullptr);
  }
  EXPECT_EQ(std::to_string(lines), One("SELECT count(*) FROM findings", db));

  CliRun docs = Cli({"export", "--db", db, "--table", "documents"});
  ASSERT_EQ(docs.code, 0);
  EXPECT_EQ(
      static_cast<size_t>(std::count(docs.out.begin(), docs.out.end(), '\n')),
      files.size() + 1);

  EXPECT_EQ(Cli({"export", "--db", Path("none.sqlite")}).code, 2);
  EXPECT_FALSE(fs::exists(Path("none.sqlite"))) << "export never creates";
  EXPECT_EQ(Cli({"export", "--db", db, "--format", "xml"}).code, 2);
  EXPECT_EQ(Cli({"export", "--db", db, "--table", "cells"}).code, 2);
}

// ---- Killed with SIGKILL and restarted (the real binary) ----

// <build>/tests/<this test> → <build>/budgetdoc, the release binary.
std::string BudgetdocBinary() {
  return (fs::read_symlink("/proc/self/exe").parent_path().parent_path() /
          "budgetdoc")
      .string();
}

// <build>/tests/budgetdoc_hooked: the same with the test hooks taken from
// BUDGETDOC_TEST_* (tests/testing/hooked_main.cc).
std::string HookedBinary() {
  return (fs::read_symlink("/proc/self/exe").parent_path() / "budgetdoc_hooked")
      .string();
}

using Env = std::vector<std::pair<std::string, std::string>>;

// A running budgetdoc process and the read end of its stderr.
struct Child {
  pid_t pid = -1;
  int err_fd = -1;
};

// Starts a binary with extra environment variables.
Child Spawn(const std::string& binary, const std::vector<std::string>& args,
            const Env& env) {
  int p[2];
  if (pipe(p) != 0) return {};
  // Everything the child needs, prepared before fork.
  std::string bin = binary;
  std::vector<std::string> copy = args;
  std::vector<char*> argv = {bin.data()};
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(p[1], STDERR_FILENO);
    close(p[0]);
    close(p[1]);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(p[1]);
  return {pid, p[0]};
}

// Reads the child's stderr (into *err_text when given), SIGKILLs it after
// `kill_after` per-document lines saying "ok" (0 = let it finish), and
// returns its exit status or -signal.
int Reap(Child c, int kill_after, std::string* err_text = nullptr) {
  std::string buf;
  int seen = 0;
  char chunk[4096];
  for (;;) {
    ssize_t n = read(c.err_fd, chunk, sizeof(chunk));
    if (n <= 0) break;
    buf.append(chunk, static_cast<size_t>(n));
    if (err_text != nullptr) err_text->append(chunk, static_cast<size_t>(n));
    size_t nl;
    while ((nl = buf.find('\n')) != std::string::npos) {
      std::string line = buf.substr(0, nl);
      buf.erase(0, nl + 1);
      if (line.find("] ok ") != std::string::npos) ++seen;
    }
    if (kill_after > 0 && seen >= kill_after) {
      kill(c.pid, SIGKILL);
      break;
    }
  }
  close(c.err_fd);
  int status = 0;
  waitpid(c.pid, &status, 0);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1000;
}

// Runs a binary to its end, or SIGKILLs it after `kill_after` documents
// (as Reap). Returns the exit status or -signal.
int RunBinary(const std::string& binary, const std::vector<std::string>& args,
              const Env& env, int kill_after) {
  return Reap(Spawn(binary, args, env), kill_after);
}

TEST_F(BatchTest, RunKilledMidwayAndRestartedEqualsAnUninterruptedRun) {
  ASSERT_TRUE(fs::exists(BudgetdocBinary())) << BudgetdocBinary();
  std::vector<std::string> files = CopySamples("in");
  ASSERT_GE(files.size(), 5u);
  std::string full = Path("full.sqlite"), resumed = Path("resumed.sqlite");
  auto args = [&](const std::string& db) {
    return std::vector<std::string>{"batch", Path("in"),   "--db", db,
                                    "-j2",   "--progress", "lines"};
  };
  ASSERT_EQ(RunBinary(BudgetdocBinary(), args(full), {}, 0), 0);

  // Killed twice while documents are in flight (each worker is slowed down
  // by the test hook so that the kill lands mid-run), then restarted to the
  // end.
  ASSERT_TRUE(fs::exists(HookedBinary())) << HookedBinary();
  std::vector<std::pair<std::string, std::string>> slow = {
      {"BUDGETDOC_TEST_DELAY_MS", "150"}};
  size_t done_before = 0;
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(RunBinary(HookedBinary(), args(resumed), slow, 2), -SIGKILL);
    size_t done = std::stoul(One("SELECT count(*) FROM documents", resumed));
    EXPECT_GT(done, done_before) << "round " << round;
    EXPECT_LT(done, files.size()) << "round " << round << ": not killed midway";
    done_before = done;
    // Nothing half-written: every row is final and has all its facts.
    EXPECT_EQ(
        One("SELECT count(*) FROM documents WHERE status <> 'ok'", resumed),
        "0");
    EXPECT_EQ(One("SELECT count(*) FROM documents d WHERE fact_count <> "
                  "(SELECT count(*) FROM facts f WHERE f.doc_id = d.doc_id)",
                  resumed),
              "0");
  }
  // The documents the killed runs held are taken over at once (their
  // processes are gone), not after the 60 s lease.
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(RunBinary(BudgetdocBinary(), args(resumed), {}, 0), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(40));

  EXPECT_EQ(One("SELECT count(*) FROM documents", resumed),
            std::to_string(files.size()));
  EXPECT_EQ(One("SELECT count(DISTINCT path) FROM documents", resumed),
            std::to_string(files.size()));
  EXPECT_EQ(One("SELECT count(*) FROM run_inputs WHERE run_id = 3 AND "
                "outcome = 'skipped'",
                resumed),
            std::to_string(done_before));
  EXPECT_EQ(Export(resumed, ExportTable::kFacts),
            Export(full, ExportTable::kFacts));
  EXPECT_EQ(Export(resumed, ExportTable::kFindings),
            Export(full, ExportTable::kFindings));
  EXPECT_EQ(One("SELECT group_concat(path || sha256 || status, ',') FROM "
                "(SELECT * FROM documents ORDER BY path)",
                resumed),
            One("SELECT group_concat(path || sha256 || status, ',') FROM "
                "(SELECT * FROM documents ORDER BY path)",
                full));
}

TEST_F(BatchTest, ConcurrentRunsOnOneDatabaseProcessEachDocumentOnce) {
  ASSERT_TRUE(fs::exists(BudgetdocBinary())) << BudgetdocBinary();
  ASSERT_TRUE(fs::exists(HookedBinary())) << HookedBinary();
  std::vector<std::string> files = CopySamples("in/a");
  for (const std::string& f : CopySamples("in/b")) files.push_back(f);
  std::string n = std::to_string(files.size());
  std::string full = Path("full.sqlite");
  auto args = [&](const std::string& db) {
    return std::vector<std::string>{"batch", Path("in"),   "--db",
                                    db,      "-j2",        "--lease",
                                    "2",     "--progress", "lines"};
  };
  ASSERT_EQ(RunBinary(BudgetdocBinary(), args(full), {}, 0), 0);
  const Env slow = {{"BUDGETDOC_TEST_DELAY_MS", "100"}};

  // Two runs at once on the same inputs and database.
  std::string shared = Path("shared.sqlite");
  Child a = Spawn(HookedBinary(), args(shared), slow);
  Child b = Spawn(HookedBinary(), args(shared), slow);
  std::string err_a, err_b;
  EXPECT_EQ(Reap(a, 0, &err_a), 0) << err_a;
  EXPECT_EQ(Reap(b, 0, &err_b), 0) << err_b;
  // Each document analyzed by exactly one of them; each run did some.
  EXPECT_EQ(One("SELECT count(*) FROM run_inputs WHERE outcome = 'ok'", shared),
            n);
  EXPECT_EQ(One("SELECT count(DISTINCT path) FROM run_inputs WHERE "
                "outcome = 'ok'",
                shared),
            n);
  EXPECT_EQ(One("SELECT count(*) FROM attempts", shared), n);
  EXPECT_EQ(One("SELECT count(DISTINCT run_id) FROM run_inputs WHERE "
                "outcome = 'ok'",
                shared),
            "2");
  // Each run accounts for every input: analyzed, done by the other, or (if
  // the other finished it before this one registered) skipped unchanged.
  EXPECT_EQ(One("SELECT sum(ok) FROM runs", shared), n);
  EXPECT_EQ(One("SELECT min(inputs) || ' ' || max(inputs) FROM runs", shared),
            n + " " + n);
  EXPECT_EQ(One("SELECT sum(ok + others + skipped) FROM runs", shared),
            std::to_string(2 * files.size()));
  EXPECT_EQ(Export(shared, ExportTable::kFacts),
            Export(full, ExportTable::kFacts));
  EXPECT_EQ(Export(shared, ExportTable::kFindings),
            Export(full, ExportTable::kFindings));

  // One of two runs killed with SIGKILL midway: the other finishes every
  // document, those the dead one held included, none twice.
  std::string killed = Path("killed.sqlite");
  Child victim = Spawn(HookedBinary(), args(killed), slow);
  Child survivor = Spawn(HookedBinary(), args(killed), slow);
  EXPECT_EQ(Reap(victim, 2), -SIGKILL);
  std::string err;
  EXPECT_EQ(Reap(survivor, 0, &err), 0) << err;
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE status = 'ok'", killed),
            n);
  EXPECT_EQ(One("SELECT count(*) FROM run_inputs WHERE outcome = 'ok'", killed),
            n);
  EXPECT_EQ(One("SELECT count(*) FROM queue WHERE state <> 'done'", killed),
            "0");
  EXPECT_EQ(Export(killed, ExportTable::kFacts),
            Export(full, ExportTable::kFacts));
}

TEST_F(BatchTest, ReleaseBinaryIgnoresTheTestHookEnvironment) {
  CopySample("samples/text_report/input.txt", "in/crash_me.txt");
  const std::vector<std::pair<std::string, std::string>> env = {
      {"BUDGETDOC_TEST_CRASH_ON", "crash_me"}};
  auto args = [&](const std::string& db) {
    return std::vector<std::string>{"batch", Path("in"),   "--db",
                                    db,      "--progress", "none"};
  };
  // The test binary obeys the variable: the worker crashes, exit code 3.
  std::string hooked = Path("hooked.sqlite"), release = Path("release.sqlite");
  EXPECT_EQ(RunBinary(HookedBinary(), args(hooked), env, 0), 3);
  EXPECT_EQ(One("SELECT error_kind FROM documents", hooked), "crash");
  // The release binary has no hooks: the same run is ok.
  EXPECT_EQ(RunBinary(BudgetdocBinary(), args(release), env, 0), 0);
  EXPECT_EQ(One("SELECT status FROM documents", release), "ok");
  // Nothing in it even names the variables.
  std::string bytes = ReadAll(BudgetdocBinary());
  ASSERT_GT(bytes.size(), 100000u);
  EXPECT_EQ(bytes.find("BUDGETDOC_TEST_"), std::string::npos);
  EXPECT_NE(ReadAll(HookedBinary()).find("BUDGETDOC_TEST_"), std::string::npos);
}

// ---- Acceptance over the shared corpus and all samples ----

TEST_F(BatchTest, CorpusAndSamplesBatchAccountsForEveryFile) {
  BUDGETDOC_SKIP_IF_NO_CORPUS("real/gbc_putuo_finance_2024_final.pdf");
  std::string corpus = testing::CorpusDir();
  std::vector<std::string> paths = {corpus + "/seed", corpus + "/real"};
  size_t expected = 0;
  for (const std::string& d : paths) {
    for (const auto& e : fs::recursive_directory_iterator(d)) {
      if (e.is_regular_file()) ++expected;
    }
  }
  for (const std::string& s : SampleInputs()) {
    paths.push_back(s);
    ++expected;
  }
  // samples/generated holds reports in four formats plus *.truth.json
  // answer keys; the answer keys are JSON, not reports, and the text
  // pipeline needs 30-50 s for each, so the suite leaves them out.
  for (const auto& e :
       fs::directory_iterator(testing::SourcePath("samples/generated"))) {
    std::string name = e.path().filename().string();
    if (name.size() > 11 && name.substr(name.size() - 11) == ".truth.json") {
      continue;
    }
    paths.push_back(e.path().string());
    ++expected;
  }
  BatchOptions o = Options();
  o.paths = paths;
  o.worker.timeout_sec = 120;
  BatchSummary s = Run(o);
  EXPECT_EQ(s.inputs, expected);
  EXPECT_EQ(s.ok + s.failed, expected);
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE format != 'bundle'"),
            std::to_string(expected));
  EXPECT_EQ(One("SELECT count(*) FROM run_inputs"), std::to_string(expected));
  // The two Jiangsu reports published as a narrative PDF and a tables PDF
  // are paired by themselves (cli/batch_bundles.h) and read as one report.
  EXPECT_EQ(One("SELECT group_concat(report_id, ' ') FROM documents WHERE "
                "format = 'bundle' AND status = 'ok' AND path LIKE "
                "'%ob_js_%_text.pdf + %ob_js_%_tables.pdf' ORDER BY path"),
            "auto:320000||委办公厅|2019|budget|部门 "
            "auto:320000|政协|办公厅|2017|budget|部门");
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE status NOT IN "
                "('ok', 'failed')"),
            "0");
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE status = 'failed' AND "
                "coalesce(error, '') = ''"),
            "0");
  // All 16 real PDFs and the seed are read.
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE status = 'ok' AND "
                "format != 'bundle' AND path LIKE '%/corpus/real/%.pdf'"),
            "16");
  EXPECT_EQ(One("SELECT count(*) FROM documents WHERE status = 'ok' AND "
                "path LIKE '%/corpus/seed/%'"),
            "1");
  std::cerr << last_err_.substr(last_err_.find("batch: "));
}

}  // namespace
}  // namespace budgetdoc
