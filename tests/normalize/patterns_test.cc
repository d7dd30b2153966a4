#include "normalize/patterns.h"

#include "normalize/text.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

TEST(PatternsTest, EveryPatternMatchesItsExamplesAndNotItsCounterExamples) {
  const PatternSet& ps = PatternSet::Default();
  ASSERT_FALSE(PatternSet::Specs().empty());
  for (const PatternSpec& spec : PatternSet::Specs()) {
    EXPECT_FALSE(spec.examples.empty()) << spec.name << " has no examples";
    for (const PatternExample& ex : spec.examples) {
      std::string text = NormalizeText(ex.input).text;
      std::vector<PatternMatch> m = ps.FindAll(spec.name, text);
      ASSERT_FALSE(m.empty()) << spec.name << " does not match " << ex.input;
      EXPECT_EQ(text.substr(static_cast<size_t>(m[0].begin),
                            static_cast<size_t>(m[0].end - m[0].begin)),
                ex.first_match)
          << spec.name << " on " << ex.input;
    }
    for (std::string_view ce : spec.counter_examples) {
      std::string text = NormalizeText(ce).text;
      EXPECT_FALSE(ps.Matches(spec.name, text))
          << spec.name << " matches " << ce;
    }
  }
}

}  // namespace
}  // namespace budgetdoc
