#include "output/json_writer.h"

#include "schema/version.h"

#include <cstdio>

namespace budgetdoc {
namespace {

Json BBoxToJson(const BBox& b) {
  // Geometry, not money: printed with two decimals for stable output.
  auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.2f", v);
    return Json::Number(buf);
  };
  Json a = Json::MakeArray();
  a.Push(num(b.x0));
  a.Push(num(b.y0));
  a.Push(num(b.x1));
  a.Push(num(b.y1));
  return a;
}

}  // namespace

Json ProvenanceToJson(const Provenance& p) {
  Json j = Json::MakeObject();
  if (!p.source.empty()) j.Set("source", Json::Str(p.source.view()));
  if (p.page > 0) j.Set("page", Json::Int(p.page));
  if (!p.part.empty()) j.Set("part", Json::Str(p.part.view()));
  if (p.block >= 0) j.Set("block", Json::Int(p.block));
  if (p.raw_begin >= 0) {
    Json span = Json::MakeArray();
    span.Push(Json::Int(p.raw_begin));
    span.Push(Json::Int(p.raw_end));
    j.Set("raw_span", std::move(span));
  }
  if (p.norm_begin >= 0) {
    Json span = Json::MakeArray();
    span.Push(Json::Int(p.norm_begin));
    span.Push(Json::Int(p.norm_end));
    j.Set("span", std::move(span));
  }
  if (p.table >= 0) {
    j.Set("table", Json::Int(p.table));
    j.Set("row", Json::Int(p.row));
    j.Set("column", Json::Int(p.column));
  }
  if (p.bbox) j.Set("bbox", BBoxToJson(*p.bbox));
  return j;
}

Json FindingToJson(const Finding& f) {
  Json j = Json::MakeObject();
  j.Set("severity", Json::Str(SeverityName(f.severity)));
  j.Set("rule", Json::Str(f.rule));
  j.Set("message", Json::Str(f.message));
  Json where = Json::MakeArray();
  for (const Provenance& p : f.where) where.Push(ProvenanceToJson(p));
  j.Set("where", std::move(where));
  return j;
}

namespace {

Json TableToJson(const Table& t,
                 const std::vector<std::vector<std::string>>& cells) {
  Json j = Json::MakeObject();
  j.Set("title", Json::Str(t.title));
  j.Set("unit_text", Json::Str(t.unit_text));
  j.Set("columns", Json::Int(t.columns));
  j.Set("header_rows", Json::Int(t.header_rows));
  if (t.nested_in >= 0) j.Set("nested_in", Json::Int(t.nested_in));
  Json pages = Json::MakeArray();
  for (int p : t.pages) pages.Push(Json::Int(p));
  j.Set("pages", std::move(pages));
  Json rows = Json::MakeArray();
  for (size_t r = 0; r < t.rows.size(); ++r) {
    Json row = Json::MakeArray();
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      const Cell& cell = t.rows[r][c];
      Json jc = Json::MakeObject();
      jc.Set("text", Json::Str(cell.text));
      jc.Set("normalized", Json::Str(cells[r][c]));
      jc.Set("state",
             Json::Str(cell.covered ? "covered" : CellStateName(cell.state())));
      if (cell.row_span > 1) jc.Set("row_span", Json::Int(cell.row_span));
      if (cell.col_span > 1) jc.Set("col_span", Json::Int(cell.col_span));
      if (cell.page > 0) jc.Set("page", Json::Int(cell.page));
      if (cell.bbox) jc.Set("bbox", BBoxToJson(*cell.bbox));
      row.Push(std::move(jc));
    }
    rows.Push(std::move(row));
  }
  j.Set("rows", std::move(rows));
  return j;
}

Json ChartToJson(const Chart& c) {
  Json j = Json::MakeObject();
  j.Set("title", Json::Str(c.title));
  j.Set("type", Json::Str(c.type));
  if (c.caption_block >= 0) j.Set("caption_block", Json::Int(c.caption_block));
  if (!c.part.empty()) j.Set("part", Json::Str(c.part));
  Json cats = Json::MakeArray();
  for (const auto& s : c.categories) cats.Push(Json::Str(s));
  j.Set("categories", std::move(cats));
  Json series = Json::MakeArray();
  for (const auto& s : c.series) {
    Json js = Json::MakeObject();
    js.Set("name", Json::Str(s.name));
    Json vals = Json::MakeArray();
    for (const auto& v : s.values) vals.Push(Json::Str(v));
    js.Set("values", std::move(vals));
    series.Push(std::move(js));
  }
  j.Set("series", std::move(series));
  return j;
}

Json PageToJson(const Page& p) {
  Json jp = Json::MakeObject();
  jp.Set("number", Json::Int(p.number));
  jp.Set("unreadable", Json::Bool(p.unreadable));
  if (p.unreadable || p.ocr) jp.Set("reason", Json::Str(p.reason));
  if (p.ocr) {
    jp.Set("source", Json::Str("ocr"));
    jp.Set("confidence", Json::Int(p.ocr_confidence));
  }
  return jp;
}

Json BlockToJson(const NormalizedDocument& nd, size_t i) {
  const Block& b = nd.doc.blocks[i];
  Json jb = Json::MakeObject();
  jb.Set("index", Json::Int(static_cast<int64_t>(i)));
  jb.Set("kind", Json::Str(BlockKindName(b.kind)));
  if (b.kind == BlockKind::kTable) {
    jb.Set("table", Json::Int(b.table));
  } else if (b.kind == BlockKind::kChart) {
    jb.Set("chart", Json::Int(b.chart));
  } else {
    jb.Set("text", Json::Str(b.text));
    jb.Set("normalized", Json::Str(nd.blocks[i].text));
  }
  if (b.page > 0) jb.Set("page", Json::Int(b.page));
  if (b.heading_level > 0) jb.Set("heading_level", Json::Int(b.heading_level));
  if (b.bbox) jb.Set("bbox", BBoxToJson(*b.bbox));
  jb.Set("section", Json::Int(nd.sections.block_section[i]));
  return jb;
}

Json SectionToJson(const NormalizedDocument& nd, const Section& s) {
  Json js = Json::MakeObject();
  js.Set("id", Json::Int(s.id));
  js.Set("parent", Json::Int(s.parent));
  js.Set("depth", Json::Int(s.depth));
  js.Set("style", Json::Str(s.style));
  js.Set("ordinal", Json::Int(s.ordinal));
  js.Set("label", Json::Str(s.label));
  js.Set("title", Json::Str(s.title));
  js.Set("path", Json::Str(nd.sections.Path(s.id)));
  js.Set("block", Json::Int(s.block));
  js.Set("end_block", Json::Int(s.end_block));
  return js;
}

Json MentionToJson(const NormalizedDocument& nd, const Mention& m) {
  const Document& doc = nd.doc;
  Json jm = Json::MakeObject();
  jm.Set("kind", Json::Str(MentionKindName(m.kind)));
  jm.Set("value", Json::Str(m.value.ToString()));
  jm.Set("scale", Json::Int(m.value.scale()));
  jm.Set("unit", Json::Str(m.unit));
  jm.Set("text", Json::Str(m.text));
  jm.Set("pattern", Json::Str(m.pattern));
  if (m.percent_sign_missing) jm.Set("percent_sign_missing", Json::Bool(true));
  if (m.list_size > 1) {
    jm.Set("list_index", Json::Int(m.list_index));
    jm.Set("list_size", Json::Int(m.list_size));
  }
  Provenance p;
  p.source = doc.source;
  p.block = m.block;
  p.page = doc.blocks[static_cast<size_t>(m.block)].page;
  p.norm_begin = m.begin;
  p.norm_end = m.end;
  p.raw_begin = m.raw_begin;
  p.raw_end = m.raw_end;
  LocateOnPage(nd, &p);
  jm.Set("where", ProvenanceToJson(p));
  return jm;
}

// Writes an array of n elements, element i made by make(i).
template <typename Make>
void WriteArray(size_t n, Make make, JsonWriter* w) {
  w->BeginArray();
  for (size_t i = 0; i < n; ++i) w->Value(make(i));
  w->End();
}

}  // namespace

void WriteDocumentFindings(const NormalizedDocument& nd, JsonWriter* w) {
  w->BeginArray();
  for (const Finding& f : nd.doc.findings) w->Value(FindingToJson(f));
  for (const Finding& f : nd.findings) w->Value(FindingToJson(f));
  w->End();
}

void WriteNormalizedDocument(const NormalizedDocument& nd, JsonWriter* w) {
  const Document& doc = nd.doc;
  std::vector<JsonMember> m;
  m.push_back({"schema_version",
               [](JsonWriter* x) { x->Value(Json::Str(kSchemaVersion)); }});
  m.push_back({"source",
               [&](JsonWriter* x) { x->Value(Json::Str(doc.source.view())); }});
  m.push_back({"format", [&](JsonWriter* x) {
                 x->Value(Json::Str(FormatName(doc.format)));
               }});
  m.push_back({"metadata", [&](JsonWriter* x) {
                 Json meta = Json::MakeObject();
                 for (const auto& [k, v] : doc.metadata)
                   meta.Set(k, Json::Str(v));
                 x->Value(std::move(meta));
               }});
  m.push_back({"pages", [&](JsonWriter* x) {
                 WriteArray(
                     doc.pages.size(),
                     [&](size_t i) { return PageToJson(doc.pages[i]); }, x);
               }});
  m.push_back({"blocks", [&](JsonWriter* x) {
                 WriteArray(
                     doc.blocks.size(),
                     [&](size_t i) { return BlockToJson(nd, i); }, x);
               }});
  m.push_back(
      {"tables", [&](JsonWriter* x) {
         WriteArray(
             doc.tables.size(),
             [&](size_t t) { return TableToJson(doc.tables[t], nd.cells[t]); },
             x);
       }});
  m.push_back({"charts", [&](JsonWriter* x) {
                 WriteArray(
                     doc.charts.size(),
                     [&](size_t i) { return ChartToJson(doc.charts[i]); }, x);
               }});
  m.push_back({"sections", [&](JsonWriter* x) {
                 // Section 0 is the document root; it is not listed.
                 size_t n = nd.sections.sections.size();
                 WriteArray(
                     n > 0 ? n - 1 : 0,
                     [&](size_t i) {
                       return SectionToJson(nd, nd.sections.sections[i + 1]);
                     },
                     x);
               }});
  m.push_back(
      {"mentions", [&](JsonWriter* x) {
         WriteArray(
             nd.mentions.size(),
             [&](size_t i) { return MentionToJson(nd, nd.mentions[i]); }, x);
       }});
  m.push_back(
      {"findings", [&](JsonWriter* x) { WriteDocumentFindings(nd, x); }});
  WriteJsonObject(std::move(m), w);
}

Json NormalizedDocumentToJson(const NormalizedDocument& nd) {
  JsonTreeBuilder tree;
  WriteNormalizedDocument(nd, &tree);
  return tree.Take();
}

}  // namespace budgetdoc
