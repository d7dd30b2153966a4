// Normalize over whole documents: the stage's own behaviour beyond the
// per-function tests (text_test, sections_test, mentions_test).
#include "normalize/normalize.h"

#include "extract/extract.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

// A crawler's JSON or a hard-wrapped dump: tens of thousands of lines that
// never end a sentence. Joining them must stay linear (it once re-normalized
// the growing block for every line and took minutes on 150 KB).
TEST(NormalizeTest, TensOfThousandsOfUnendedLinesAreRead) {
  std::string text;
  for (int i = 0; i < 20000; ++i)
    text += "  \"value\": \"收入" + std::to_string(i) + "万元\",\n";
  ExtractOptions opts;
  opts.source_name = "big.json.txt";
  Result<Document> doc = Extract(text, opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->blocks.size(), 20000u);
  NormalizedDocument nd = Normalize(std::move(doc).value(), NormalizeOptions{});
  EXPECT_GE(nd.blocks.size(), 1u);
  EXPECT_EQ(nd.mentions.size(), 20000u);
}

}  // namespace
}  // namespace budgetdoc
