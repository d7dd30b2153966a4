#include "output/schema_json.h"

#include "extract/extract.h"
#include "output/claims_json.h"
#include "output/json_writer.h"
#include "schema/version.h"

#include <algorithm>

namespace budgetdoc {
namespace {

Json StrOrNull(const std::string& s) {
  return s.empty() ? Json::Null() : Json::Str(s);
}

}  // namespace

Json ReportMetaToJson(const ReportMeta& m) {
  Json j = Json::MakeObject();
  j.Set("entity_name", StrOrNull(m.entity_name));
  j.Set("region_name", StrOrNull(m.region_name));
  j.Set("region_code", StrOrNull(m.region_code));
  j.Set("region_level", StrOrNull(m.region_level));
  j.Set("fiscal_year",
        m.fiscal_year > 0 ? Json::Int(m.fiscal_year) : Json::Null());
  j.Set("kind", StrOrNull(m.kind));
  j.Set("scope", StrOrNull(m.scope));
  j.Set("is_template", Json::Bool(m.is_template));
  j.Set("text_unit", StrOrNull(m.text_unit));
  Json unknown = Json::MakeObject();
  for (const auto& [k, v] : m.unknown_reasons) unknown.Set(k, Json::Str(v));
  j.Set("unknown_reasons", std::move(unknown));
  Json sources = Json::MakeObject();
  for (const auto& [k, p] : m.sources) sources.Set(k, ProvenanceToJson(p));
  j.Set("sources", std::move(sources));
  return j;
}

Json FactToJson(const Fact& f, const NormalizedDocument& nd) {
  Json j = Json::MakeObject();
  j.Set("metric", Json::Str(f.metric));
  j.Set("measure", Json::Str(MeasureName(f.measure)));
  j.Set("value", Json::Str(f.value.ToString()));
  j.Set("value_unit",
        Json::Str(f.measure == Measure::kAmount || f.measure == Measure::kChange
                      ? (f.unit.empty() ? "" : "万元")
                      : (f.measure == Measure::kCount ? f.unit : "%")));
  j.Set("printed", Json::Str(f.printed.ToString()));
  j.Set("printed_unit", Json::Str(f.unit));
  j.Set("printed_scale", Json::Int(f.printed.scale()));
  j.Set("year", f.year > 0 ? Json::Int(f.year) : Json::Null());
  j.Set("comparison_year",
        f.comparison_year > 0 ? Json::Int(f.comparison_year) : Json::Null());
  j.Set("basis", Json::Str(f.basis));
  j.Set("fund", Json::Str(f.fund));
  j.Set("code", StrOrNull(f.code));
  j.Set("code_scheme", StrOrNull(f.code_scheme));
  j.Set("direction", StrOrNull(f.direction));
  j.Set("base_metric", StrOrNull(f.base_metric));
  j.Set("origin", Json::Str(OriginName(f.origin)));
  j.Set("label", Json::Str(f.label));
  j.Set("quote", Json::Str(f.quote.view()));
  j.Set("where", ProvenanceToJson(f.where));
  if (f.section > 0) j.Set("section", Json::Str(nd.sections.Path(f.section)));
  if (f.table >= 0) j.Set("table", Json::Int(f.table));
  if (!f.column.empty()) j.Set("column", Json::Str(f.column));
  if (f.on_unreadable_page) j.Set("on_unreadable_page", Json::Bool(true));
  if (f.ocr) {
    j.Set("source", Json::Str("ocr"));
    j.Set("confidence", Json::Int(f.ocr_confidence));
    if (f.low_confidence) j.Set("low_confidence", Json::Bool(true));
  }
  return j;
}

namespace {

Json RecognizedTableToJson(const RecognizedTable& t) {
  Json jt = Json::MakeObject();
  jt.Set("table", Json::Int(t.table));
  jt.Set("canonical_id", StrOrNull(t.canonical_id));
  jt.Set("name", StrOrNull(t.name));
  jt.Set("title", Json::Str(t.title));
  jt.Set("unit", StrOrNull(t.unit));
  jt.Set("amount_scale", Json::Int(t.amount_scale));
  jt.Set("empty", Json::Bool(t.empty));
  jt.Set("empty_statement", Json::Bool(t.empty_statement));
  Json cols = Json::MakeArray();
  for (const ColumnRole& c : t.columns) {
    Json jc = Json::MakeObject();
    jc.Set("column", Json::Int(c.column));
    jc.Set("role", Json::Str(c.role));
    jc.Set("basis", StrOrNull(c.basis));
    jc.Set("header", Json::Str(c.header));
    cols.Push(std::move(jc));
  }
  jt.Set("columns", std::move(cols));
  return jt;
}

Json PerformanceFormToJson(const PerformanceForm& form,
                           const NormalizedDocument& nd) {
  Json j = Json::MakeObject();
  j.Set("kind", Json::Str(form.kind == PerformanceForm::Kind::kTarget
                              ? "target"
                              : "self_evaluation"));
  j.Set("project", StrOrNull(form.project));
  j.Set("page", Json::Int(form.page));
  j.Set("unit", StrOrNull(form.unit));
  Json values = Json::MakeArray();
  for (const Fact& f : form.values) values.Push(FactToJson(f, nd));
  j.Set("values", std::move(values));
  return j;
}

// The members of ExtractionToJson; the facts are written one by one.
std::vector<JsonMember> ExtractionMembers(const NormalizedDocument& nd,
                                          const Extraction& ex) {
  std::vector<JsonMember> m;
  m.push_back(
      {"report", [&](JsonWriter* w) { w->Value(ReportMetaToJson(ex.meta)); }});
  m.push_back({"facts", [&](JsonWriter* w) {
                 w->BeginArray();
                 for (const Fact& f : ex.facts) w->Value(FactToJson(f, nd));
                 w->End();
               }});
  m.push_back({"tables", [&](JsonWriter* w) {
                 w->BeginArray();
                 for (const RecognizedTable& t : ex.tables)
                   w->Value(RecognizedTableToJson(t));
                 w->End();
               }});
  m.push_back({"performance_forms", [&](JsonWriter* w) {
                 w->BeginArray();
                 for (const PerformanceForm& form : ex.forms)
                   w->Value(PerformanceFormToJson(form, nd));
                 w->End();
               }});
  m.push_back({"expected_tables", [&](JsonWriter* w) {
                 Json expected = Json::MakeArray();
                 for (const std::string& id : ex.expected_tables)
                   expected.Push(Json::Str(id));
                 w->Value(std::move(expected));
               }});
  m.push_back({"missing_tables", [&](JsonWriter* w) {
                 Json missing = Json::MakeArray();
                 for (const std::string& id : ex.expected_tables) {
                   bool found = std::find(ex.titled_tables.begin(),
                                          ex.titled_tables.end(),
                                          id) != ex.titled_tables.end();
                   for (const RecognizedTable& t : ex.tables)
                     found |= t.canonical_id == id;
                   if (!found) missing.Push(Json::Str(id));
                 }
                 w->Value(std::move(missing));
               }});
  m.push_back({"claims", [&](JsonWriter* w) {
                 w->BeginArray();
                 ForEachClaimJson(nd, ex,
                                  [&](Json c) { w->Value(std::move(c)); });
                 w->End();
               }});
  m.push_back({"precision", [&](JsonWriter* w) {
                 Json precision = Json::MakeObject();
                 precision.Set("narrative_amount_scale",
                               Json::Int(ex.narrative_amount_scale));
                 precision.Set("percent_scale", Json::Int(ex.percent_scale));
                 w->Value(std::move(precision));
               }});
  return m;
}

// ExtractionMembers plus what every whole-document output carries:
// schema_version, source, format and all findings.
std::vector<JsonMember> OutputMembers(const NormalizedDocument& nd,
                                      const Extraction& ex) {
  std::vector<JsonMember> m = ExtractionMembers(nd, ex);
  m.push_back({"schema_version",
               [](JsonWriter* w) { w->Value(Json::Str(kSchemaVersion)); }});
  m.push_back({"source", [&](JsonWriter* w) {
                 w->Value(Json::Str(nd.doc.source.view()));
               }});
  m.push_back({"format", [&](JsonWriter* w) {
                 w->Value(Json::Str(FormatName(nd.doc.format)));
               }});
  m.push_back({"unreadable_pages", [&](JsonWriter* w) {
                 w->BeginArray();
                 for (const Page* p : UnreadablePages(nd.doc)) {
                   Json jp = Json::MakeObject();
                   jp.Set("page", Json::Int(p->number));
                   jp.Set("reason", Json::Str(p->reason));
                   w->Value(std::move(jp));
                 }
                 w->End();
               }});
  m.push_back({"findings", [&](JsonWriter* w) {
                 w->BeginArray();
                 for (const Finding& f : nd.doc.findings)
                   w->Value(FindingToJson(f));
                 for (const Finding& f : nd.findings)
                   w->Value(FindingToJson(f));
                 for (const Finding& f : ex.findings)
                   w->Value(FindingToJson(f));
                 w->End();
               }});
  return m;
}

}  // namespace

Json ExtractionToJson(const NormalizedDocument& nd, const Extraction& ex) {
  JsonTreeBuilder tree;
  WriteJsonObject(ExtractionMembers(nd, ex), &tree);
  return tree.Take();
}

namespace {

Json CheckResultToJson(const CheckResult& r) {
  Json jr = Json::MakeObject();
  jr.Set("rule", Json::Str(r.rule));
  jr.Set("outcome", Json::Str(VerdictName(r.verdict)));
  jr.Set("severity", Json::Str(SeverityName(r.severity)));
  if (r.within_rounding) jr.Set("within_rounding", Json::Bool(true));
  if (r.verdict == Verdict::kMaterial || r.verdict == Verdict::kMinor) {
    Json size = Json::MakeObject();
    size.Set("wan_yuan", Json::Str(r.size_wan.ToString()));
    size.Set("relative_pct", Json::Str(r.size_rel.ToString()));
    jr.Set("size", std::move(size));
  }
  if (!r.also.empty()) {
    Json also = Json::MakeArray();
    for (const BrokenIdentity& a : r.also) {
      Json one = Json::MakeObject();
      one.Set("rule", Json::Str(a.rule));
      one.Set("message", Json::Str(a.message));
      also.Push(std::move(one));
    }
    jr.Set("also_breaks", std::move(also));
  }
  if (r.suspect >= 0) jr.Set("suspect_evidence", Json::Int(r.suspect));
  if (r.places > 1) jr.Set("places", Json::Int(r.places));
  jr.Set("message", Json::Str(r.message));
  jr.Set("printed", StrOrNull(r.printed));
  jr.Set("expected", StrOrNull(r.expected));
  jr.Set("difference", StrOrNull(r.difference));
  jr.Set("tolerance", StrOrNull(r.tolerance));
  jr.Set("hint", StrOrNull(r.hint));
  jr.Set("reason", StrOrNull(r.reason));
  if (r.capped) jr.Set("capped", Json::Bool(true));
  int ocr_confidence = -1;  // lowest over the evidence read by OCR
  for (const Evidence& e : r.evidence) {
    if (e.ocr_confidence < 0) continue;
    ocr_confidence = ocr_confidence < 0
                         ? e.ocr_confidence
                         : std::min(ocr_confidence, e.ocr_confidence);
  }
  if (ocr_confidence >= 0) {
    jr.Set("source", Json::Str("ocr"));
    jr.Set("confidence", Json::Int(ocr_confidence));
  }
  Json ev = Json::MakeArray();
  for (const Evidence& e : r.evidence) {
    Json je = Json::MakeObject();
    je.Set("label", Json::Str(e.label));
    je.Set("value", Json::Str(e.value));
    je.Set("quote", Json::Str(e.quote.view()));
    je.Set("location", Json::Str(e.location));
    je.Set("origin", Json::Str(e.origin));
    if (e.ocr_confidence >= 0) {
      je.Set("source", Json::Str("ocr"));
      je.Set("confidence", Json::Int(e.ocr_confidence));
    }
    je.Set("where", ProvenanceToJson(e.where));
    ev.Push(std::move(je));
  }
  jr.Set("evidence", std::move(ev));
  return jr;
}

}  // namespace

void WriteCheckReport(const CheckReport& report, JsonWriter* w) {
  std::vector<JsonMember> m;
  m.push_back({"results", [&](JsonWriter* x) {
                 x->BeginArray();
                 for (const CheckResult& r : report.results)
                   x->Value(CheckResultToJson(r));
                 x->End();
               }});
  m.push_back(
      {"summary", [&](JsonWriter* x) {
         Json summary = Json::MakeObject();
         for (Verdict v : {Verdict::kMaterial, Verdict::kMinor, Verdict::kPass,
                           Verdict::kNotChecked, Verdict::kNotApplicable}) {
           summary.Set(VerdictName(v),
                       Json::Int(static_cast<int64_t>(report.Count(v))));
         }
         summary.Set("errors", Json::Int(static_cast<int64_t>(
                                   report.CountSeverity(Severity::kError))));
         summary.Set("warnings",
                     Json::Int(static_cast<int64_t>(
                         report.CountSeverity(Severity::kWarning))));
         summary.Set("dropped",
                     Json::Int(static_cast<int64_t>(report.dropped)));
         x->Value(std::move(summary));
       }});
  auto coverage = [](const MentionCoverage& c) {
    Json j = Json::MakeObject();
    j.Set("printed", Json::Int(static_cast<int64_t>(c.printed)));
    j.Set("checked", Json::Int(static_cast<int64_t>(c.checked)));
    j.Set("not_claims", Json::Int(static_cast<int64_t>(c.not_claims)));
    Json list = Json::MakeArray();
    for (const MentionCoverage::Unchecked& u : c.unchecked) {
      Json o = Json::MakeObject();
      o.Set("text", Json::Str(u.text));
      o.Set("reason", Json::Str(u.reason));
      o.Set("detail", Json::Str(u.detail));
      o.Set("block", Json::Int(u.block));
      o.Set("page", Json::Int(u.page));
      o.Set("location", Json::Str(u.location));
      o.Set("quote", Json::Str(u.quote));
      list.Push(std::move(o));
    }
    j.Set("unchecked", std::move(list));
    return j;
  };
  m.push_back({"rate_coverage",
               [&](JsonWriter* x) { x->Value(coverage(report.rates)); }});
  m.push_back({"change_coverage",
               [&](JsonWriter* x) { x->Value(coverage(report.changes)); }});
  WriteJsonObject(std::move(m), w);
}

Json CheckReportToJson(const CheckReport& report) {
  JsonTreeBuilder tree;
  WriteCheckReport(report, &tree);
  return tree.Take();
}

void WriteExtractOutput(const NormalizedDocument& nd, const Extraction& ex,
                        JsonWriter* w) {
  std::vector<JsonMember> m = OutputMembers(nd, ex);
  m.push_back(
      {"document", [&](JsonWriter* x) { WriteNormalizedDocument(nd, x); }});
  WriteJsonObject(std::move(m), w);
}

Json ExtractOutputToJson(const NormalizedDocument& nd, const Extraction& ex) {
  JsonTreeBuilder tree;
  WriteExtractOutput(nd, ex, &tree);
  return tree.Take();
}

void WriteCheckOutput(const NormalizedDocument& nd, const Extraction& ex,
                      const CheckReport& report, JsonWriter* w) {
  std::vector<JsonMember> m = OutputMembers(nd, ex);
  m.push_back({"checks", [&](JsonWriter* x) { WriteCheckReport(report, x); }});
  WriteJsonObject(std::move(m), w);
}

}  // namespace budgetdoc
