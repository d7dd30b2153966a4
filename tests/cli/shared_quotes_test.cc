// Quotes and file names are shared, not copied (issue 20): the facts read
// from one sentence or table row carry one quote, every provenance the
// document's one file name. These tests pin that sharing never changes what
// is quoted: a narrative fact quotes its own sentence, a table fact its row,
// evidence quotes its fact, and raw spans still point at the printed value.
#include "base/shared_text.h"
#include "base/utf8.h"
#include "cli/pipeline.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

namespace budgetdoc {
namespace {

Analysis AnalyzeSample(const std::string& name) {
  std::string path =
      std::string(BUDGETDOC_SOURCE_DIR) + "/samples/generated/" + name;
  Result<Analysis> a = AnalyzeFile(path, PipelineOptions{});
  EXPECT_TRUE(a.ok()) << path;
  return a.ok() ? std::move(*a) : Analysis{};
}

TEST(SharedQuotesTest, SharedTextReadsAndComparesAsItsString) {
  SharedText empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.str(), "");
  SharedText a = std::string("基本支出1197.55万元");
  SharedText b = a;
  EXPECT_EQ(&a.str(), &b.str());  // a copy shares the text
  EXPECT_EQ(a, std::string("基本支出1197.55万元"));
  EXPECT_EQ(a, "基本支出1197.55万元");
  EXPECT_EQ(a.size(), std::string("基本支出1197.55万元").size());
  EXPECT_EQ("「" + a + "」", "「基本支出1197.55万元」");
  SharedText c = std::string("基本支出1197.55万元");
  EXPECT_EQ(a, c);  // equal texts compare equal without sharing
}

TEST(SharedQuotesTest, NarrativeFactsQuoteTheirOwnSentenceOnce) {
  for (const char* name :
       {"c01_final_education.txt", "c01_final_education.html"}) {
    Analysis a = AnalyzeSample(name);
    ASSERT_FALSE(a.ex.facts.empty()) << name;
    std::map<std::pair<int, int>, const std::string*> quote_of_claim_value;
    int narrative = 0, table = 0;
    for (const Fact& f : a.ex.facts) {
      // One file name for the whole document.
      EXPECT_EQ(&f.where.source.str(), &a.nd.doc.source.str()) << name;
      if (f.origin == Origin::kNarrative) {
        ++narrative;
        const Claim& c = a.ex.claims.claims[static_cast<size_t>(f.claim)];
        const ClaimValue& v = c.values[static_cast<size_t>(f.claim_value)];
        EXPECT_EQ(&f.quote.str(), &v.quote.str()) << name;
        // The quote is the sentence around the value (shortened to 120
        // characters): it holds the value's own text unless cut before it.
        const std::string& text =
            a.nd.blocks[static_cast<size_t>(f.where.block)].text;
        std::string printed = text.substr(
            static_cast<size_t>(f.where.norm_begin),
            static_cast<size_t>(f.where.norm_end - f.where.norm_begin));
        const std::string& q = f.quote;
        EXPECT_LE(CountCodePoints(q), 121u) << q;
        bool cut = q.size() >= 3 && q.compare(q.size() - 3, 3, "…") == 0;
        if (!cut) EXPECT_NE(q.find(printed), std::string::npos) << q;
        EXPECT_NE(text.find(cut ? q.substr(0, q.size() - 3) : q),
                  std::string::npos)
            << q;
        // The raw span still points at the printed value.
        const std::string& raw =
            a.nd.doc.blocks[static_cast<size_t>(f.where.block)].text;
        ASSERT_LE(static_cast<size_t>(f.where.raw_end), raw.size());
        EXPECT_LT(f.where.raw_begin, f.where.raw_end);
      } else if (f.origin == Origin::kTable) {
        ++table;
        // A row's facts share its quote, which joins the row's cells.
        auto [it, added] = quote_of_claim_value.emplace(
            std::make_pair(f.where.table, f.where.row), &f.quote.str());
        if (!added) {
          EXPECT_EQ(it->second, &f.quote.str()) << name;
        }
        EXPECT_NE(f.quote.str().find(" | "), std::string::npos) << f.quote;
      }
    }
    EXPECT_GT(narrative, 10) << name;
    EXPECT_GT(table, 10) << name;
    // Evidence quotes the fact it names.
    int quoted = 0;
    for (const CheckResult& r : a.report.results) {
      for (const Evidence& e : r.evidence) {
        if (e.quote.empty()) continue;
        ++quoted;
        EXPECT_LE(CountCodePoints(e.quote.view()), 121u);
      }
    }
    EXPECT_GT(quoted, 0) << name;
  }
}

}  // namespace
}  // namespace budgetdoc
