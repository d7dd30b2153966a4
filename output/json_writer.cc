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
  if (!p.source.empty()) j.Set("source", Json::Str(p.source));
  if (p.page > 0) j.Set("page", Json::Int(p.page));
  if (!p.part.empty()) j.Set("part", Json::Str(p.part));
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

}  // namespace

Json NormalizedDocumentToJson(const NormalizedDocument& nd) {
  const Document& doc = nd.doc;
  Json j = Json::MakeObject();
  j.Set("schema_version", Json::Str(kSchemaVersion));
  j.Set("source", Json::Str(doc.source));
  j.Set("format", Json::Str(FormatName(doc.format)));
  Json meta = Json::MakeObject();
  for (const auto& [k, v] : doc.metadata) meta.Set(k, Json::Str(v));
  j.Set("metadata", std::move(meta));

  Json pages = Json::MakeArray();
  for (const Page& p : doc.pages) {
    Json jp = Json::MakeObject();
    jp.Set("number", Json::Int(p.number));
    jp.Set("unreadable", Json::Bool(p.unreadable));
    if (p.unreadable || p.ocr) jp.Set("reason", Json::Str(p.reason));
    if (p.ocr) {
      jp.Set("source", Json::Str("ocr"));
      jp.Set("confidence", Json::Int(p.ocr_confidence));
    }
    pages.Push(std::move(jp));
  }
  j.Set("pages", std::move(pages));

  Json blocks = Json::MakeArray();
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
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
    if (b.heading_level > 0)
      jb.Set("heading_level", Json::Int(b.heading_level));
    if (b.bbox) jb.Set("bbox", BBoxToJson(*b.bbox));
    jb.Set("section", Json::Int(nd.sections.block_section[i]));
    blocks.Push(std::move(jb));
  }
  j.Set("blocks", std::move(blocks));

  Json tables = Json::MakeArray();
  for (size_t t = 0; t < doc.tables.size(); ++t) {
    tables.Push(TableToJson(doc.tables[t], nd.cells[t]));
  }
  j.Set("tables", std::move(tables));
  Json charts = Json::MakeArray();
  for (const Chart& c : doc.charts) charts.Push(ChartToJson(c));
  j.Set("charts", std::move(charts));

  Json sections = Json::MakeArray();
  for (size_t i = 1; i < nd.sections.sections.size(); ++i) {
    const Section& s = nd.sections.sections[i];
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
    sections.Push(std::move(js));
  }
  j.Set("sections", std::move(sections));

  Json mentions = Json::MakeArray();
  for (const Mention& m : nd.mentions) {
    Json jm = Json::MakeObject();
    jm.Set("kind", Json::Str(MentionKindName(m.kind)));
    jm.Set("value", Json::Str(m.value.ToString()));
    jm.Set("scale", Json::Int(m.value.scale()));
    jm.Set("unit", Json::Str(m.unit));
    jm.Set("text", Json::Str(m.text));
    jm.Set("pattern", Json::Str(m.pattern));
    if (m.percent_sign_missing)
      jm.Set("percent_sign_missing", Json::Bool(true));
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
    mentions.Push(std::move(jm));
  }
  j.Set("mentions", std::move(mentions));

  Json findings = Json::MakeArray();
  for (const Finding& f : doc.findings) findings.Push(FindingToJson(f));
  for (const Finding& f : nd.findings) findings.Push(FindingToJson(f));
  j.Set("findings", std::move(findings));
  return j;
}

}  // namespace budgetdoc
