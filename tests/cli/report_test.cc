// `budgetdoc report` rendered in headless Chromium (Debian's chromium,
// installed by scripts/setup; skipped with a message when absent): the DOM
// has one element per finding with its quote, PDF reports carry page crops
// and pages, a hostile document shows its markup as text and runs nothing.
// Screenshots are left in the test's temporary directory for a human look.
#include "cli/cli.h"
#include "cli/pipeline.h"
#include "output/html_report.h"
#include "tests/testing/corpus.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace budgetdoc {
namespace {

std::string Chromium() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (::access(p, X_OK) == 0) return p;
  }
  return "";
}

#define SKIP_WITHOUT_CHROMIUM()                                            \
  do {                                                                     \
    if (Chromium().empty())                                                \
      GTEST_SKIP() << "chromium is not installed (scripts/setup installs " \
                      "it); the browser checks of the report are skipped"; \
  } while (0)

std::string TempDir() {
  char tmpl[] = "/tmp/budgetdoc_report_test_XXXXXX";
  char* d = mkdtemp(tmpl);
  return d != nullptr ? d : "/tmp";
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

std::string Run(const std::string& command) {
  std::string out;
  FILE* f = popen(command.c_str(), "r");
  if (f == nullptr) return out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0) out.append(buf, n);
  pclose(f);
  return out;
}

// Chromium as the brief of issue 16 runs it: headless, no sandbox (root),
// no network chatter, a fresh profile.
std::string ChromiumCommand(const std::string& dir, const std::string& what) {
  return Chromium() +
         " --headless --no-sandbox --disable-gpu --disable-quic "
         "--no-first-run --disable-background-networking "
         "--disable-component-update --disable-sync --hide-scrollbars "
         "--user-data-dir=" +
         Quote(dir + "/profile-" + std::to_string(std::rand())) + " " + what;
}

std::string DumpDom(const std::string& dir, const std::string& html) {
  return Run(ChromiumCommand(dir, "--dump-dom " + Quote("file://" + html)) +
             " 2>/dev/null");
}

void Screenshot(const std::string& dir, const std::string& html,
                const std::string& png) {
  Run(ChromiumCommand(dir, "--window-size=1000,3000 --screenshot=" +
                               Quote(png) + " " + Quote("file://" + html)) +
      " >/dev/null 2>&1");
  std::ifstream in(png, std::ios::binary);
  std::string head(8, '\0');
  in.read(head.data(), 8);
  EXPECT_EQ(head, std::string("\x89PNG\r\n\x1a\n", 8)) << png;
  std::cout << "screenshot: " << png << "\n";
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos;
       p = text.find(needle, p + 1))
    ++n;
  return n;
}

std::string MakeReport(const std::vector<std::string>& files,
                       const std::string& out) {
  std::vector<std::string> args = {"report"};
  args.insert(args.end(), files.begin(), files.end());
  args.push_back("-o");
  args.push_back(out);
  std::ostringstream o, e;
  EXPECT_EQ(RunCli(args, o, e), 0) << e.str();
  return out;
}

// What the DOM of document `index` must show for the analysis of `file`.
void ExpectDocument(const std::string& dom, int index, const std::string& file,
                    bool pdf_crops) {
  std::string open =
      "<section class=\"doc\" id=\"d" + std::to_string(index) + "\"";
  size_t at = dom.find(open);
  ASSERT_NE(at, std::string::npos) << file;
  size_t end = dom.find("<section class=\"doc\" id=\"d", at + 1);
  std::string section =
      dom.substr(at, end == std::string::npos ? std::string::npos : end - at);
  Result<Analysis> a = AnalyzeFile(file, {});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  // Numbered contradictions first, then minor findings.
  std::vector<const CheckResult*> order;
  for (DisplayClass want : {DisplayClass::kMaterial, DisplayClass::kMinor}) {
    for (const CheckResult& r : a->report.results) {
      if (DisplayClassOf(r) == want) order.push_back(&r);
    }
  }
  size_t n = 0, with_quote = 0, located = 0;
  for (const CheckResult* rp : order) {
    const CheckResult& r = *rp;
    ++n;
    std::string id =
        "id=\"d" + std::to_string(index) + "-f" + std::to_string(n) + "\"";
    size_t f = section.find(id);
    ASSERT_NE(f, std::string::npos) << file << " " << id;
    std::string article = section.substr(f, section.find("</article>", f) - f);
    EXPECT_NE(article.find(r.rule), std::string::npos) << file;
    bool quotable = false, boxed = false;
    for (const Evidence& e : r.evidence) {
      quotable |= !e.quote.empty();
      boxed |= e.where.bbox.has_value();
    }
    if (quotable) {
      ++with_quote;
      EXPECT_NE(article.find("class=\"quote"), std::string::npos)
          << file << " " << r.rule;
    }
    if (pdf_crops && boxed) {
      ++located;
      EXPECT_NE(article.find("<svg class=\"crop\""), std::string::npos)
          << file << " " << r.rule;
      EXPECT_NE(article.find("data:image/png;base64,iVBORw0KGgo"),
                std::string::npos)
          << file << " " << r.rule;
    }
  }
  EXPECT_EQ(Count(section, "<article class=\"finding "), n) << file;
  if (pdf_crops && located > 0) {
    EXPECT_GE(Count(section, "<svg class=\"page\""), 1u) << file;
  }
  std::cout << file << ": " << n << " findings, " << with_quote
            << " with quotes, " << located << " boxed on the page\n";
}

TEST(ReportTest, AGeneratedReportInEveryFormatAndAPlantedOneRenderInChromium) {
  SKIP_WITHOUT_CHROMIUM();
  std::string dir = TempDir();
  std::vector<std::string> files;
  for (const char* ext : {"txt", "docx", "html", "pdf"}) {
    files.push_back(testing::SourcePath(
        std::string("samples/generated/c01_final_education.") + ext));
  }
  for (const char* f : {"samples/generated/m16_agree.text_table_budget.txt",
                        "samples/generated/m16_agree.text_table_budget.docx",
                        "tests/cli/testdata/planted_budget.pdf"}) {
    files.push_back(testing::SourcePath(f));
  }
  std::string html = MakeReport(files, dir + "/report.html");
  std::string dom = DumpDom(dir, html);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << "no DOM from chromium";
  for (size_t i = 0; i < files.size(); ++i) {
    bool pdf = files[i].size() > 4 &&
               files[i].compare(files[i].size() - 4, 4, ".pdf") == 0;
    ExpectDocument(dom, static_cast<int>(i), files[i], pdf);
  }
  // The planted PDF has findings, so crops; a table is marked somewhere.
  EXPECT_GE(Count(dom, "<svg class=\"crop\""), 1u);
  EXPECT_GE(Count(dom, "class=\"hit\""), 1u);
  Screenshot(dir, html, dir + "/report.png");
}

TEST(ReportTest, AHostileDocumentShowsItsMarkupAsTextAndRunsNoScript) {
  SKIP_WITHOUT_CHROMIUM();
  std::string dir = TempDir();
  std::string html =
      MakeReport({testing::SourcePath("tests/cli/testdata/hostile_report.txt")},
                 dir + "/hostile.html");
  std::string dom = DumpDom(dir, html);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << "no DOM from chromium";
  // Each payload would set this attribute on <body>; as text it appears
  // only inside the quoted passages, never as an attribute.
  EXPECT_EQ(dom.find("data-pwned=\"1\""), std::string::npos) << "a script ran";
  EXPECT_NE(dom.find("setAttribute('data-pwned','1')"), std::string::npos);
  EXPECT_EQ(dom.find("<script"), std::string::npos);
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_EQ(dom.find("<svg onload"), std::string::npos);
  EXPECT_NE(dom.find("&lt;script&gt;document.body.setAttribute("),
            std::string::npos);
  EXPECT_NE(dom.find("\"&gt;&lt;img src=x onerror=\"document.body"),
            std::string::npos);
  EXPECT_NE(dom.find("&lt;svg onload="), std::string::npos);
  EXPECT_GE(Count(dom, "<article class=\"finding "), 1u);
  Screenshot(dir, html, dir + "/hostile.png");
}

TEST(ReportTest, ARealPdfHasItsFindingsBoxedOnPageCrops) {
  SKIP_WITHOUT_CHROMIUM();
  const std::string rel =
      "real/gbc_putuo_finance_2024_final_MODIFIED_testversion.pdf";
  BUDGETDOC_SKIP_IF_NO_CORPUS(rel);
  std::string dir = TempDir();
  std::string file = testing::CorpusPath(rel);
  std::string html = MakeReport({file}, dir + "/real.html");
  std::string dom = DumpDom(dir, html);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << "no DOM from chromium";
  ExpectDocument(dom, 0, file, true);
  EXPECT_GE(Count(dom, "<svg class=\"crop\""), 5u);
  Screenshot(dir, html, dir + "/real.png");
}

}  // namespace
}  // namespace budgetdoc
