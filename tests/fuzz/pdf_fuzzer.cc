// Fuzz target: ReadPdf() over arbitrary bytes must return a Status or a
// Document, never crash, hang or write to stderr. Inputs are capped at
// 1 MiB and at 20 pages. Seeds in tests/fuzz/corpus/pdf_fuzzer/ are small
// hand-made PDFs (text lines, a ruled table of numbers, zero pages, an
// owner-password file).
#include "extract/extract.h"
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
  opts.source_name = "fuzz.pdf";
  opts.max_pages = 20;
  // OCR reads rendered pixels, not the file's bytes, and costs seconds a
  // page: tests/extract/ocr_test.cc covers it.
  opts.ocr.mode = budgetdoc::OcrMode::kOff;
  auto doc = budgetdoc::ReadPdf(
      std::string_view(reinterpret_cast<const char*>(data), size), opts);
  if (doc.ok()) (void)budgetdoc::DebugString(*doc);
  return 0;
}
