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
    CheckAssetDates();
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

  // The date of a statement of holdings (「截至2023年12月31日，共有车辆…」):
  // a final account states them at the end of its own year, a budget at
  // the end of the year before. Only year-end dates (12月31日, 年底, 年末)
  // in a sentence about assets are judged; other dates are left alone.
  void CheckAssetDates() {
    int year = ex_.meta.fiscal_year;
    int expected = ex_.meta.kind == "final_accounts" ? year
                   : ex_.meta.kind == "budget"       ? year - 1
                                                     : 0;
    if (year <= 0 || expected <= 0) return;
    static constexpr std::string_view kYearEnds[] = {"12月31日", "年底", "年末",
                                                     "底", "末"};
    static constexpr std::string_view kAssets[] = {
        "车辆", "公务用车", "固定资产", "资产总额", "房屋", "设备", "土地"};
    static constexpr std::string_view kCue = "截至";
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      const std::string& t = nd_.blocks[b].text;
      for (size_t at = t.find(kCue); at != std::string::npos;
           at = t.find(kCue, at + kCue.size())) {
        size_t d = at + kCue.size();
        if (d + 7 > t.size() || t.compare(d + 4, 3, "年") != 0) continue;
        std::string digits = t.substr(d, 4);
        if (!std::all_of(digits.begin(), digits.end(),
                         [](char c) { return c >= '0' && c <= '9'; }))
          continue;
        size_t after = d + 7;
        std::string_view tail(t.data() + after, t.size() - after);
        bool year_end = false;
        size_t end = after;
        for (std::string_view e : kYearEnds) {
          if (tail.substr(0, e.size()) == e) {
            year_end = true;
            end = after + e.size();
            break;
          }
        }
        if (!year_end) continue;
        size_t stop = t.find("。", end);
        size_t start = t.rfind("。", at);
        start = start == std::string::npos ? 0 : start + 3;
        std::string_view sentence(
            t.data() + start,
            (stop == std::string::npos ? t.size() : stop) - start);
        // A statement of holdings (共有/占有/拥有/保有), not a plan
        // (「预计截至2025年底完成设备更新」).
        bool assets = false;
        for (std::string_view a : kAssets) assets |= Contains(sentence, a);
        bool holds = false;
        for (std::string_view v : {"共有", "占有", "拥有", "保有"})
          holds |= Contains(sentence, v);
        assets &=
            holds && !Contains(sentence, "预计") && !Contains(sentence, "计划");
        int y = std::stoi(digits);
        if (!assets || y == expected) continue;
        CheckResult r;
        r.rule = "presentation.asset_date";
        r.outcome = Outcome::kFail;
        std::string date = t.substr(at, end - at);
        r.printed = digits + "年";
        r.expected = std::to_string(expected) + "年";
        r.message =
            opts_.english
                ? "holdings dated \"" + date + "\" in a " +
                      std::to_string(year) + " " + ex_.meta.kind +
                      " report; expected the end of " + std::to_string(expected)
                : "资产情况的日期写作“" + date + "”，" + std::to_string(year) +
                      "年度" + (ex_.meta.kind == "budget" ? "预算" : "决算") +
                      "应为" + std::to_string(expected) + "年末";
        r.evidence = {TextEvidence(static_cast<int>(b), static_cast<int>(at),
                                   static_cast<int>(end))};
        Add(std::move(r));
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
