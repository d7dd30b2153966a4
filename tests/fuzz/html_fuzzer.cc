// Fuzz target: ReadHtml over arbitrary bytes (any charset, any markup) must
// return a Status, never crash or hang. Inputs are capped at 1 MiB.
#include "extract/readers.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  budgetdoc::ExtractOptions opts;
  opts.source_name = "fuzz.html";
  auto doc = budgetdoc::ReadHtml(
      std::string_view(reinterpret_cast<const char*>(data), size), opts);
  (void)doc;
  return 0;
}
