// EncodePng: an 8-bit grayscale bitmap to a grayscale PNG of 8 or 4 bits
// per pixel (RFC 2083), for the
// page images of the HTML report. The only zlib user: deflate and CRC-32 come
// from zlib (already a dependency through libzip), the chunk format is ours,
// which keeps libpng's setjmp/longjmp error handling out of C++ code.
// Each row takes the PNG filter (none, sub, up) with the smallest sum of
// absolute values, the usual heuristic; deflate runs at a fast level, since
// page images are written once and read once.
// Pure; thread-safe. Tested by tests/output/png_writer_test.cc.
#ifndef BUDGETDOC_OUTPUT_PNG_WRITER_H_
#define BUDGETDOC_OUTPUT_PNG_WRITER_H_

#include "base/result.h"

#include <string>

namespace budgetdoc {

// A borrowed 8-bit grayscale bitmap, rows top to bottom.
struct GrayPixels {
  const unsigned char* data = nullptr;
  int width = 0, height = 0;
  int stride = 0;  // bytes from one row to the next (>= width)
};

struct PngOptions {
  // 8: every gray level kept; 4: 16 levels (each pixel rounded to the
  // nearest), half the bytes — page images of print, where text edges need
  // no more.
  int bit_depth = 8;
};

// PNG bytes of the bitmap. Fails on an empty or oversized bitmap (more than
// 2^28 pixels), a bit depth other than 8 or 4, or when zlib fails.
Result<std::string> EncodePng(const GrayPixels& image,
                              const PngOptions& options = {});

}  // namespace budgetdoc

#endif  // BUDGETDOC_OUTPUT_PNG_WRITER_H_
