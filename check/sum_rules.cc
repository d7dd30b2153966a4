#include "check/sum_rules.h"

#include "schema/embedded_data.h"
#include "schema/metrics.h"

#include <cstdio>
#include <cstdlib>

namespace budgetdoc {
namespace {

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "budgetdoc: schema/data/sum_rules.tsv: %s\n",
               message.c_str());
  std::abort();
}

std::vector<SumRuleSpec> Load() {
  Result<DataTable> table = ReadDataTable("sum_rules.tsv", '\t');
  if (!table.ok()) Die(table.status().ToString());
  const DataTable& t = *table;
  auto column = [&](std::string_view name) {
    int c = t.Column(name);
    if (c < 0) Die("no column " + std::string(name));
    return static_cast<size_t>(c);
  };
  const size_t id = column("id"), total = column("total"),
               parts = column("parts"), complete = column("complete"),
               zh = column("zh"), en = column("en"),
               identity = column("identity"), applies = column("applies_to");
  const MetricCatalog& metrics = MetricCatalog::Default();
  std::vector<SumRuleSpec> out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const std::vector<std::string>& row = t.rows[r];
    std::string at = "line " + std::to_string(t.lines[r]) + ": ";
    SumRuleSpec s;
    s.id = row[id];
    s.total = row[total];
    for (size_t from = 0; from <= row[parts].size();) {
      size_t bar = row[parts].find('|', from);
      if (bar == std::string::npos) bar = row[parts].size();
      if (bar > from) s.parts.push_back(row[parts].substr(from, bar - from));
      from = bar + 1;
    }
    if (row[complete] != "yes" && row[complete] != "no")
      Die(at + "complete must be yes or no");
    s.complete_only = row[complete] == "yes";
    s.zh = row[zh];
    s.en = row[en];
    s.identity = row[identity];
    s.applies_to = row[applies];
    if (s.id.rfind("sum.", 0) != 0) Die(at + "an id starts with sum.");
    if (s.parts.empty()) Die(at + "no parts");
    for (const std::string& m : s.parts) {
      if (metrics.Find(m) == nullptr) Die(at + "unknown metric " + m);
    }
    if (metrics.Find(s.total) == nullptr) Die(at + "unknown metric " + s.total);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

const std::vector<SumRuleSpec>& SumRules() {
  static const std::vector<SumRuleSpec>* rules =
      new std::vector<SumRuleSpec>(Load());
  return *rules;
}

}  // namespace budgetdoc
