// How checks treat figures recognized by OCR (check/context.cc, Add): no
// figure read from a page image makes a check material or minor. One below
// the confidence cut may be misread; sure figures may sit in a misread row.
// Either way the check is not_checked with its own reason, and its evidence
// says it was recognized.
#include "check/check.h"
#include "normalize/normalize.h"
#include "schema/mapper.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

// 1197.55 + 701.5 = 1899.05, printed as 1889.05: the sum fails.
constexpr char kText[] =
    "本年支出合计1889.05万元，其中：基本支出1197.55万元；项目支出701.5万元。";

CheckReport CheckScanned(int confidence,
                         const CheckOptions& options = CheckOptions{}) {
  Document doc;
  doc.format = Format::kPdf;
  Block b;
  b.text = kText;
  b.page = 1;
  b.ocr.push_back({0, static_cast<int>(b.text.size()), confidence});
  doc.blocks.push_back(b);
  Page page;
  page.number = 1;
  page.ocr = true;
  page.ocr_confidence = confidence;
  doc.pages.push_back(page);
  NormalizedDocument nd = Normalize(std::move(doc), NormalizeOptions{});
  Extraction ex = MapToSchema(nd);
  return RunChecks(nd, ex, options);
}

const CheckResult* Find(const CheckReport& r, const std::string& rule) {
  for (const CheckResult& c : r.results) {
    if (c.rule == rule) return &c;
  }
  return nullptr;
}

TEST(OcrGuardTest, ALowConfidenceFigureFailsNothing) {
  CheckReport r = CheckScanned(40);
  const CheckResult* c = Find(r, "sum.expenditure.basic_project");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->outcome, Outcome::kFail);  // the arithmetic still fails
  EXPECT_EQ(c->verdict, Verdict::kNotChecked);
  EXPECT_EQ(c->severity, Severity::kInfo);
  EXPECT_TRUE(c->capped);
  EXPECT_NE(c->reason.find("置信度低"), std::string::npos) << c->reason;
  ASSERT_FALSE(c->evidence.empty());
  EXPECT_EQ(c->evidence[0].ocr_confidence, 40);
  EXPECT_TRUE(c->evidence[0].low_confidence);
  EXPECT_EQ(r.Count(Verdict::kMaterial), 0u);
  EXPECT_EQ(r.Count(Verdict::kMinor), 0u);
}

TEST(OcrGuardTest, SureRecognizedFiguresFailNothingEither) {
  CheckReport r = CheckScanned(96);
  const CheckResult* c = Find(r, "sum.expenditure.basic_project");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->outcome, Outcome::kFail);
  EXPECT_EQ(c->verdict, Verdict::kNotChecked);
  EXPECT_TRUE(c->capped);
  EXPECT_NE(c->reason.find("行列可能误识"), std::string::npos) << c->reason;
  EXPECT_EQ(c->reason.find("置信度低"), std::string::npos) << c->reason;
  EXPECT_NE(c->message.find(c->reason), std::string::npos) << c->message;
  ASSERT_FALSE(c->evidence.empty());
  EXPECT_EQ(c->evidence[0].ocr_confidence, 96);
  EXPECT_FALSE(c->evidence[0].low_confidence);
  EXPECT_EQ(r.Count(Verdict::kMaterial), 0u);
}

TEST(OcrGuardTest, ALowConfidenceReasonIsInEnglishWhenAsked) {
  CheckOptions english;
  english.english = true;
  CheckReport r = CheckScanned(40, english);
  const CheckResult* c = Find(r, "sum.expenditure.basic_project");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->verdict, Verdict::kNotChecked);
  EXPECT_NE(c->reason.find("low confidence"), std::string::npos) << c->reason;
}

}  // namespace
}  // namespace budgetdoc
