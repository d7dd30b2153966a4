// Fuzz target: Extract() over arbitrary bytes must return a Status, never
// crash. Inputs are capped at 1 MiB.
#include "extract/extract.h"
#include "tests/fuzz/forked_children.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ForgetDeathCallbackInChildren();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  budgetdoc::ExtractOptions opts;
  opts.source_name = "fuzz";
  auto doc = budgetdoc::Extract(
      std::string_view(reinterpret_cast<const char*>(data), size), opts);
  (void)doc;
  return 0;
}
