// Fuzz target: ReadXls (FreeXL) over arbitrary bytes must return a Status
// or a Document, never crash or hang. Inputs are capped at 1 MiB. FreeXL
// runs in a forked child: its crashes there are contained and reported in
// the log only (forked_children.h). Seeds in
// tests/fuzz/corpus/xls_fuzzer/: a workbook LibreOffice wrote, and damaged
// copies of it.
#include "extract/document.h"
#include "extract/readers.h"
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
  opts.source_name = "fuzz.xls";
  auto doc = budgetdoc::ReadXls(
      std::string_view(reinterpret_cast<const char*>(data), size), opts);
  if (doc.ok()) (void)budgetdoc::DebugString(*doc);
  return 0;
}
