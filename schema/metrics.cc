#include "schema/metrics.h"

#include "schema/embedded_data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace budgetdoc {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

Result<MetricCatalog> MetricCatalog::Parse(std::string_view tsv) {
  MetricCatalog cat;
  bool header_seen = false;
  int line_no = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = Split(line, '\t');
    if (!header_seen) {
      header_seen = true;
      if (f.size() < 6 || f[0] != "id") {
        return Status::Corrupt("metrics: line " + std::to_string(line_no) +
                               ": expected the header id, label, synonyms, "
                               "fund, part_of, unit");
      }
      continue;
    }
    if (f.size() < 6) {
      return Status::Corrupt("metrics: line " + std::to_string(line_no) +
                             ": expected 6 tab-separated fields");
    }
    Metric m;
    m.id = std::string(f[0]);
    m.label = std::string(f[1]);
    m.synonyms.push_back(m.label);
    for (std::string_view s : Split(f[2], '|')) {
      if (!s.empty() && std::find(m.synonyms.begin(), m.synonyms.end(), s) ==
                            m.synonyms.end()) {
        m.synonyms.emplace_back(s);
      }
    }
    m.fund = std::string(f[3]);
    m.part_of = std::string(f[4]);
    m.is_count = f[5] == "count";
    if (m.id.empty() || (f[5] != "money" && f[5] != "count")) {
      return Status::Corrupt("metrics: line " + std::to_string(line_no) +
                             ": bad id or unit");
    }
    if (cat.Find(m.id) != nullptr) {
      return Status::Corrupt("metrics: duplicate id " + m.id);
    }
    cat.metrics_.push_back(std::move(m));
  }
  for (const Metric& m : cat.metrics_) {
    if (!m.part_of.empty() && cat.Find(m.part_of) == nullptr) {
      return Status::Corrupt("metrics: " + m.id + " is part of unknown " +
                             m.part_of);
    }
  }
  return cat;
}

const MetricCatalog& MetricCatalog::Default() {
  static const MetricCatalog* cat = [] {
    Result<MetricCatalog> c = Parse(EmbeddedData("metrics.tsv"));
    if (!c.ok()) {
      std::fprintf(stderr, "budgetdoc: %s\n", c.status().ToString().c_str());
      std::abort();
    }
    return new MetricCatalog(std::move(c).value());
  }();
  return *cat;
}

const Metric* MetricCatalog::Find(std::string_view id) const {
  for (const Metric& m : metrics_) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

std::vector<const Metric*> MetricCatalog::PartsOf(
    std::string_view total_id) const {
  std::vector<const Metric*> out;
  for (const Metric& m : metrics_) {
    if (m.part_of == total_id) out.push_back(&m);
  }
  return out;
}

std::vector<SubjectMatch> MetricCatalog::FindSubjects(
    std::string_view text) const {
  std::vector<SubjectMatch> all;
  for (const Metric& m : metrics_) {
    for (const std::string& syn : m.synonyms) {
      if (syn.empty()) continue;
      size_t pos = 0;
      while ((pos = text.find(syn, pos)) != std::string_view::npos) {
        all.push_back(
            {&m, static_cast<int>(pos), static_cast<int>(pos + syn.size())});
        pos += syn.size();
      }
    }
  }
  // Longer matches first; drop any match overlapping an accepted one.
  std::sort(all.begin(), all.end(),
            [](const SubjectMatch& a, const SubjectMatch& b) {
              int la = a.end - a.begin, lb = b.end - b.begin;
              if (la != lb) return la > lb;
              return a.begin < b.begin;
            });
  std::vector<SubjectMatch> kept;
  for (const SubjectMatch& m : all) {
    bool overlaps = false;
    for (const SubjectMatch& k : kept)
      overlaps |= m.begin < k.end && k.begin < m.end;
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(),
            [](const SubjectMatch& a, const SubjectMatch& b) {
              return a.begin < b.begin;
            });
  return kept;
}

}  // namespace budgetdoc
