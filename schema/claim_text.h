// Clause segmentation for claims (internal to schema/; the public API is
// schema/claims.h): byte spans of sentences (。！？) and clauses (，；：、) in
// a block's normalized text, the words that lead up to a value (ordinals,
// connectives, qualifiers stripped), direction words (增加/减少/…), and the
// bounds that keep the look-back before a value linear.
// Pure functions over string_views that must outlive their results;
// thread-safe. Tested through tests/schema/claims_test.cc.
#ifndef BUDGETDOC_SCHEMA_CLAIM_TEXT_H_
#define BUDGETDOC_SCHEMA_CLAIM_TEXT_H_

#include "schema/metrics.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace claims_internal {

// Bounded look-back: the words that give a value its role and subject stand
// close before it. Keeps reading linear in the length of a sentence.
constexpr size_t kMaxLeadBytes = 240;
constexpr size_t kMaxSentenceLookBack = 720;

bool Contains(std::string_view s, std::string_view w);

bool EndsWith(std::string_view s, std::string_view w);

bool StartsWith(std::string_view s, std::string_view w);

// Moves `pos` back to a UTF-8 character boundary.
size_t CharBoundary(std::string_view t, size_t pos);

// Position just after the last occurrence of any of `words` in s, or npos.
size_t LastOf(std::string_view s, std::initializer_list<std::string_view> words,
              std::string_view* which = nullptr);

struct Span {
  int begin = 0, end = 0;
};

// The last subject lying wholly in [from, to], if any. REQUIRES: subjects
// sorted by position and not overlapping (as FindSubjects and Heads give
// them): a binary search, not a scan of a long block's every subject per
// value.
std::optional<SubjectMatch> LastSubjectIn(
    const std::vector<SubjectMatch>& subjects, int from, int to);

// Sentences end at 。！？ (；，： only end clauses).
std::vector<Span> SplitSentences(std::string_view t);

// Clause delimiters; a delimiter inside a printed number ("1,234.50") is
// not one (callers skip mention spans).
size_t DelimiterAt(std::string_view t, size_t i);

// Strips verbs and connectives printed between a subject and its number:
// "公务接待费支出决算为" → "公务接待费".
std::string StripLead(std::string_view s);

// Words that may stand between a subject and its number.
bool IsConnective(std::string_view between);

// True when `prefix` (the clause text before a vocabulary term) narrows the
// term: anything beyond years, the reporting body's name, list numbers and
// connectives ("其中", "本部门"). "其他资金收入预算总计" is not 收入预算总计.
bool IsQualifier(std::string_view prefix, std::string_view entity);

// The direction word closest before the number, if any ("增加（减少）" for
// template residue whose sign is unknown).
std::string DirectionIn(std::string_view lead);

}  // namespace claims_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_CLAIM_TEXT_H_
