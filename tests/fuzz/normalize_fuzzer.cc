// Fuzz target: text normalization, sections and mention finding over
// arbitrary bytes must not crash; the offset map must stay monotonic and in
// range. Inputs are capped at 64 KiB.
#include "normalize/mentions.h"
#include "normalize/sections.h"
#include "normalize/text.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (64u << 10)) return 0;
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  budgetdoc::NormalizedText n = budgetdoc::NormalizeText(raw);
  if (n.ToRaw(n.text.size()) != size) std::abort();
  for (size_t i = 1; i <= n.text.size(); ++i) {
    if (n.ToRaw(i - 1) > n.ToRaw(i) || n.ToRaw(i) > size) std::abort();
  }
  std::vector<budgetdoc::Mention> m = budgetdoc::FindMentions(n.text);
  for (const auto& x : m) {
    if (x.begin < 0 || x.end > static_cast<int>(n.text.size())) std::abort();
  }
  budgetdoc::BuildSections({{n.text, false, 0}, {n.text, true, 2}}, nullptr);
  return 0;
}
