#include "schema/metadata.h"

#include "base/utf8.h"
#include "normalize/sections.h"
#include "schema/metadata_lines.h"
#include "schema/metadata_title.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

using namespace metadata_internal;  // NOLINT(google-build-using-namespace)

namespace {

// ---- Year, kind and scope from the body text ----

struct YearVote {
  int score = 0;
  size_t line = 0, begin = 0, end = 0;
  bool seen = false;
};

// The publishing body: the title's, else a labelled one (部门：…), else an
// organization name repeated in the text. Returns how it was found.
std::optional<EntityFound> DetectEntity(const NormalizedDocument& nd,
                                        const std::vector<Line>& lines,
                                        const Title& title,
                                        const RegionCatalog& regions,
                                        ReportMeta* out) {
  ReportMeta& meta = *out;
  std::optional<EntityFound> entity;
  if (!title.entity.empty()) {
    entity = EntityFound{title.entity, title.entity_line, title.entity_begin,
                         title.entity_end, "title"};
  }
  if (!entity) entity = FindLabelledEntity(lines, regions);
  if (!entity) entity = FindFrequentEntity(lines, regions);
  if (entity) {
    meta.entity_name = entity->name;
    meta.sources["entity_name"] =
        Where(nd, lines[entity->line], entity->begin, entity->end);
  } else {
    meta.unknown_reasons["entity_name"] =
        title.found ? "the title names no body and no labelled or repeated "
                      "organization name was found"
                    : "no title, no labelled body (部门：…) and no "
                      "organization name repeated in the text";
  }
  return entity;
}

// Region: from the body, else from the title ("上海市普陀区2025年…").
void DetectRegion(const Title& title, const RegionCatalog& regions,
                  ReportMeta* out) {
  ReportMeta& meta = *out;
  std::optional<RegionMatch> region;
  std::vector<RegionMatch> candidates;
  if (!meta.entity_name.empty()) {
    region = regions.MatchRegion(meta.entity_name, &candidates);
    if (region) meta.sources["region_code"] = meta.sources["entity_name"];
  }
  if (!region && title.found) {
    std::vector<RegionMatch> title_candidates;
    region = regions.MatchRegion(title.text, &title_candidates);
    if (region) {
      meta.sources["region_code"] = meta.sources["title"];
    } else if (candidates.empty()) {
      candidates = title_candidates;
    }
  }
  if (region) {
    meta.region_code = region->code;
    meta.region_level = std::string(RegionLevelName(region->level));
    for (char c : region->name_path) {
      if (c != '/') meta.region_name.push_back(c);
    }
  } else if (!candidates.empty()) {
    std::string list;
    for (const RegionMatch& c : candidates) {
      if (!list.empty()) list += ", ";
      list += c.code + " " + c.name_path;
    }
    meta.unknown_reasons["region_code"] =
        "the name fits several regions: " + list;
  } else {
    meta.unknown_reasons["region_code"] =
        meta.entity_name.empty()
            ? "no body name to read a region from"
            : "no province, city or county at the start of '" +
                  meta.entity_name + "'";
  }
}

// Year: the title's, else the best-supported year in the text.
void DetectYear(const NormalizedDocument& nd, const std::vector<Line>& lines,
                const Title& title, ReportMeta* out) {
  ReportMeta& meta = *out;
  if (title.found && title.year != 0) {
    meta.fiscal_year = title.year;
    meta.sources["fiscal_year"] =
        Where(nd, lines[title.year_line], title.year_begin, title.year_end);
  } else {
    std::map<int, YearVote> votes;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view t = lines[i].text;
      for (const YearAt& y : FindYears(t)) {
        if (y.year == 0 || IsComparisonOrDate(t, y)) continue;
        std::string_view clause = ClauseAfter(t, y.end);
        int weight = 0;
        if (ContainsAny(clause, kReportPhrases, std::size(kReportPhrases))) {
          weight = lines[i].heading ? kHeadingYearWeight : kStrongYearWeight;
        } else if (EndsWith(t.substr(0, y.end), "年度")) {
          weight = 1;
        }
        if (weight == 0) continue;
        YearVote& v = votes[y.year];
        if (!v.seen) {
          v.seen = true;
          v.line = i;
          v.begin = y.begin;
          v.end = y.end;
        }
        v.score += weight;
      }
    }
    int best = 0, best_score = 0;
    bool tie = false;
    for (const auto& [year, vote] : votes) {
      if (vote.score > best_score) {
        best = year;
        best_score = vote.score;
        tie = false;
      } else if (vote.score == best_score) {
        tie = true;
      }
    }
    if (best != 0 && !tie) {
      meta.fiscal_year = best;
      const YearVote& v = votes[best];
      meta.sources["fiscal_year"] = Where(nd, lines[v.line], v.begin, v.end);
    } else if (tie) {
      std::string list;
      for (const auto& [year, vote] : votes) {
        if (vote.score != best_score) continue;
        if (!list.empty()) list += ", ";
        list += std::to_string(year);
      }
      meta.unknown_reasons["fiscal_year"] =
          "years " + list + " are equally supported and there is no title";
    } else {
      meta.unknown_reasons["fiscal_year"] =
          title.year_placeholder
              ? "the title year is a placeholder (" + title.text + ")"
              : "no fiscal year in a title, heading or \"YYYY年度\" sentence "
                "(dates and comparison years do not count)";
    }
  }
}

// Kind and scope: the title's, else the phrases the text prints most (scope:
// also 本部门/本单位, or the label that introduced the body).
void DetectKindAndScope(const NormalizedDocument& nd,
                        const std::vector<Line>& lines, const Title& title,
                        const std::optional<EntityFound>& entity,
                        ReportMeta* out) {
  ReportMeta& meta = *out;
  if (title.found) {
    meta.kind = title.kind;
    meta.sources["kind"] =
        Where(nd, lines[title.kind_line], title.kind_begin, title.kind_end);
  }
  size_t final_score = 0, budget_score = 0;
  size_t dept = 0, unit = 0, our_dept = 0, our_unit = 0;
  int first_final = -1, first_budget = -1;
  // First line printing each scope phrase: 部门决算/预算, 单位决算/预算,
  // 本部门, 本单位.
  int first_dept = -1, first_unit = -1, first_our_dept = -1,
      first_our_unit = -1;
  auto note = [](size_t n, size_t i, int* first) {
    if (n > 0 && *first < 0) *first = static_cast<int>(i);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    size_t weight = lines[i].heading ? 3 : 1;
    size_t f = 0, b = 0;
    for (std::string_view w : kFinalPhrases) f += CountOccurrences(t, w);
    for (std::string_view w : kBudgetPhrases) {
      b += CountOccurrences(t, w, "项目");
    }
    if (f > 0 && first_final < 0) first_final = static_cast<int>(i);
    if (b > 0 && first_budget < 0) first_budget = static_cast<int>(i);
    final_score += weight * f;
    budget_score += weight * b;
    size_t d = CountOccurrences(t, "部门决算") +
               CountOccurrences(t, "部门预算", "项目");
    size_t u =
        CountOccurrences(t, "单位决算") + CountOccurrences(t, "单位预算");
    size_t od = CountOccurrences(t, "本部门"),
           ou = CountOccurrences(t, "本单位");
    note(d, i, &first_dept);
    note(u, i, &first_unit);
    note(od, i, &first_our_dept);
    note(ou, i, &first_our_unit);
    dept += d;
    unit += u;
    our_dept += od;
    our_unit += ou;
  }
  if (meta.kind.empty()) {
    if (final_score > budget_score) {
      meta.kind = "final_accounts";
      const Line& l = lines[static_cast<size_t>(first_final)];
      meta.sources["kind"] = Where(nd, l, 0, l.text.size());
    } else if (budget_score > final_score) {
      meta.kind = "budget";
      const Line& l = lines[static_cast<size_t>(first_budget)];
      meta.sources["kind"] = Where(nd, l, 0, l.text.size());
    } else {
      meta.unknown_reasons["kind"] =
          final_score == 0
              ? "no title and no 决算/预算 phrase (部门决算, 预算表, …)"
              : "决算 and 预算 phrases are equally frequent and there is no "
                "title";
    }
  }
  if (title.found && !title.scope.empty()) {
    meta.scope = title.scope;
    meta.sources["scope"] = meta.sources["kind"];
  } else if (dept != unit) {
    meta.scope = dept > unit ? "部门" : "单位";
    const Line& l =
        lines[static_cast<size_t>(dept > unit ? first_dept : first_unit)];
    meta.sources["scope"] = Where(nd, l, 0, l.text.size());
  } else if (our_dept != our_unit) {
    meta.scope = our_dept > our_unit ? "部门" : "单位";
    const Line& l = lines[static_cast<size_t>(
        our_dept > our_unit ? first_our_dept : first_our_unit)];
    meta.sources["scope"] = Where(nd, l, 0, l.text.size());
  } else if (entity && StartsWith(entity->how, "labelled ")) {
    std::string_view label = std::string_view(entity->how).substr(9);
    if (EndsWith(label, "部门")) meta.scope = "部门";
    if (EndsWith(label, "单位")) meta.scope = "单位";
    if (!meta.scope.empty()) {
      meta.sources["scope"] = meta.sources["entity_name"];
    }
  }
  if (meta.scope.empty()) {
    meta.unknown_reasons["scope"] =
        "neither the title nor the text says 部门 or 单位 决算/预算";
  }
}

// Template: placeholders in the title or body, or many of them.
void DetectTemplate(const NormalizedDocument& nd,
                    const std::vector<Line>& lines, const Title& title,
                    ReportMeta* out) {
  ReportMeta& meta = *out;
  int placeholders = 0, blank_amounts = 0;
  std::optional<Provenance> first_marker;
  auto add_marker = [&](const Line& line, size_t begin, size_t end) {
    if (!first_marker) first_marker = Where(nd, line, begin, end);
    if (meta.template_markers.size() >= kMaxTemplateMarkers) return;
    // A little context: one character either side.
    size_t b = PrevBoundary(line.text, begin);
    size_t e = end;
    if (e < line.text.size()) DecodeUtf8(line.text, &e);
    meta.template_markers.push_back(line.text.substr(b, e - b));
  };
  for (const Line& line : lines) {
    for (const Placeholder& p : FindPlaceholders(line.text)) {
      ++placeholders;
      add_marker(line, p.begin, p.end);
    }
    for (size_t p = line.text.find("万元"); p != std::string::npos;
         p = line.text.find("万元", p + 6)) {
      std::string_view before = std::string_view(line.text).substr(0, p);
      for (std::string_view w : kBlankAmountBefore) {
        if (EndsWith(before, w)) {
          ++blank_amounts;
          add_marker(line, PrevBoundary(line.text, p), p + 6);
          break;
        }
      }
    }
  }
  bool placeholder_body = HasPlaceholder(meta.entity_name) ||
                          title.year_placeholder ||
                          (title.found && HasPlaceholder(title.text));
  meta.is_template = placeholder_body ||
                     placeholders >= kTemplatePlaceholders ||
                     blank_amounts >= kTemplateBlankAmounts;
  if (meta.is_template && first_marker) {
    meta.sources["is_template"] = *first_marker;
  }
}

// Text unit: the unit most narrative amounts carry.
void DetectTextUnit(const NormalizedDocument& nd, ReportMeta* out) {
  ReportMeta& meta = *out;
  std::map<std::string, int> units;
  std::map<std::string, const Mention*> first_mention;
  for (const Mention& m : nd.mentions) {
    if (m.kind != MentionKind::kAmount || m.unit.empty()) continue;
    if (++units[m.unit] == 1) first_mention[m.unit] = &m;
  }
  std::string best_unit;
  int best_count = 0;
  bool unit_tie = false;
  for (const auto& [unit_name, n] : units) {
    if (n > best_count) {
      best_unit = unit_name;
      best_count = n;
      unit_tie = false;
    } else if (n == best_count) {
      unit_tie = true;
    }
  }
  if (!best_unit.empty() && !unit_tie) {
    meta.text_unit = best_unit;
    const Mention& m = *first_mention[best_unit];
    Provenance p;
    p.source = nd.doc.source;
    p.block = m.block;
    if (m.block >= 0 && static_cast<size_t>(m.block) < nd.doc.blocks.size()) {
      p.page = nd.doc.blocks[static_cast<size_t>(m.block)].page;
    }
    p.norm_begin = m.begin;
    p.norm_end = m.end;
    p.raw_begin = m.raw_begin;
    p.raw_end = m.raw_end;
    meta.sources["text_unit"] = p;
  } else {
    meta.unknown_reasons["text_unit"] =
        unit_tie ? "as many narrative amounts in one unit as in another"
                 : "no amount with a unit in the narrative";
  }
}

}  // namespace

ReportMeta DetectMetadata(const NormalizedDocument& nd) {
  return DetectMetadata(nd, RegionCatalog::Default());
}

ReportMeta DetectMetadata(const NormalizedDocument& nd,
                          const RegionCatalog& regions) {
  ReportMeta meta;
  std::vector<Line> lines = CollectLines(nd);
  Title title = FindTitle(lines, regions);
  if (title.found) {
    meta.title = title.text;
    const Line& first = lines[title.first_line];
    meta.sources["title"] = Where(nd, first, 0, first.text.size());
  }

  std::optional<EntityFound> entity =
      DetectEntity(nd, lines, title, regions, &meta);
  DetectRegion(title, regions, &meta);
  DetectYear(nd, lines, title, &meta);
  DetectKindAndScope(nd, lines, title, entity, &meta);
  DetectTemplate(nd, lines, title, &meta);
  DetectTextUnit(nd, &meta);
  return meta;
}

std::string MetadataDebugString(const ReportMeta& meta) {
  std::string out;
  auto field = [&](const std::string& name, const std::string& value) {
    out += name + ": " + value;
    auto s = meta.sources.find(name);
    if (s != meta.sources.end()) out += " (" + s->second.ToString() + ")";
    auto r = meta.unknown_reasons.find(name);
    if (r != meta.unknown_reasons.end()) out += " [unknown: " + r->second + "]";
    out += "\n";
  };
  field("title", meta.title);
  field("entity_name", meta.entity_name);
  field("region_code",
        meta.region_code + " " + meta.region_name + " " + meta.region_level);
  field("fiscal_year", std::to_string(meta.fiscal_year));
  field("kind", meta.kind);
  field("scope", meta.scope);
  std::string markers;
  for (const std::string& m : meta.template_markers) {
    markers += (markers.empty() ? "" : " ") + m;
  }
  field("is_template", std::string(meta.is_template ? "true" : "false") +
                           (markers.empty() ? "" : " [" + markers + "]"));
  field("text_unit", meta.text_unit);
  return out;
}

}  // namespace budgetdoc
