#include "base/utf8.h"
#include "check/families.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"
#include "schema/tables.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace budgetdoc {
namespace {

class StructureChecks : public CheckContext {
 public:
  explicit StructureChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() { CheckStructure(); }

 private:
  void CheckStructure() {
    if (ex_.meta.is_template) return;
    // Tables are only judged when the report shows it carries tables at all
    // (a narrative-only PDF of a two-file report has none of them).
    bool has_tables = false;
    for (const RecognizedTable& t : ex_.tables)
      has_tables |= !t.canonical_id.empty();
    if (!ex_.expected_tables.empty()) {
      if (!has_tables) {
        CheckResult r;
        r.rule = "structure.tables_missing";
        r.outcome = Outcome::kNotChecked;
        r.reason = opts_.english ? "no standard table recognized in this file "
                                   "(tables may be published separately)"
                                 : "本文件未识别出任何公开表格（表格可能单独发"
                                   "布），未核对表格是否齐全";
        r.message = r.reason;
        Add(std::move(r));
      } else {
        std::string missing;
        for (const std::string& id : ex_.expected_tables) {
          // Present when read, or when its title is printed (an empty table
          // printed as its title and a note).
          bool found =
              std::find(ex_.titled_tables.begin(), ex_.titled_tables.end(),
                        id) != ex_.titled_tables.end();
          for (const RecognizedTable& t : ex_.tables)
            found |= t.canonical_id == id;
          if (!found)
            missing +=
                (missing.empty() ? "" : "、") + ("“" + TableName(id) + "”");
        }
        CheckResult r;
        r.rule = "structure.tables_missing";
        r.outcome = missing.empty() ? Outcome::kPass : Outcome::kFail;
        r.message =
            missing.empty()
                ? (opts_.english ? "all mandatory tables present"
                                 : "应公开的表格齐全")
                : (opts_.english ? "mandatory tables not found: " + missing
                                 : "未找到应公开的表格：" + missing);
        Add(std::move(r));
      }
    }
    for (const RecognizedTable& t : ex_.tables) {
      if (!t.empty || t.canonical_id.empty()) continue;
      CheckResult r;
      r.rule = "structure.empty_table_statement";
      r.outcome = t.empty_statement ? Outcome::kPass : Outcome::kFail;
      // Empty tables without their note are one slip, however many.
      r.slip = "本表为空";
      r.slip_anywhere = true;
      r.message =
          opts_.english
              ? "empty table " + t.title +
                    (t.empty_statement ? " carries its statement"
                                       : " has no \"本表为空\" statement")
              : "空表“" + t.title + "”" +
                    (t.empty_statement ? "有说明" : "未说明“本表为空”");
      r.evidence = {TableEvidence(t)};
      Add(std::move(r));
    }
    // 部门 vs 单位 wording in the headings.
    if (!ex_.meta.scope.empty()) {
      std::string other = ex_.meta.scope == "部门" ? "单位" : "部门";
      for (size_t i = 1; i < nd_.sections.sections.size(); ++i) {
        const Section& s = nd_.sections.sections[i];
        for (std::string_view kind : {"决算", "预算"}) {
          std::string wrong = other + std::string(kind);
          if (s.title.find(wrong) == std::string::npos) continue;
          CheckResult r;
          r.rule = "presentation.scope_mismatch";
          r.outcome = Outcome::kFail;
          r.message = opts_.english ? "heading says " + wrong + " in a " +
                                          ex_.meta.scope + " report"
                                    : "标题“" + s.label + s.title + "”写作“" +
                                          wrong + "”，报告为" + ex_.meta.scope +
                                          std::string(kind);
          r.evidence = {TextEvidence(s.block, 0, 0)};
          Add(std::move(r));
        }
      }
    }
  }
};

}  // namespace

void RunStructureChecks(const CheckContext& cx) { StructureChecks(cx).Run(); }

}  // namespace budgetdoc
