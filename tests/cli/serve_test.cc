// `budgetdoc serve` as a process, driven with curl (installed by
// scripts/setup; skipped with a message when absent): an upload gets the
// HTML report; an oversized upload, a path-traversal file name and unknown
// routes are refused; the batch database is browsable by region and year.
#include "cli/serve.h"

#include "cli/cli.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace budgetdoc {
namespace {

std::string Shell(const std::string& command) {
  std::string out;
  FILE* f = popen(command.c_str(), "r");
  if (f == nullptr) return out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0) out.append(buf, n);
  pclose(f);
  return out;
}

// A server process on a free port; killed (by its pid) when done.
class ServerProcess {
 public:
  explicit ServerProcess(const std::vector<std::string>& extra) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<std::string> args = {BUDGETDOC_BINARY, "serve", "--port", "0",
                                       "--max-upload",   "1"};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    // "serving on http://127.0.0.1:PORT/"
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    close(out[0]);
    size_t colon = line.rfind(':');
    if (colon != std::string::npos) url_ = line.substr(line.find("http"));
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  const std::string& url() const { return url_; }

 private:
  pid_t pid_ = -1;
  std::string url_;
};

bool HaveCurl() { return ::access("/usr/bin/curl", X_OK) == 0; }

// "CODE\nBODY" of a curl call.
std::pair<std::string, std::string> Curl(const std::string& args) {
  char tmpl[] = "/tmp/budgetdoc_serve_body_XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd >= 0) close(fd);
  std::string code = Shell("/usr/bin/curl -s -o " + std::string(tmpl) +
                           " -w '%{http_code}' " + args);
  std::ifstream in(tmpl, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  unlink(tmpl);
  return {code, body.str()};
}

TEST(ServeTest, IsSafeUploadNameAcceptsPlainNamesOnly) {
  struct Case {
    const char* name;
    bool safe;
  };
  for (const Case& c :
       {Case{"report.pdf", true}, Case{"部门决算 2024.pdf", true},
        Case{"../../etc/passwd", false}, Case{"/etc/passwd", false},
        Case{"a/b.pdf", false}, Case{"..\\x.pdf", false},
        Case{"a..b.pdf", false}, Case{"..", false}, Case{".", false},
        Case{"", false}, Case{"a\nb.pdf", false}, Case{"\xff.pdf", false}}) {
    EXPECT_EQ(IsSafeUploadName(c.name), c.safe) << c.name;
  }
  EXPECT_FALSE(IsSafeUploadName(std::string(300, 'a')));
}

TEST(ServeTest, UploadsGetTheReportAndBadRequestsAreRefused) {
  if (!HaveCurl()) GTEST_SKIP() << "curl is not installed (scripts/setup)";
  ServerProcess server({});
  ASSERT_FALSE(server.url().empty()) << "the server did not start";
  const std::string demo = testing::SourcePath("samples/demo_report/input.txt");

  auto [home_code, home] = Curl(server.url());
  EXPECT_EQ(home_code, "200");
  EXPECT_NE(home.find("enctype=\"multipart/form-data\""), std::string::npos);

  auto [code, report] = Curl("-F 'file=@" + demo + ";filename=demo.txt' " +
                             server.url() + "report");
  EXPECT_EQ(code, "200");
  EXPECT_NE(report.find("<article class=\"finding "), std::string::npos);
  EXPECT_NE(report.find("宜宾市叙州区水利局"), std::string::npos);

  auto [traversal, body] =
      Curl("-F 'file=@" + demo + ";filename=../../etc/passwd' " + server.url() +
           "report");
  EXPECT_EQ(traversal, "400");
  EXPECT_EQ(body.find("root:"), std::string::npos);

  char big[] = "/tmp/budgetdoc_serve_big_XXXXXX";
  int fd = mkstemp(big);
  ASSERT_GE(fd, 0);
  std::string mib(1 << 20, 'x');
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(write(fd, mib.data(), mib.size()), 1 << 20);
  close(fd);
  auto [too_big, ignored] =
      Curl("-F 'file=@" + std::string(big) + ";filename=big.txt' " +
           server.url() + "report");
  unlink(big);
  EXPECT_EQ(too_big, "413");

  for (const char* path : {"etc/passwd", "report/../../etc/passwd",
                           "samples/demo_report/input.txt", "db"}) {
    auto [c, b] = Curl("--path-as-is " + server.url() + path);
    EXPECT_EQ(c, "404") << path;
    EXPECT_EQ(b.find("root:"), std::string::npos) << path;
  }
}

TEST(ServeTest, BrowsesABatchDatabaseByRegionAndYear) {
  if (!HaveCurl()) GTEST_SKIP() << "curl is not installed (scripts/setup)";
  char dir[] = "/tmp/budgetdoc_serve_db_XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  std::string db = std::string(dir) + "/batch.sqlite";
  std::ostringstream out, err;
  ASSERT_EQ(
      RunCli({"batch", testing::SourcePath("samples/demo_report/input.txt"),
              "--db", db, "-j", "1", "--progress", "none"},
             out, err),
      0)
      << err.str();
  ServerProcess server({"--db", db});
  ASSERT_FALSE(server.url().empty());
  auto [code, docs] = Curl(server.url() + "db?region=5115&year=2024");
  EXPECT_EQ(code, "200");
  EXPECT_NE(docs.find("宜宾市叙州区水利局"), std::string::npos);
  auto [fcode, findings] = Curl(server.url() + "db/findings?year=2024");
  EXPECT_EQ(fcode, "200");
  EXPECT_NE(findings.find("share.truncated"), std::string::npos);
  auto [none_code, none] = Curl(server.url() + "db?year=1999");
  EXPECT_EQ(none_code, "200");
  EXPECT_EQ(none.find("宜宾市叙州区水利局"), std::string::npos);
  unlink(db.c_str());
  Shell("rm -rf '" + std::string(dir) + "'");
}

}  // namespace
}  // namespace budgetdoc
