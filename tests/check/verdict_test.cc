// Tests check/verdict.{h,cc}: the one mapping from a judgment to a verdict,
// a size and a severity, and the order findings are read in.
#include "check/verdict.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

Decimal D(std::string_view s) { return *Decimal::Parse(s); }

Judgment Failed(const char* printed, const char* expected,
                const char* tolerance, const char* hint = "") {
  Judgment j;
  j.outcome = Outcome::kFail;
  j.printed = D(printed);
  j.expected = D(expected);
  j.difference = D(printed) - D(expected);
  j.tolerance = D(tolerance);
  j.hint = hint;
  return j;
}

TEST(VerdictTest, AFailureIsMinorWhenOffByOneUnitOfItsLastDigit) {
  struct Case {
    const char* rule;
    const char* unit;
    const char* printed;
    const char* expected;
    const char* tolerance;
    const char* hint;
    Verdict verdict;
    const char* size_wan;
  };
  const Case cases[] = {
      // Money: one fen beyond the tolerance is minor, more is material.
      {"sum.x", "万元", "812.42", "812.40", "0.01", "", Verdict::kMinor,
       "0.02"},
      {"sum.x", "万元", "812.50", "812.40", "0.01", "", Verdict::kMaterial,
       "0.10"},
      // A share nudged by one unit is minor; a rate only by a fifth of one.
      {"share.recompute", "%", "36.61", "36.60", "0.005", "", Verdict::kMinor,
       "0.01"},
      {"change.rate", "%", "30", "29.15", "0.5", "", Verdict::kMaterial,
       "0.85"},
      // The truncation is minor whatever its size.
      {"change.rate", "%", "29.1", "29.15", "0", "truncation", Verdict::kMinor,
       "0.05"},
  };
  for (const Case& c : cases) {
    CheckResult r;
    SizeFailure(Failed(c.printed, c.expected, c.tolerance, c.hint), c.rule,
                c.unit, D("100"), &r);
    EXPECT_EQ(r.verdict, c.verdict) << c.rule << " " << c.printed;
    EXPECT_EQ(r.size_wan, D(c.size_wan)) << c.rule << " " << c.printed;
  }
}

TEST(VerdictTest, EveryOutcomeSettlesToAVerdictAndASeverity) {
  struct Case {
    Outcome outcome;
    Verdict preset;
    FailureClass failure;
    Verdict verdict;
    Severity severity;
    bool within_rounding;
  };
  const Case cases[] = {
      {Outcome::kPass, Verdict::kNotChecked, FailureClass::kBySize,
       Verdict::kPass, Severity::kInfo, false},
      {Outcome::kRounding, Verdict::kNotChecked, FailureClass::kBySize,
       Verdict::kPass, Severity::kInfo, true},
      {Outcome::kNotApplicable, Verdict::kNotChecked, FailureClass::kBySize,
       Verdict::kNotApplicable, Severity::kInfo, false},
      {Outcome::kFail, Verdict::kMinor, FailureClass::kBySize, Verdict::kMinor,
       Severity::kWarning, false},
      {Outcome::kFail, Verdict::kNotChecked, FailureClass::kBySize,
       Verdict::kMaterial, Severity::kError, false},
      {Outcome::kFail, Verdict::kMaterial, FailureClass::kMinor,
       Verdict::kMinor, Severity::kWarning, false},
      {Outcome::kFail, Verdict::kMinor, FailureClass::kMaterial,
       Verdict::kMaterial, Severity::kError, false},
  };
  for (const Case& c : cases) {
    CheckResult r;
    r.outcome = c.outcome;
    r.verdict = c.preset;
    SettleVerdict(c.failure, {}, false, &r);
    EXPECT_EQ(r.verdict, c.verdict) << OutcomeName(c.outcome);
    EXPECT_EQ(r.severity, c.severity) << OutcomeName(c.outcome);
    EXPECT_EQ(r.within_rounding, c.within_rounding) << OutcomeName(c.outcome);
  }
}

TEST(VerdictTest, NothingIsRaisedOnARecognizedOrUnreadableValue) {
  struct Case {
    Reliability reliability;
    const char* reason;
  };
  const Case cases[] = {
      {{.misread = true}, "置信度低"},
      {{.recognized = true}, "图像识别"},
      {{.unreadable = true}, "无法可靠识别"},
  };
  for (const Case& c : cases) {
    CheckResult r;
    r.outcome = Outcome::kFail;
    r.verdict = Verdict::kMaterial;
    r.message = "差额";
    SettleVerdict(FailureClass::kBySize, c.reliability, false, &r);
    EXPECT_EQ(r.verdict, Verdict::kNotChecked) << c.reason;
    EXPECT_EQ(r.severity, Severity::kInfo) << c.reason;
    EXPECT_TRUE(r.capped) << c.reason;
    EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
    EXPECT_NE(r.message.find(c.reason), std::string::npos) << r.message;
  }
}

TEST(VerdictTest, TheEvidenceTellsWhatWasRecognized) {
  CheckResult r;
  r.evidence.resize(2);
  EXPECT_FALSE(ReliabilityOfEvidence(r).recognized);
  r.evidence[1].ocr_confidence = 91;
  EXPECT_TRUE(ReliabilityOfEvidence(r).recognized);
  EXPECT_FALSE(ReliabilityOfEvidence(r).misread);
  r.evidence[0].low_confidence = true;
  EXPECT_TRUE(ReliabilityOfEvidence(r).misread);
}

TEST(VerdictTest, MaterialComesFirstLargestFirstThenMinorThenTheRest) {
  auto make = [](const char* name, Verdict v, const char* wan) {
    CheckResult r;
    r.rule = name;
    r.verdict = v;
    r.size_wan = D(wan);
    return r;
  };
  std::vector<CheckResult> rs = {
      make("pass", Verdict::kPass, "0"),
      make("minor", Verdict::kMinor, "0.01"),
      make("small", Verdict::kMaterial, "1.20"),
      make("unchecked", Verdict::kNotChecked, "0"),
      make("large", Verdict::kMaterial, "8.40"),
  };
  std::stable_sort(rs.begin(), rs.end(), RanksBefore);
  std::vector<std::string> order;
  for (const CheckResult& r : rs) order.push_back(r.rule);
  EXPECT_EQ(order, (std::vector<std::string>{"large", "small", "minor", "pass",
                                             "unchecked"}));
}

}  // namespace
}  // namespace budgetdoc
