#include "normalize/normalize.h"

#include <utility>

namespace budgetdoc {

NormalizedDocument Normalize(Document doc, const NormalizeOptions& options) {
  NormalizedDocument nd;
  nd.doc = std::move(doc);
  FindingSink sink(options.max_findings);

  std::vector<SectionInput> inputs;
  nd.blocks.reserve(nd.doc.blocks.size());
  for (size_t i = 0; i < nd.doc.blocks.size(); ++i) {
    const Block& b = nd.doc.blocks[i];
    bool textual = b.kind != BlockKind::kTable && b.kind != BlockKind::kChart;
    nd.blocks.push_back(textual ? NormalizeText(b.text) : NormalizedText{"", {0}});
    SectionInput in;
    if (textual && b.kind != BlockKind::kCaption) in.text = nd.blocks.back().text;
    in.heading_hint = b.kind == BlockKind::kHeading;
    in.heading_level = b.heading_level;
    inputs.push_back(std::move(in));
  }
  for (const Table& t : nd.doc.tables) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const Cell& c : row) cells.push_back(NormalizeText(c.text).text);
      rows.push_back(std::move(cells));
    }
    nd.cells.push_back(std::move(rows));
  }
  nd.sections = BuildSections(inputs, &sink);

  for (size_t i = 0; i < nd.blocks.size(); ++i) {
    const BlockKind kind = nd.doc.blocks[i].kind;
    if (kind == BlockKind::kTable || kind == BlockKind::kChart ||
        kind == BlockKind::kCaption) {
      continue;
    }
    const NormalizedText& nt = nd.blocks[i];
    for (Mention& m : FindMentions(nt.text)) {
      m.block = static_cast<int>(i);
      m.raw_begin = static_cast<int>(nt.RawBegin(static_cast<size_t>(m.begin)));
      m.raw_end = static_cast<int>(nt.RawEnd(static_cast<size_t>(m.end)));
      nd.mentions.push_back(std::move(m));
    }
  }
  nd.findings = sink.Take();
  return nd;
}

std::string DebugString(const NormalizedDocument& nd) {
  std::string out = "normalized blocks:\n";
  for (size_t i = 0; i < nd.blocks.size(); ++i) {
    const Block& b = nd.doc.blocks[i];
    if (b.kind == BlockKind::kTable || b.kind == BlockKind::kChart) continue;
    out += "[" + std::to_string(i) + "] s" +
           std::to_string(nd.sections.block_section[i]) + " " +
           nd.blocks[i].text + "\n";
  }
  out += "sections:\n" + SectionsDebugString(nd.sections);
  out += "mentions:\n" + MentionsDebugString(nd.mentions);
  out += "findings:\n";
  for (const Finding& f : nd.findings) {
    out += std::string(SeverityName(f.severity)) + " " + f.rule + " " +
           f.where.front().ToString() + ": " + f.message + "\n";
  }
  return out;
}

}  // namespace budgetdoc
