// The reader of a document's claims (internal to schema/; the public API
// and the reading order are in schema/claims.h). ClaimReader::Run reads
// every block of prose in order; its steps live in files of their own:
//  - schema/claim_blocks.cc: blocks, sentences, clauses and scopes, and
//    each value from its scope to its claim;
//  - schema/claim_roles.cc: the role of a percentage, an amount or a count
//    from the words before it;
//  - schema/claim_binding.cc: the subject a value binds to (a term heading
//    its clause, pairs such as 收支总额), and claims per subject with their
//    comparators.
// A ClaimReader borrows the document, metadata and metric catalog, which
// must outlive it; it is used once (Run) by one thread.
// Tested through tests/schema/claims_test.cc.
#ifndef BUDGETDOC_SCHEMA_CLAIM_READER_H_
#define BUDGETDOC_SCHEMA_CLAIM_READER_H_

#include "normalize/normalize.h"
#include "schema/claim_cues.h"
#include "schema/claim_terms.h"
#include "schema/claim_text.h"
#include "schema/claims.h"
#include "schema/metrics.h"
#include "schema/report_meta.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace claims_internal {

class ClaimReader {
 public:
  ClaimReader(const NormalizedDocument& nd, const ReportMeta& meta,
              const MetricCatalog& metrics)
      : nd_(nd), meta_(meta), metrics_(metrics) {}

  // Blocks in order. An item's subject carries over the blocks of its
  // section that follow without naming their own: the section title's
  // subject, then the last 类/款/项 path printed as an item label (a block of
  // its own, "“公共安全支出（类）司法（款）其他公共安全支出（项）”", or the
  // head of a block).
  ClaimSet Run();

 private:
  // One sentence's reading state.
  struct SentenceState {
    std::vector<ScopeSpan> scopes;
    SharedText quote;           // the sentence, quoted once for its values
    ClaimSubject main;          // last subject of the main scope
    ClaimSubject component;     // last subject inside a component scope
    int component_scope = -1;   // index of the scope `component` belongs to
    bool main_unknown = false;  // a named, unknown subject holds
    bool component_unknown = false;  // likewise inside the component scope
    // The last subject named in the sentence was a component (「其中：基本支出
    // 1197.55万元，比上年增加60.00万元」: the change clause after it, outside
    // the 其中 scope, is still the component's).
    bool last_is_component = false;
    ClaimSubject
        label;  // a 类/款/项 label opening the sentence ("检察（款）：")
    // Whose breakdown each component scope is: the component named before
    // the scope opened in an earlier scope ("其中：人员经费…，主要包括：
    // 基本工资…" breaks down 人员经费), else the main subject.
    std::map<int, ClaimSubject> scope_owner;
  };

  // One block's reading state (ReadBlock and its steps).
  struct BlockState {
    int block = -1;
    int section = -1;
    Context ctx = Context::kNone;
    const ClaimSubject* inherited = nullptr;
    std::vector<Span> sentences;
    std::vector<SubjectMatch> subjects;
    std::vector<Span> delims;
    ClaimSubject block_subject;
    bool block_unknown = false;
    // Claim of each subject in this block.
    std::map<std::string, int> block_claims;
    size_t si = static_cast<size_t>(-1);  // the current sentence
    SentenceState st;
    // The main subject of the block's previous sentence: a sentence that
    // opens with a breakdown ("其中：…") breaks it down.
    ClaimSubject last_main;
    bool reason_continues = false;
    int prev_end = 0;  // end of the previous value in the same clause
  };

  // Reads one block's values; returns the item subject later blocks carry.
  ClaimSubject ReadBlock(int block, size_t first, size_t last,
                         const ClaimSubject& inherited);

  // Moves the block to sentence `s`: the sentences passed over (without
  // values) still carry subjects and scopes; then the new sentence's scopes
  // and label.
  void EnterSentence(const std::string& t, size_t s, BlockState* b);

  // Reads the value of mention `i` in the block's current sentence: its
  // scope, role and subject; then adds it to its subject's claim, or lists
  // it as unclaimed with the reason.
  void ReadValue(const std::string& t, size_t i, BlockState* b);

  // The subject of value `v` (mention `i`): a count's own metric; else a
  // term heading its own clause, the scope's or sentence's subject, the
  // block's, the inherited item's. False when the value is listed as
  // unclaimed instead (a component without a subject, an unknown subject,
  // money named by a count term is left to the caller).
  bool BindSubject(const std::string& t, size_t i, const ClaimValue& v,
                   const Span& clause, std::string_view lead,
                   std::string_view sentence_before, const ScopeSpan* scope,
                   ScopeKind kind, int scope_index, bool is_money,
                   BlockState* b, ClaimSubject* subject_out);

  // A subject named by a 类/款/项 path (an item of a list), not by a term.
  static bool IsItem(const ClaimSubject& s);

  // A block without values that labels an item: a 类/款/项 path in its first
  // sentence ("“…（项）”", "15、…（款）事业单位离退休（项）。主要用于：…").
  static ClaimSubject LabelOnly(std::string_view text, Context ctx);

  // Reads a sentence without values for what it tells later sentences:
  // its subject (block_subject) and whether a reason enumeration goes on.
  bool ScanSentence(std::string_view t, const Span& sent, bool reason_before,
                    Context ctx, const std::vector<SubjectMatch>& subjects,
                    ClaimSubject* block_subject, bool* block_unknown);

  // "检察（款）：…", "住房改革支出(款): …": a 类/款/项 label before the
  // sentence's first colon.
  static ClaimSubject SentenceLabel(std::string_view t, const Span& sent,
                                    Context ctx);

  // The subject a block's list item names in its first sentence
  // ("1、一般公共服务（类）…（项）。…年初预算为…").
  ClaimSubject ItemSubject(std::string_view t, const std::vector<Span>& sents,
                           Context ctx) const;

  // The subject a section's title names: a 类/款/项 path or a vocabulary
  // term that is the whole title ("（一）一般行政管理事务（项）",
  // "3.公务接待费").
  ClaimSubject SectionSubject(int section, Context ctx) const;

  std::string_view SentenceBefore(std::string_view t, const Span& sent,
                                  int pos) const;

  // Clause delimiters of a block, outside printed numbers ("1,234.50"):
  // {position, length}, in order. One pass over the text.
  std::vector<Span> Delimiters(std::string_view t, size_t first,
                               size_t last) const;

  // The clause holding `pos` within its sentence.
  static Span ClauseOf(const std::vector<Span>& delims, const Span& sent,
                       int pos);

  // The scopes of a sentence, in order. `reason_before`: the sentence goes
  // on with an enumeration of reasons begun in the previous one.
  std::vector<ScopeSpan> Scopes(std::string_view t, const Span& sent,
                                bool reason_before) const;

  static const ScopeSpan* ScopeAt(const std::vector<ScopeSpan>& scopes,
                                  int pos);

  // ---- Roles ----

  bool PercentRole(std::string_view t, const Mention& mention,
                   std::string_view lead, std::string_view sentence_before,
                   const std::vector<SubjectMatch>& subjects, ClaimValue* v);

  void AmountRole(const Mention& mention, std::string_view lead,
                  std::string_view sentence_before, ClaimValue* v);

  bool CountRole(std::string_view t, const Span& sent, const Mention& mention,
                 int section, ClaimValue* v);

  // ---- Subjects ----

  struct OwnSubject {
    ClaimSubject subject;
    bool found = false;
    bool named_unknown = false;  // the clause names something we do not know
  };

  // The subject the value's own clause names before it. `in_purpose`: the
  // value stands in a 主要用于 list, where a bare label binds only when the
  // catalog knows it as a class name (a structure list), never as a use
  // (「一是业务培训8.94万元」).
  OwnSubject FindOwnSubject(std::string_view t, std::string_view lead,
                            std::string_view clause_before,
                            std::string_view sentence_before,
                            const std::vector<SubjectMatch>& subjects,
                            const ClaimSubject& label_subject, Context ctx,
                            bool allow_label, bool in_purpose = false) const;

  bool IsClassName(const std::string& label) const;

  // Keeps only vocabulary terms that head their clause: between the term
  // and the next number or clause delimiter stand only connectives
  // ("基本支出1197.55万元", "公务接待费支出决算为1.1万元"), not another noun
  // ("一般公共预算拨款安排的会议费预算支出1305.25万元" is about 会议费).
  std::vector<SubjectMatch> Heads(std::string_view t,
                                  const std::vector<SubjectMatch>& all,
                                  size_t first, size_t last) const;

  // ---- Claims ----

  static std::string SubjectKey(const ClaimSubject& s);

  int ClaimOf(std::map<std::string, int>* block_claims,
              const ClaimSubject& subject, int block, int section, int owner);

  // "决算数小于预算数的主要原因…": the word for the block's claim that
  // prints both an actual and a budget, the last one before the sentence.
  // "…，与上年（预算数）持平": the claim of the last value before it in its
  // sentence states no change.
  void AttachFlat(std::string_view t, const Span& s, size_t block_first_claim);

  void AttachComparators(std::string_view t, const std::vector<Span>& sents,
                         size_t block_first_claim);

  void Unclaim(size_t mention, std::string reason, std::string detail);

  const NormalizedDocument& nd_;
  const ReportMeta& meta_;
  const MetricCatalog& metrics_;
  ClaimSet out_;
};

}  // namespace claims_internal
}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_CLAIM_READER_H_
