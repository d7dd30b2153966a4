#include "check/rules.h"

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

TEST(RulesTest, DocsChecksMdIsGeneratedFromTheTable) {
  testing::ExpectMatchesGolden(RulesMarkdown(), "docs/checks.md");
}

}  // namespace
}  // namespace budgetdoc
