// Fuzz target: the whole pipeline (extract, normalize, schema, checks) over
// arbitrary bytes must return a Status or a report, never crash or hang.
// Inputs are capped at 256 KiB.
#include "cli/pipeline.h"
#include "tests/fuzz/forked_children.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ForgetDeathCallbackInChildren();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (256u << 10)) return 0;
  budgetdoc::PipelineOptions options;
  options.extract.source_name = "fuzz";
  options.extract.max_pages = 20;
  options.extract.ocr.mode = budgetdoc::OcrMode::kOff;  // see pdf_fuzzer.cc
  auto analysis = budgetdoc::AnalyzeBytes(
      std::string_view(reinterpret_cast<const char*>(data), size), options);
  (void)analysis;
  return 0;
}
