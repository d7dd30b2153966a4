#include "check/rules.h"

#include "check/sum_rules.h"
#include "schema/metrics.h"
#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include <set>

namespace budgetdoc {
namespace {

TEST(RulesTest, IdsAreUniqueAndEveryRuleIsDescribed) {
  std::set<std::string_view> ids;
  for (const RuleSpec& r : AllRules()) {
    EXPECT_TRUE(ids.insert(r.id).second) << r.id;
    EXPECT_FALSE(r.zh.empty()) << r.id;
    EXPECT_FALSE(r.en.empty()) << r.id;
    EXPECT_FALSE(r.identity.empty()) << r.id;
    EXPECT_EQ(r.id.substr(0, r.family.size()), r.family) << r.id;
  }
}

// The sum identities of schema/data/sum_rules.tsv are rules like the
// others: listed, described, of the sum family, over known metrics.
TEST(RulesTest, EverySumRuleOfTheDataTableIsARule) {
  ASSERT_GE(SumRules().size(), 10u);
  for (const SumRuleSpec& s : SumRules()) {
    const RuleSpec* r = FindRule(s.id);
    ASSERT_NE(r, nullptr) << s.id;
    EXPECT_EQ(r->family, "sum");
    EXPECT_EQ(r->zh, s.zh);
    EXPECT_EQ(r->failure, FailureClass::kBySize);
    EXPECT_GE(s.parts.size(), 2u) << s.id;
    EXPECT_NE(MetricCatalog::Default().Find(s.total), nullptr) << s.id;
  }
}

TEST(RulesTest, DocsChecksMdIsGeneratedFromTheTable) {
  testing::ExpectMatchesGolden(RulesMarkdown(), "docs/checks.md");
}

}  // namespace
}  // namespace budgetdoc
