#include "base/provenance.h"

namespace budgetdoc {

std::string Provenance::ToString() const {
  std::string s;
  auto add = [&s](const std::string& piece) {
    if (!s.empty()) s += ' ';
    s += piece;
  };
  if (page > 0) add("p" + std::to_string(page));
  if (block >= 0) add("b" + std::to_string(block));
  if (table >= 0) {
    add("t" + std::to_string(table) + " r" + std::to_string(row) + " c" +
        std::to_string(column));
  }
  if (norm_begin >= 0) {
    add("[" + std::to_string(norm_begin) + "," + std::to_string(norm_end) +
        ")");
  }
  return s;
}

}  // namespace budgetdoc
