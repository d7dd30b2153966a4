// Tests of extract/pdf_page_budget.h: pages come back in order with their
// words and messages; a page that stalls is reported as timed out and the
// pages after it are still read; a page whose reader dies is reported as
// failed; the wire format round-trips and refuses truncated bytes.
#include "extract/pdf_page_budget.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace budgetdoc {
namespace {

// Reads page i as one word "p<i>"; page 1 (0-based) cannot be loaded.
bool ReadSimple(int i, PdfPageInput* page, PageMessages* messages) {
  if (i == 1) return false;
  page->width = 595;
  page->height = 842;
  PdfWord w;
  w.text = "p" + std::to_string(i);
  w.x0 = 1.5;
  w.x1 = 2.5;
  w.font_size = 12;
  w.space_after = true;
  page->words.push_back(w);
  messages->count = 2;
  messages->first = {"warning " + std::to_string(i)};
  return true;
}

TEST(PdfPageBudgetTest, ReadsEveryPageInOrderWithAndWithoutABudget) {
  for (int budget : {0, 5000}) {
    std::vector<BudgetedPage> pages =
        ReadPagesWithBudget(3, budget, ReadSimple);
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_EQ(pages[0].outcome, PageOutcome::kRead);
    EXPECT_EQ(pages[1].outcome, PageOutcome::kMissing);
    EXPECT_EQ(pages[1].input.number, 2);
    EXPECT_EQ(pages[2].outcome, PageOutcome::kRead);
    ASSERT_EQ(pages[2].input.words.size(), 1u);
    EXPECT_EQ(pages[2].input.words[0].text, "p2");
    EXPECT_EQ(pages[2].input.words[0].x1, 2.5);
    EXPECT_TRUE(pages[2].input.words[0].space_after);
    EXPECT_EQ(pages[2].input.number, 3);
    EXPECT_EQ(pages[2].messages.count, 2u);
    ASSERT_EQ(pages[2].messages.first.size(), 1u);
    EXPECT_EQ(pages[2].messages.first[0], "warning 2");
  }
}

TEST(PdfPageBudgetTest, SkipsAPageThatStallsAndReadsTheRest) {
  auto read = [](int i, PdfPageInput* page, PageMessages* messages) {
    if (i == 1) std::this_thread::sleep_for(std::chrono::seconds(30));
    return ReadSimple(i == 1 ? 0 : i, page, messages);
  };
  auto start = std::chrono::steady_clock::now();
  std::vector<BudgetedPage> pages = ReadPagesWithBudget(3, 200, read);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(10));
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].outcome, PageOutcome::kRead);
  EXPECT_EQ(pages[1].outcome, PageOutcome::kTimedOut);
  EXPECT_EQ(pages[1].input.number, 2);
  EXPECT_EQ(pages[2].outcome, PageOutcome::kRead);
  EXPECT_EQ(pages[2].input.words[0].text, "p2");
}

TEST(PdfPageBudgetTest, ReportsAPageWhoseReaderDiesAsFailed) {
  auto read = [](int i, PdfPageInput* page, PageMessages* messages) {
    if (i == 0) std::_Exit(3);
    return ReadSimple(i, page, messages);
  };
  std::vector<BudgetedPage> pages = ReadPagesWithBudget(3, 5000, read);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].outcome, PageOutcome::kFailed);
  EXPECT_EQ(pages[1].outcome, PageOutcome::kMissing);
  EXPECT_EQ(pages[2].outcome, PageOutcome::kRead);
}

TEST(PdfPageBudgetTest, WireFormatRoundTripsAndRefusesTruncatedBytes) {
  BudgetedPage page;
  ReadSimple(4, &page.input, &page.messages);
  page.input.number = 5;
  page.input.rotation = 90;
  page.input.image_only = true;
  std::string bytes = EncodeBudgetedPage(page);
  BudgetedPage back;
  ASSERT_TRUE(DecodeBudgetedPage(bytes, &back));
  EXPECT_EQ(EncodeBudgetedPage(back), bytes);
  EXPECT_EQ(back.input.rotation, 90);
  EXPECT_TRUE(back.input.image_only);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    BudgetedPage partial;
    EXPECT_FALSE(DecodeBudgetedPage(bytes.substr(0, cut), &partial)) << cut;
  }
}

}  // namespace
}  // namespace budgetdoc
