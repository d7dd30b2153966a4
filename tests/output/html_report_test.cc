// RenderHtmlReport on documents run through the pipeline in memory and on a
// PDF-shaped document built by hand: escaping, one element per finding,
// page crops asked for page by page, the display classes.
#include "output/html_report.h"

#include "extract/extract.h"
#include "schema/mapper.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos;
       p = text.find(needle, p + 1))
    ++n;
  return n;
}

struct Analyzed {
  NormalizedDocument nd;
  Extraction ex;
  CheckReport zh, en;
};

Analyzed Analyze(const std::string& rel) {
  ExtractOptions opts;
  opts.source_name = rel;
  Result<Document> doc = Extract(testing::ReadSourceFile(rel), opts);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  Analyzed a;
  a.nd = Normalize(doc.ok() ? std::move(doc).value() : Document(), {});
  a.ex = MapToSchema(a.nd);
  a.zh = RunChecks(a.nd, a.ex, {});
  CheckOptions en;
  en.english = true;
  a.en = RunChecks(a.nd, a.ex, en);
  return a;
}

std::string Render(const Analyzed& a) {
  HtmlReportDocument d;
  d.nd = &a.nd;
  d.ex = &a.ex;
  d.checks = &a.zh;
  d.checks_en = &a.en;
  HtmlReportOptions o;
  o.tool_version = "test";
  return RenderHtmlReport({d}, o);
}

TEST(HtmlEscapeTest, EscapesMarkupAndDropsControls) {
  struct Case {
    std::string in, out;
  };
  for (const Case& c : std::vector<Case>{
           {"<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"},
           {"\"><img src=x onerror=y>",
            "&quot;&gt;&lt;img src=x onerror=y&gt;"},
           {"a&b 'c'", "a&amp;b &#39;c&#39;"},
           {"收入\n合计\t1", "收入\n合计\t1"},
           {"a\x01\x1b\x7f"
            "b",
            "ab"},
           {"\xff\xfe", "\xEF\xBF\xBD\xEF\xBF\xBD"},
           {"", ""}}) {
    EXPECT_EQ(HtmlEscape(c.in), c.out) << c.in;
  }
}

TEST(DisplayClassTest, EachVerdictHasOneDisplayClass) {
  struct Case {
    Verdict verdict;
    DisplayClass want;
  };
  for (const Case& c :
       {Case{Verdict::kMaterial, DisplayClass::kMaterial},
        Case{Verdict::kMinor, DisplayClass::kMinor},
        Case{Verdict::kPass, DisplayClass::kPass},
        Case{Verdict::kNotChecked, DisplayClass::kNotChecked},
        Case{Verdict::kNotApplicable, DisplayClass::kNotApplicable}}) {
    CheckResult r;
    r.verdict = c.verdict;
    EXPECT_EQ(DisplayClassOf(r), c.want) << VerdictName(c.verdict);
  }
}

TEST(HtmlReportTest, ShowsHostileDocumentTextAsText) {
  Analyzed a = Analyze("tests/cli/testdata/hostile_report.txt");
  std::string html = Render(a);
  for (const char* forbidden :
       {"<script", "<img", "<svg onload", "<b onmouseover", "</textarea",
        "</title></svg"}) {
    EXPECT_EQ(html.find(forbidden), std::string::npos) << forbidden;
  }
  EXPECT_NE(html.find("&lt;script&gt;document.body.setAttribute("),
            std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror="), std::string::npos);
  EXPECT_NE(html.find("&lt;b onmouseover=alert(1)&gt;812.30万元"),
            std::string::npos);
  // No script may run even if escaping failed somewhere.
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src "
                      "'none'; img-src data:; style-src 'unsafe-inline'\""),
            std::string::npos);
}

TEST(HtmlReportTest, HasOneArticlePerFindingWithItsQuote) {
  Analyzed a = Analyze("samples/demo_report/input.txt");
  std::string html = Render(a);
  // Numbered contradictions first, then minor findings.
  std::vector<const CheckResult*> order;
  for (DisplayClass want : {DisplayClass::kMaterial, DisplayClass::kMinor}) {
    for (const CheckResult& r : a.zh.results) {
      if (DisplayClassOf(r) == want) order.push_back(&r);
    }
  }
  size_t shown = 0;
  for (const CheckResult* rp : order) {
    const CheckResult& r = *rp;
    ++shown;
    std::string id = "id=\"d0-f" + std::to_string(shown) + "\"";
    size_t at = html.find(id);
    ASSERT_NE(at, std::string::npos) << id;
    std::string article = html.substr(at, html.find("</article>", at) - at);
    EXPECT_NE(article.find("data-rule=\"" + r.rule + "\""), std::string::npos);
    EXPECT_NE(article.find(HtmlEscape(r.message)), std::string::npos);
    if (!r.evidence.empty()) {
      EXPECT_NE(article.find("class=\"quote"), std::string::npos) << r.rule;
      bool spanned = false;
      for (const Evidence& e : r.evidence)
        spanned |= e.where.raw_begin >= 0 || e.where.norm_begin >= 0;
      // A figure is marked in its sentence; a whole passage is just quoted.
      if (spanned) {
        EXPECT_NE(article.find("<mark>"), std::string::npos) << r.rule;
      }
    }
  }
  EXPECT_GE(shown, 4u);
  EXPECT_EQ(Count(html, "<article class=\"finding "), shown);
  // Both languages are present; the switch needs no script.
  EXPECT_NE(html.find("lang-en"), std::string::npos);
  EXPECT_NE(html.find("Findings"), std::string::npos);
  EXPECT_NE(html.find("发现的问题"), std::string::npos);
}

TEST(HtmlReportTest, AsksForCropsAndPagesPageByPageAndBoxesTheFigures) {
  // A two-page PDF-shaped document: a sentence on page 2 and one on page 1.
  Document doc;
  doc.format = Format::kPdf;
  doc.source = "made.pdf";
  for (int n : {1, 2}) {
    Page p;
    p.number = n;
    p.width = 595;
    p.height = 842;
    doc.pages.push_back(p);
  }
  auto block = [&](int page, const std::string& text, double y) {
    Block b;
    b.text = text;
    b.page = page;
    b.bbox = BBox{72, y, 300, y + 12};
    b.boxes.push_back({0, static_cast<int>(text.size()), page,
                       BBox{72, y, 72 + 12.0 * 8, y + 12}});
    doc.blocks.push_back(b);
  };
  block(2, "支出合计100.00万元。", 300);
  block(1, "基本支出90.00万元。", 100);
  Analyzed a;
  a.nd = Normalize(doc, {});
  CheckResult r;
  r.rule = "sum.expenditure.basic_project";
  r.outcome = Outcome::kFail;
  r.verdict = Verdict::kMaterial;
  r.severity = Severity::kError;
  r.message = "本年支出合计<不等于>各项之和";
  for (int b : {0, 1}) {
    Evidence e;
    e.value = b == 0 ? "100.00万元" : "90.00万元";
    e.where.block = b;
    const std::string& text = doc.blocks[static_cast<size_t>(b)].text;
    e.where.raw_begin = static_cast<int>(text.find(e.value));
    e.where.raw_end = e.where.raw_begin + static_cast<int>(e.value.size());
    r.evidence.push_back(e);
  }
  a.zh.results.push_back(r);
  std::vector<std::pair<int, BBox>> asked;
  HtmlReportDocument d;
  d.nd = &a.nd;
  d.ex = &a.ex;
  d.checks = &a.zh;
  int calls = 0;
  d.page_images = [&](const std::vector<std::pair<int, BBox>>& regions) {
    ++calls;
    asked = regions;
    return std::vector<std::optional<std::string>>(regions.size(),
                                                   std::string("\x89PNG-fake"));
  };
  std::string html = RenderHtmlReport({d}, {});
  // One request: one crop per page and one whole page per page, in page
  // order.
  EXPECT_EQ(calls, 1);
  ASSERT_EQ(asked.size(), 4u);
  EXPECT_EQ(asked[0].first, 1);
  EXPECT_EQ(asked[1].first, 1);
  EXPECT_EQ(asked[2].first, 2);
  EXPECT_EQ(asked[3].first, 2);
  for (const auto& [page, box] : asked) {
    EXPECT_LE(box.y0, page == 1 ? 100 : 300);
    EXPECT_GE(box.y1, page == 1 ? 112 : 312);
  }
  EXPECT_EQ(Count(html, "<svg class=\"crop\""), 2u);
  EXPECT_EQ(Count(html, "<svg class=\"page\""), 2u);
  EXPECT_EQ(Count(html, "href=\"data:image/png;base64,iVBORy1mYWtl\""), 4u);
  EXPECT_GE(Count(html, "<rect class=\"box"), 4u);
  EXPECT_NE(html.find("本年支出合计&lt;不等于&gt;各项之和"), std::string::npos);
}

}  // namespace
}  // namespace budgetdoc
