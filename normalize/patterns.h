// PatternSet: every RE2 pattern of the project, named, compiled once, each
// with examples that must match and counter-examples that must not (a test
// runs them all). RE2 types stay inside patterns.cc.
// Immutable after construction; safe to share between threads.
// Tested by tests/normalize/patterns_test.cc.
#ifndef BUDGETDOC_NORMALIZE_PATTERNS_H_
#define BUDGETDOC_NORMALIZE_PATTERNS_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

struct PatternExample {
  std::string_view input;
  std::string_view first_match;  // the text of the first match expected
};

struct PatternSpec {
  std::string_view name;
  std::string_view regex;  // RE2 syntax, UTF-8
  std::string_view description;
  std::vector<PatternExample> examples;
  std::vector<std::string_view> counter_examples;  // must not match at all
};

// A match: byte offsets into the searched text. groups[i] is capture i+1,
// {-1, -1} when it did not participate.
struct PatternMatch {
  int begin = 0, end = 0;
  std::vector<std::pair<int, int>> groups;

  std::string_view Group(std::string_view text, size_t i) const;
};

class PatternSet {
 public:
  // The project's patterns, compiled on first use. A pattern that does not
  // compile aborts at startup with RE2's error: it is a programming error
  // that the patterns test catches first.
  static const PatternSet& Default();

  // All non-overlapping matches of the named pattern, left to right.
  // REQUIRES: name is in Specs().
  std::vector<PatternMatch> FindAll(std::string_view name,
                                    std::string_view text) const;
  bool Matches(std::string_view name, std::string_view text) const;

  static std::span<const PatternSpec> Specs();

  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

 private:
  PatternSet();
  struct Compiled;
  std::vector<std::unique_ptr<Compiled>> compiled_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_NORMALIZE_PATTERNS_H_
