// Fuzz target: FindRulings() over an arbitrary bitmap (the first two bytes
// give the width, the rest are pixels, row by row) must return in bounded
// time with segments inside the image, never crash.
#include "extract/pdf_rulings.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3 || size > (1u << 20)) return 0;
  int width = 1 + (data[0] | (data[1] << 8)) % 1024;
  size_t pixels = size - 2;
  int height = static_cast<int>(pixels / static_cast<size_t>(width));
  if (height == 0) return 0;
  budgetdoc::GrayImage img;
  img.pixels = data + 2;
  img.width = width;
  img.height = height;
  img.stride = width;
  img.pixels_per_point = 1;
  for (const budgetdoc::PdfRuling& r :
       budgetdoc::FindRulings(img, budgetdoc::RulingOptions())) {
    if (r.x0 < 0 || r.y0 < 0 || r.x1 > width || r.y1 > height) abort();
  }
  return 0;
}
