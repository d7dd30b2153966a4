// Tested by tests/schema/bundle_test.cc.
#include "schema/bundle.h"

#include "schema/body_names.h"

#include <algorithm>
#include <map>
#include <utility>

namespace budgetdoc {
namespace {

void Shift(Provenance* p, const BundlePart& part) {
  if (p->block >= 0) p->block += part.first_block;
  if (p->table >= 0) p->table += part.first_table;
}

void ShiftFindings(std::vector<Finding> in, const BundlePart& part,
                   std::vector<Finding>* out) {
  for (Finding& f : in) {
    for (Provenance& p : f.where) Shift(&p, part);
    out->push_back(std::move(f));
  }
}

void AppendSections(const SectionTree& in, const BundlePart& part,
                    SectionTree* out) {
  // Section i > 0 of the part becomes section base + i - 1; its root is the
  // merged root.
  const int base = static_cast<int>(out->sections.size());
  auto map = [&](int s) { return s <= 0 ? 0 : base + s - 1; };
  for (size_t i = 1; i < in.sections.size(); ++i) {
    Section s = in.sections[i];
    s.id = map(s.id);
    s.parent = map(s.parent);
    if (s.block >= 0) s.block += part.first_block;
    if (s.end_block >= 0) s.end_block += part.first_block;
    for (int& c : s.children) c = map(c);
    out->sections.push_back(std::move(s));
  }
  if (!in.sections.empty()) {
    for (int c : in.sections[0].children) {
      out->sections[0].children.push_back(map(c));
    }
  }
  for (int s : in.block_section) out->block_section.push_back(map(s));
  // A part without a section tree still gives each block one.
  while (static_cast<int>(out->block_section.size()) <
         part.first_block + part.blocks) {
    out->block_section.push_back(0);
  }
}

void Disagree(std::vector<Finding>* findings, std::string_view field,
              const std::string& a, const std::string& b,
              const std::string& source_a, const std::string& source_b) {
  if (findings == nullptr) return;
  Finding f;
  f.severity = Severity::kWarning;
  f.rule = "bundle.parts_disagree";
  f.message = "the files of one report disagree on the " + std::string(field) +
              ": " + source_a + " says " + a + ", " + source_b + " says " + b;
  Provenance pa, pb;
  pa.source = source_a;
  pb.source = source_b;
  f.where = {pa, pb};
  findings->push_back(std::move(f));
}

}  // namespace

ReportMeta MergeReportMeta(const std::vector<ReportMeta>& metas,
                           const std::vector<std::string>& sources,
                           std::vector<Finding>* findings) {
  if (metas.empty()) return {};
  ReportMeta out = metas.front();
  auto source = [&](size_t i) {
    return i < sources.size() ? sources[i] : std::to_string(i + 1);
  };
  // Fills an empty string field of `out` from `m`, with its source.
  auto fill = [&](std::string ReportMeta::*field, const ReportMeta& m,
                  const char* name) {
    if (!(out.*field).empty() || (m.*field).empty()) return;
    out.*field = m.*field;
    out.unknown_reasons.erase(name);
    auto it = m.sources.find(name);
    if (it != m.sources.end()) out.sources[name] = it->second;
  };
  for (size_t i = 1; i < metas.size(); ++i) {
    const ReportMeta& m = metas[i];
    if (out.fiscal_year != 0 && m.fiscal_year != 0 &&
        out.fiscal_year != m.fiscal_year) {
      Disagree(findings, "fiscal year", std::to_string(out.fiscal_year),
               std::to_string(m.fiscal_year), source(0), source(i));
    }
    if (!out.kind.empty() && !m.kind.empty() && out.kind != m.kind) {
      Disagree(findings, "kind", out.kind, m.kind, source(0), source(i));
    }
    if (!out.scope.empty() && !m.scope.empty() && out.scope != m.scope) {
      Disagree(findings, "scope", out.scope, m.scope, source(0), source(i));
    }
    if (!out.entity_name.empty() && !m.entity_name.empty() &&
        !SameBody(FoldBodyName(out.entity_name), FoldBodyName(m.entity_name))) {
      Disagree(findings, "body", out.entity_name, m.entity_name, source(0),
               source(i));
    }
    if (out.fiscal_year == 0 && m.fiscal_year != 0) {
      out.fiscal_year = m.fiscal_year;
      out.unknown_reasons.erase("fiscal_year");
      auto it = m.sources.find("fiscal_year");
      if (it != m.sources.end()) out.sources["fiscal_year"] = it->second;
    }
    fill(&ReportMeta::entity_name, m, "entity_name");
    fill(&ReportMeta::title, m, "title");
    if (out.region_code.empty() && !m.region_code.empty()) {
      out.region_name = m.region_name;
      out.region_level = m.region_level;
    }
    fill(&ReportMeta::region_code, m, "region_code");
    fill(&ReportMeta::region_name, m, "region_name");
    fill(&ReportMeta::kind, m, "kind");
    fill(&ReportMeta::scope, m, "scope");
    fill(&ReportMeta::text_unit, m, "text_unit");
  }
  // A blank template only when every file is one.
  for (const ReportMeta& m : metas) out.is_template &= m.is_template;
  return out;
}

Bundle MakeBundle(std::vector<NormalizedDocument> parts,
                  std::vector<ReportMeta> metas) {
  Bundle b;
  NormalizedDocument& m = b.merged;
  m.sections.sections.push_back(Section{});  // the root
  std::map<int, size_t> page_at;             // page number → index in pages
  std::vector<std::string> sources;
  for (const NormalizedDocument& nd : parts) {
    BundlePart part;
    part.source = nd.doc.source;
    part.first_block = static_cast<int>(m.doc.blocks.size());
    part.blocks = static_cast<int>(nd.doc.blocks.size());
    part.first_table = static_cast<int>(m.doc.tables.size());
    part.tables = static_cast<int>(nd.doc.tables.size());
    part.first_chart = static_cast<int>(m.doc.charts.size());
    part.charts = static_cast<int>(nd.doc.charts.size());
    sources.push_back(part.source);
    if (b.layout.empty()) {
      m.doc.format = nd.doc.format;
      m.doc.metadata = nd.doc.metadata;
      m.doc.source = nd.doc.source;
    } else {
      m.doc.source = m.doc.source + " + " + nd.doc.source;
    }
    for (Block block : nd.doc.blocks) {
      if (block.table >= 0) block.table += part.first_table;
      if (block.chart >= 0) block.chart += part.first_chart;
      m.doc.blocks.push_back(std::move(block));
    }
    for (Table t : nd.doc.tables) {
      if (t.nested_in >= 0) t.nested_in += part.first_table;
      m.doc.tables.push_back(std::move(t));
    }
    for (Chart c : nd.doc.charts) {
      if (c.caption_block >= 0) c.caption_block += part.first_block;
      m.doc.charts.push_back(std::move(c));
    }
    for (const Page& p : nd.doc.pages) {
      auto it = page_at.find(p.number);
      if (it == page_at.end()) {
        page_at[p.number] = m.doc.pages.size();
        m.doc.pages.push_back(p);
        continue;
      }
      Page& q = m.doc.pages[it->second];
      if (p.unreadable && !q.unreadable) {
        q.unreadable = true;
        q.reason = nd.doc.source + ": " + p.reason;
      }
    }
    ShiftFindings(nd.doc.findings, part, &m.doc.findings);
    m.blocks.insert(m.blocks.end(), nd.blocks.begin(), nd.blocks.end());
    m.cells.insert(m.cells.end(), nd.cells.begin(), nd.cells.end());
    AppendSections(nd.sections, part, &m.sections);
    for (Mention mention : nd.mentions) {
      mention.block += part.first_block;
      m.mentions.push_back(std::move(mention));
    }
    ShiftFindings(nd.findings, part, &m.findings);
    b.layout.push_back(std::move(part));
  }
  m.sections.sections[0].end_block = static_cast<int>(m.doc.blocks.size());
  std::sort(m.doc.pages.begin(), m.doc.pages.end(),
            [](const Page& x, const Page& y) { return x.number < y.number; });
  for (size_t i = 0; i < metas.size() && i < b.layout.size(); ++i) {
    for (auto& [field, where] : metas[i].sources) Shift(&where, b.layout[i]);
  }
  b.meta = MergeReportMeta(metas, sources, &b.findings);
  b.parts = std::move(parts);
  b.metas = std::move(metas);
  return b;
}

int PartOf(const Bundle& bundle, const Provenance& p) {
  for (size_t i = 0; i < bundle.layout.size(); ++i) {
    const BundlePart& part = bundle.layout[i];
    if (p.block >= 0) {
      if (p.block >= part.first_block &&
          p.block < part.first_block + part.blocks) {
        return static_cast<int>(i);
      }
    } else if (p.table >= 0 && p.table >= part.first_table &&
               p.table < part.first_table + part.tables) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

void LocalizeProvenance(const Bundle& bundle, Provenance* p) {
  int i = PartOf(bundle, *p);
  if (i < 0) return;
  const BundlePart& part = bundle.layout[static_cast<size_t>(i)];
  Provenance local = *p;
  if (local.block >= 0) local.block -= part.first_block;
  if (local.table >= 0) local.table -= part.first_table;
  LocateOnPage(bundle.parts[static_cast<size_t>(i)], &local);
  p->source = part.source;
  p->page = local.page;
  p->bbox = local.bbox;
}

}  // namespace budgetdoc
