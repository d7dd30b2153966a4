// Tested by tests/cli/compare_test.cc.
#include "cli/compare.h"

namespace budgetdoc {

CrossDocument CrossDocumentOf(const Analysis& a, std::string id,
                              std::string path) {
  CrossDocument d;
  d.id = std::move(id);
  d.path = std::move(path);
  d.meta = a.ex.meta;
  d.facts = a.ex.facts;
  for (const NormalizedText& b : a.nd.blocks) {
    d.restatement = FindRestatement(b.text);
    if (!d.restatement.empty()) return d;
  }
  for (const auto& table : a.nd.cells) {
    for (const auto& row : table) {
      for (const std::string& cell : row) {
        d.restatement = FindRestatement(cell);
        if (!d.restatement.empty()) return d;
      }
    }
  }
  return d;
}

}  // namespace budgetdoc
