#include "output/check_text.h"

#include "base/utf8.h"
#include "extract/extract.h"

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

std::string KindZh(const ReportMeta& m) {
  std::string scope = m.scope.empty() ? "部门" : m.scope;
  if (m.kind == "final_accounts") return scope + "决算";
  if (m.kind == "budget") return scope + "预算";
  if (m.kind == "three_public_note") return "“三公”经费说明";
  return "类型不明";
}

std::string KindEn(const ReportMeta& m) {
  if (m.kind == "final_accounts") return "final accounts";
  if (m.kind == "budget") return "budget";
  if (m.kind == "three_public_note") return "three-public-costs note";
  return "unknown kind";
}

void AppendResult(const CheckResult& r, bool english, std::string* out) {
  *out += "  [" + r.rule + "] " + r.message + "\n";
  if (r.verdict == Verdict::kMaterial && !r.size_wan.is_zero()) {
    *out += english
                ? "      size: " + r.size_wan.ToString() + " 万元" +
                      (r.size_rel.is_zero() ? ""
                                            : ", " + r.size_rel.ToString() +
                                                  "% of the "
                                                  "expected figure")
                : "      差额约" + r.size_wan.ToString() + "万元" +
                      (r.size_rel.is_zero()
                           ? ""
                           : "，相当于应有数的" + r.size_rel.ToString() + "%");
    *out += "\n";
  }
  if (r.suspect >= 0 && static_cast<size_t>(r.suspect) < r.evidence.size()) {
    const Evidence& e = r.evidence[static_cast<size_t>(r.suspect)];
    std::string where = e.location.empty() ? "" : " (" + e.location + ")";
    *out += english ? "      one figure explains the " +
                          std::to_string(r.also.size() + 1) +
                          " broken identities: " + e.label + " " + e.value +
                          where + "\n"
                    : "      以下" + std::to_string(r.also.size() + 1) +
                          "项核对不符可由同一数字解释：" + e.label + " " +
                          e.value + where + "\n";
  }
  for (const BrokenIdentity& a : r.also) {
    *out +=
        std::string(english ? "      also breaks: " : "      同一数字另致：") +
        "[" + a.rule + "] " + a.message + "\n";
  }
  if (r.places > 1) {
    *out += english ? "      the same slip in " + std::to_string(r.places) +
                          " places\n"
                    : "      同样问题共" + std::to_string(r.places) + "处\n";
  }
  // A sentence is quoted once: later figures from the same sentence point to
  // the quote above them.
  std::vector<const std::string*> quoted;
  for (const Evidence& e : r.evidence) {
    bool seen = false;
    for (const std::string* q : quoted) seen = seen || *q == e.quote;
    *out += "      · ";
    if (!e.label.empty()) *out += e.label + " ";
    if (!e.value.empty()) *out += e.value + " ";
    if (!e.location.empty()) *out += "(" + e.location + ")";
    *out += "\n";
    if (!e.quote.empty() && !seen) {
      *out += std::string("        ") + (english ? "quote: " : "原文：") +
              "「" + e.quote + "」\n";
      quoted.push_back(&e.quote.str());
    }
  }
}

std::string_view UncheckedReason(std::string_view reason, bool english) {
  struct Name {
    std::string_view id, zh, en;
  };
  static constexpr Name kNames[] = {
      {"subject_unknown", "无法确定所说的科目或项目",
       "what it is about could not be told"},
      {"no_role", "无法确定该数字的含义",
       "what the figure is could not be told"},
      {"no_rule", "没有适用的核对规则", "no rule applies to it"},
      {"no_prior", "未印出上年数或增减幅度，无从复算",
       "neither last year's figure nor a rate is printed to recompute it"},
  };
  for (const Name& n : kNames) {
    if (n.id == reason) return english ? n.en : n.zh;
  }
  return reason;
}

// "N of M printed rates (增/减 amounts) checked", then the ones not checked
// with why.
void AppendCoverage(const MentionCoverage& c, bool changes, bool english,
                    std::string* out) {
  if (c.printed == 0) return;
  std::string what_en =
      changes ? "printed changes (增/减 amounts): " : "printed percentages: ";
  std::string what_zh = changes ? "正文增减额：共" : "正文百分比：共";
  std::string json =
      changes ? "checks.change_coverage" : "checks.rate_coverage";
  *out += english ? what_en + std::to_string(c.checked) + " of " +
                        std::to_string(c.printed) + " checked, " +
                        std::to_string(c.not_claims) +
                        " not checkable claims (policy rates, targets, "
                        "reasons), " +
                        std::to_string(c.unchecked.size()) + " not checked\n"
                  : what_zh + std::to_string(c.printed) + "个，已核对" +
                        std::to_string(c.checked) + "个，非可核对陈述" +
                        std::to_string(c.not_claims) +
                        "个（政策比例、目标值、原因说明等），未核对" +
                        std::to_string(c.unchecked.size()) + "个\n";
  constexpr size_t kListed = 30;
  for (size_t i = 0; i < c.unchecked.size() && i < kListed; ++i) {
    const MentionCoverage::Unchecked& u = c.unchecked[i];
    std::string where = u.page > 0 ? (english ? "page " : "第") +
                                         std::to_string(u.page) +
                                         (english ? " " : "页 ")
                                   : "";
    where += u.location;
    *out += "  " + u.text + " (" + where + ")" + (english ? ": " : "：") +
            std::string(UncheckedReason(u.reason, english)) + "\n";
    if (!u.quote.empty())
      *out += std::string("      ") + (english ? "quote: " : "原文：") + "「" +
              u.quote + "」\n";
  }
  if (c.unchecked.size() > kListed) {
    *out += english
                ? "  … and " + std::to_string(c.unchecked.size() - kListed) +
                      " more (JSON: " + json + ")\n"
                : "  …另有" + std::to_string(c.unchecked.size() - kListed) +
                      "个（见JSON的" + json + "）\n";
  }
  *out += "\n";
}

}  // namespace

std::string RenderCheckText(const NormalizedDocument& nd, const Extraction& ex,
                            const CheckReport& report, bool english) {
  const ReportMeta& m = ex.meta;
  std::string out;
  auto unknown = [&](const std::string& s) {
    return s.empty() ? std::string(english ? "unknown" : "不明") : s;
  };
  out += (english ? "report: " : "报告：") + nd.doc.source + "\n";
  out += (english ? "  unit: " : "  单位：") + unknown(m.entity_name) + "\n";
  out += (english ? "  region: " : "  地区：") + unknown(m.region_name) +
         (m.region_code.empty() ? "" : " (" + m.region_code + ")") + "\n";
  out += (english ? "  year: " : "  年度：") +
         (m.fiscal_year > 0 ? std::to_string(m.fiscal_year) : unknown("")) +
         "\n";
  out +=
      (english ? "  kind: " + KindEn(m) : "  类型：" + KindZh(m)) +
      (m.is_template ? (english ? " (blank template)" : "（空白模板）") : "") +
      "\n";
  for (const auto& [field, why] : m.unknown_reasons) {
    out += "  " + field + (english ? " unknown: " : " 未能确定：") + why + "\n";
  }
  out += (english ? "  facts read: " : "  读取事实：") +
         std::to_string(ex.facts.size()) + "\n";
  // Pages whose text could not be read: the report is partial.
  std::vector<const Page*> unreadable = UnreadablePages(nd.doc);
  if (!unreadable.empty()) {
    out += english
               ? "  unreadable pages (" + std::to_string(unreadable.size()) +
                     " of " + std::to_string(nd.doc.pages.size()) +
                     "; the report is read in part):\n"
               : "  无法读取的页面（" + std::to_string(unreadable.size()) +
                     "/" + std::to_string(nd.doc.pages.size()) +
                     "页，报告仅部分读取）：\n";
    for (const Page* p : unreadable) {
      out += (english ? "    page " + std::to_string(p->number) + ": "
                      : "    第" + std::to_string(p->number) + "页：") +
             p->reason + "\n";
    }
  }
  out += "\n";

  size_t material = report.Count(Verdict::kMaterial);
  size_t minor = report.Count(Verdict::kMinor);
  size_t passed = report.Count(Verdict::kPass);
  size_t not_checked = report.Count(Verdict::kNotChecked);
  out += english
             ? "summary: " + std::to_string(material) + " material, " +
                   std::to_string(minor) + " minor, " + std::to_string(passed) +
                   " passed, " + std::to_string(not_checked) +
                   " not checked\n\n"
             : "结论：实质性问题" + std::to_string(material) + "处，轻微问题" +
                   std::to_string(minor) + "处，通过" + std::to_string(passed) +
                   "项，未能核对" + std::to_string(not_checked) + "项\n\n";
  struct Group {
    const char* zh;
    const char* en;
    Verdict verdict;
  };
  const Group groups[] = {
      {"实质性问题", "material", Verdict::kMaterial},
      {"轻微问题", "minor", Verdict::kMinor},
  };
  for (const Group& g : groups) {
    std::string body;
    size_t n = 0;
    for (const CheckResult& r : report.results) {
      if (r.verdict != g.verdict) continue;
      ++n;
      AppendResult(r, english, &body);
    }
    out += std::string(english ? g.en : g.zh) + " (" + std::to_string(n) +
           ")\n" + body + "\n";
  }
  std::string body;
  size_t n = 0;
  for (const CheckResult& r : report.results) {
    if (r.verdict != Verdict::kNotChecked) continue;
    ++n;
    body += "  [" + r.rule + "] " + r.reason + "\n";
  }
  out += std::string(english ? "not checked" : "未能核对") + " (" +
         std::to_string(n) + ")\n" + body + "\n";
  AppendCoverage(report.rates, /*changes=*/false, english, &out);
  AppendCoverage(report.changes, /*changes=*/true, english, &out);
  out += std::string(english ? "passed: " : "通过：") + std::to_string(passed) +
         (english ? " checks" : " 项") + "\n";
  if (report.dropped > 0) {
    out += std::string(english ? "results dropped over the cap: "
                               : "超出上限未列出：") +
           std::to_string(report.dropped) + "\n";
  }
  return out;
}

}  // namespace budgetdoc
