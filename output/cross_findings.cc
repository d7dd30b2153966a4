// Tested by tests/output/cross_findings_test.cc.
#include "output/cross_findings.h"

#include "check/verdict.h"
#include "output/schema_json.h"

#include <algorithm>

namespace budgetdoc {

Json CrossResultToJson(const CrossResult& r) {
  CheckReport one;
  one.results.push_back(r.result);
  Json report = CheckReportToJson(one);
  Json out = Json::MakeObject();
  if (const Json* results = report.Find("results");
      results != nullptr && !results->array().empty()) {
    out = results->array().front();
  }
  out.Set("link", Json::Str(r.link));
  out.Set("subject", Json::Str(r.subject));
  Json ids = Json::MakeArray();
  for (const std::string& id : r.documents) ids.Push(Json::Str(id));
  out.Set("documents", std::move(ids));
  return out;
}

Json CrossReportToJson(const std::vector<CrossDocument>& docs,
                       const std::vector<CrossResult>& results) {
  Json j = Json::MakeObject();
  Json jd = Json::MakeArray();
  for (const CrossDocument& d : docs) {
    Json o = Json::MakeObject();
    o.Set("id", Json::Str(d.id));
    o.Set("path", Json::Str(d.path));
    o.Set("entity_name", Json::Str(d.meta.entity_name));
    o.Set("region_code", Json::Str(d.meta.region_code));
    o.Set("fiscal_year", Json::Int(d.meta.fiscal_year));
    o.Set("kind", Json::Str(d.meta.kind));
    o.Set("scope", Json::Str(d.meta.scope));
    jd.Push(std::move(o));
  }
  j.Set("documents", std::move(jd));
  Json jr = Json::MakeArray();
  CheckReport all;
  for (const CrossResult& r : results) {
    jr.Push(CrossResultToJson(r));
    all.results.push_back(r.result);
  }
  j.Set("results", std::move(jr));
  Json report = CheckReportToJson(all);
  if (const Json* summary = report.Find("summary")) j.Set("summary", *summary);
  return j;
}

std::string RenderCrossText(const std::vector<CrossDocument>& docs,
                            const std::vector<CrossResult>& results,
                            bool english) {
  std::string out = english ? "documents:\n" : "报告：\n";
  for (size_t i = 0; i < docs.size(); ++i) {
    const ReportMeta& m = docs[i].meta;
    out += "  [" + std::to_string(i + 1) + "] " + docs[i].path + "  " +
           (m.entity_name.empty() ? (english ? "unknown body" : "单位不明")
                                  : m.entity_name) +
           " " + (m.fiscal_year > 0 ? std::to_string(m.fiscal_year) : "?") +
           " " + m.scope + " " + m.kind + "\n";
  }
  if (results.empty()) {
    out += english
               ? "no two documents are linked (same body, consecutive "
                 "years; or a department and its units)\n"
               : "没有可关联的报告（同一单位相邻年度，或部门与其所属单位）\n";
    return out;
  }
  // Grouped and ordered as `check` orders its own (check/verdict.h):
  // material first, largest first, then minor, not checked, notes.
  std::vector<const CrossResult*> ranked;
  for (const CrossResult& c : results) ranked.push_back(&c);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const CrossResult* a, const CrossResult* b) {
                     return RanksBefore(a->result, b->result);
                   });
  struct Group {
    const char* zh;
    const char* en;
    Verdict verdict;
  };
  const Group groups[] = {
      {"实质性问题", "material", Verdict::kMaterial},
      {"轻微问题", "minor", Verdict::kMinor},
      {"未能核对", "not checked", Verdict::kNotChecked},
      {"说明", "notes", Verdict::kNotApplicable},
  };
  for (const Group& g : groups) {
    std::string body;
    size_t n = 0;
    for (const CrossResult* c : ranked) {
      const CheckResult& r = c->result;
      if (r.verdict != g.verdict) continue;
      ++n;
      body += "  [" + r.rule + "] " + r.message;
      if (!r.reason.empty() && r.reason != r.message) body += " — " + r.reason;
      body += "\n";
      if (r.verdict == Verdict::kMaterial && !r.size_wan.is_zero()) {
        body += english ? "      size: " + r.size_wan.ToString() + " 万元\n"
                        : "      差额约" + r.size_wan.ToString() + "万元\n";
      }
      for (const Evidence& e : r.evidence) {
        body += "      · " + (e.label.empty() ? "" : e.label + " ") + e.value +
                " (" + e.location + ")\n";
      }
    }
    out += "\n" + std::string(english ? g.en : g.zh) + " (" +
           std::to_string(n) + ")\n" + body;
  }
  size_t passes = 0;
  for (const CrossResult& c : results)
    passes += c.result.verdict == Verdict::kPass;
  out += "\n" + std::string(english ? "passed: " : "通过：") +
         std::to_string(passes) + (english ? "\n" : " 项\n");
  return out;
}

}  // namespace budgetdoc
