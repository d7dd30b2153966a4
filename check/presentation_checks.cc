#include "base/utf8.h"
#include "check/families.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace budgetdoc {
namespace {

class PresentationChecks : public CheckContext {
 public:
  explicit PresentationChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckPresentation();
    CheckPartialPeriods();
  }

 private:
  void CheckPresentation() {
    for (const Mention& m : nd_.mentions) {
      if (m.kind == MentionKind::kBareNumber) {
        CheckResult r;
        r.rule = "presentation.missing_unit";
        r.outcome = Outcome::kFail;
        r.slip = "unit";
        r.message = opts_.english
                        ? "amount " + m.text + " has no unit"
                        : "金额“" + m.text + "”缺少计量单位（万元/元）";
        r.evidence = {TextEvidence(m.block, m.begin, m.end)};
        Add(std::move(r));
      } else if (m.percent_sign_missing) {
        CheckResult r;
        r.rule = "presentation.percent_without_sign";
        r.outcome = Outcome::kFail;
        r.slip = "%";
        r.message = opts_.english ? "share " + m.text + " has no %"
                                  : "占比“" + m.text + "”缺少百分号";
        r.evidence = {TextEvidence(m.block, m.begin, m.end)};
        Add(std::move(r));
      }
    }
    static constexpr std::string_view kResidue[] = {"增加（减少）",
                                                    "减少（增加）",
                                                    "增长（下降）",
                                                    "下降（增长）",
                                                    "增加(减少)",
                                                    "增长(下降)",
                                                    "增加/减少",
                                                    "增长/下降",
                                                    "主要原因是。",
                                                    "主要原因是：。",
                                                    "主要原因是:。",
                                                    "XX",
                                                    "××",
                                                    "某某",
                                                    "XXX"};
    if (!ex_.meta.is_template) {
      for (size_t b = 0; b < nd_.blocks.size(); ++b) {
        const std::string& t = nd_.blocks[b].text;
        for (std::string_view w : kResidue) {
          size_t p = t.find(w);
          if (p == std::string::npos) continue;
          CheckResult r;
          r.rule = "presentation.template_residue";
          r.outcome = Outcome::kFail;
          r.slip = std::string(w);
          r.message = opts_.english
                          ? "template residue \"" + std::string(w) + "\""
                          : "存在模板残留文字“" + std::string(w) + "”";
          r.evidence = {TextEvidence(static_cast<int>(b), static_cast<int>(p),
                                     static_cast<int>(p + w.size()))};
          Add(std::move(r));
          break;
        }
      }
    }
    // Headings that name another fiscal year.
    int year = ex_.meta.fiscal_year;
    if (year > 0) {
      for (size_t i = 1; i < nd_.sections.sections.size(); ++i) {
        const Section& s = nd_.sections.sections[i];
        const std::string& title = s.title;
        for (size_t p = 0; p + 7 <= title.size(); ++p) {
          if (title.compare(p + 4, 3, "年") != 0) continue;
          std::string digits = title.substr(p, 4);
          if (!std::all_of(digits.begin(), digits.end(),
                           [](char c) { return c >= '0' && c <= '9'; }))
            continue;
          if (p > 0 && title[p - 1] >= '0' && title[p - 1] <= '9') continue;
          int y = std::stoi(digits);
          if (y < 2000 || y > 2100 || y == year || Contains(title, "相比") ||
              Contains(title, "上年"))
            continue;
          CheckResult r;
          r.rule = "presentation.year_mismatch";
          r.outcome = Outcome::kFail;
          r.message = opts_.english
                          ? "heading names " + digits + " in a " +
                                std::to_string(year) + " report"
                          : "标题“" + s.label + s.title + "”写的是" + digits +
                                "年，报告年度为" + std::to_string(year) + "年";
          r.evidence = {TextEvidence(s.block, 0, 0)};
          Add(std::move(r));
          break;
        }
      }
    }
  }

  // An annual final report speaks of the whole year: "1-9月累计…" reads as a
  // figure carried over from an interim report.
  void CheckPartialPeriods() {
    if (ex_.meta.kind != "final_accounts") return;
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      const std::string& t = nd_.blocks[b].text;
      for (std::string_view dash : {"-", "—", "至", "~"}) {
        std::string pattern = "1" + std::string(dash);
        for (size_t at = t.find(pattern); at != std::string::npos;
             at = t.find(pattern, at + 1)) {
          if (at > 0 && t[at - 1] >= '0' && t[at - 1] <= '9') continue;
          size_t m = at + pattern.size();
          size_t end = m;
          while (end < t.size() && t[end] >= '0' && t[end] <= '9') ++end;
          if (end == m || t.compare(end, 3, "月") != 0) continue;
          int month = std::atoi(t.substr(m, end - m).c_str());
          if (month < 1 || month >= 12) continue;
          CheckResult r;
          r.rule = "presentation.partial_period";
          r.outcome = Outcome::kFail;
          std::string phrase = t.substr(at, end + 3 - at);
          r.message = opts_.english
                          ? "a year-end report quotes a partial period \"" +
                                phrase + "\""
                          : "年度决算中出现期间不完整的表述“" + phrase + "”";
          r.evidence = {TextEvidence(static_cast<int>(b), static_cast<int>(at),
                                     static_cast<int>(end + 3))};
          Add(std::move(r));
        }
      }
    }
  }
};

}  // namespace

void RunPresentationChecks(const CheckContext& cx) {
  PresentationChecks(cx).Run();
}

}  // namespace budgetdoc
