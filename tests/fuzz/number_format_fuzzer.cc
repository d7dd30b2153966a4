// Fuzz target: FormatNumber over an arbitrary stored value and format code
// (the input split at its first NUL) must return, never crash or hang.
// Inputs are capped at 4 KiB.
#include "extract/number_format.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nul = in.find('\0');
  std::string_view stored = in.substr(0, nul);
  std::string_view code =
      nul == std::string_view::npos ? "General" : in.substr(nul + 1);
  (void)budgetdoc::FormatNumber(stored, code);
  return 0;
}
