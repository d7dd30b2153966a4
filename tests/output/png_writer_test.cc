// EncodePng round trips: the PNG is parsed chunk by chunk (CRCs checked),
// inflated and unfiltered here, and must give back the pixels. zlib is used
// directly in this test only, as an independent decoder.
#include "output/png_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>
#include <zlib.h>

namespace budgetdoc {
namespace {

uint32_t U32(const std::string& s, size_t at) {
  return (uint32_t{static_cast<unsigned char>(s[at])} << 24) |
         (uint32_t{static_cast<unsigned char>(s[at + 1])} << 16) |
         (uint32_t{static_cast<unsigned char>(s[at + 2])} << 8) |
         uint32_t{static_cast<unsigned char>(s[at + 3])};
}

// Decodes an 8-bit grayscale, non-interlaced PNG; fails the test otherwise.
std::vector<unsigned char> Decode(const std::string& png, int* w, int* h) {
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  std::string idat;
  std::vector<std::string> types;
  for (size_t at = 8; at + 12 <= png.size();) {
    uint32_t len = U32(png, at);
    std::string type = png.substr(at + 4, 4);
    std::string data = png.substr(at + 8, len);
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(png.data() + at + 4),
                static_cast<uInt>(len + 4));
    EXPECT_EQ(U32(png, at + 8 + len), static_cast<uint32_t>(crc)) << type;
    if (type == "IHDR") {
      *w = static_cast<int>(U32(data, 0));
      *h = static_cast<int>(U32(data, 4));
      EXPECT_EQ(data.substr(8), std::string("\x08\x00\x00\x00\x00", 5));
    }
    if (type == "IDAT") idat += data;
    types.push_back(type);
    at += 12 + len;
  }
  EXPECT_EQ(types, (std::vector<std::string>{"IHDR", "IDAT", "IEND"}));
  std::vector<unsigned char> raw(static_cast<size_t>((*w + 1) * *h));
  uLongf raw_len = raw.size();
  EXPECT_EQ(uncompress(raw.data(), &raw_len,
                       reinterpret_cast<const Bytef*>(idat.data()),
                       static_cast<uLong>(idat.size())),
            Z_OK);
  EXPECT_EQ(raw_len, raw.size());
  std::vector<unsigned char> px(static_cast<size_t>(*w * *h));
  for (int y = 0; y < *h; ++y) {
    unsigned char filter = raw[static_cast<size_t>(y * (*w + 1))];
    for (int x = 0; x < *w; ++x) {
      int v = raw[static_cast<size_t>(y * (*w + 1) + 1 + x)];
      int left = x > 0 ? px[static_cast<size_t>(y * *w + x - 1)] : 0;
      int up = y > 0 ? px[static_cast<size_t>((y - 1) * *w + x)] : 0;
      EXPECT_LE(filter, 2);
      if (filter == 1) v += left;
      if (filter == 2) v += up;
      px[static_cast<size_t>(y * *w + x)] = static_cast<unsigned char>(v);
    }
  }
  return px;
}

TEST(PngWriterTest, RoundTripsBitmapsOfEveryShape) {
  struct Case {
    const char* name;
    int width, height, stride;
    unsigned char (*pixel)(int x, int y);
  };
  const Case cases[] = {
      {"one pixel", 1, 1, 1, [](int, int) -> unsigned char { return 7; }},
      {"white page", 40, 30, 40, [](int, int) -> unsigned char { return 255; }},
      {"horizontal ramp", 300, 3, 300,
       [](int x, int) { return static_cast<unsigned char>(x); }},
      {"vertical ramp", 3, 300, 3,
       [](int, int y) { return static_cast<unsigned char>(255 - y); }},
      {"text-like noise", 97, 61, 128,
       [](int x, int y) {
         return static_cast<unsigned char>((x * 37 + y * 91) % 7 == 0 ? 0
                                                                      : 250);
       }},
  };
  for (const Case& c : cases) {
    std::vector<unsigned char> bitmap(static_cast<size_t>(c.stride * c.height),
                                      0xAB);
    for (int y = 0; y < c.height; ++y) {
      for (int x = 0; x < c.width; ++x) {
        bitmap[static_cast<size_t>(y * c.stride + x)] = c.pixel(x, y);
      }
    }
    Result<std::string> png =
        EncodePng({bitmap.data(), c.width, c.height, c.stride});
    ASSERT_TRUE(png.ok()) << c.name;
    int w = 0, h = 0;
    std::vector<unsigned char> back = Decode(*png, &w, &h);
    ASSERT_EQ(w, c.width) << c.name;
    ASSERT_EQ(h, c.height) << c.name;
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        ASSERT_EQ(back[static_cast<size_t>(y * w + x)], c.pixel(x, y))
            << c.name << " at " << x << "," << y;
      }
    }
  }
}

// 4 bits per pixel: each pixel is the nearest of 16 levels, two to a byte,
// rows filtered byte by byte.
TEST(PngWriterTest, FourBitImagesKeepTheNearestOfSixteenLevels) {
  for (int width : {1, 2, 7, 300}) {
    const int height = 5;
    std::vector<unsigned char> bitmap(static_cast<size_t>(width * height));
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        bitmap[static_cast<size_t>(y * width + x)] =
            static_cast<unsigned char>((x * 7 + y * 50) % 256);
      }
    }
    Result<std::string> png =
        EncodePng({bitmap.data(), width, height, width}, {.bit_depth = 4});
    ASSERT_TRUE(png.ok());
    const std::string& p = *png;
    EXPECT_EQ(p[24], 4);  // IHDR bit depth
    uint32_t len = U32(p, 33);
    ASSERT_EQ(p.substr(37, 4), "IDAT");
    std::string idat = p.substr(41, len);
    const size_t line = static_cast<size_t>((width + 1) / 2);
    std::vector<unsigned char> raw((line + 1) * height);
    uLongf raw_len = raw.size();
    ASSERT_EQ(uncompress(raw.data(), &raw_len,
                         reinterpret_cast<const Bytef*>(idat.data()),
                         static_cast<uLong>(idat.size())),
              Z_OK);
    ASSERT_EQ(raw_len, raw.size());
    std::vector<unsigned char> prev(line, 0), cur(line);
    for (int y = 0; y < height; ++y) {
      unsigned char filter = raw[y * (line + 1)];
      ASSERT_LE(filter, 2);
      for (size_t b = 0; b < line; ++b) {
        int v = raw[y * (line + 1) + 1 + b];
        if (filter == 1) v += b > 0 ? cur[b - 1] : 0;
        if (filter == 2) v += prev[b];
        cur[b] = static_cast<unsigned char>(v);
      }
      for (int x = 0; x < width; ++x) {
        int level = x % 2 == 0 ? cur[x / 2] >> 4 : cur[x / 2] & 15;
        int v = bitmap[static_cast<size_t>(y * width + x)];
        EXPECT_EQ(level, (v * 15 + 127) / 255) << width << " " << x << "," << y;
      }
      prev = cur;
    }
  }
  EXPECT_FALSE(EncodePng({nullptr, 0, 0, 0}, {.bit_depth = 3}).ok());
  unsigned char one = 0;
  EXPECT_FALSE(EncodePng({&one, 1, 1, 1}, {.bit_depth = 2}).ok());
}

TEST(PngWriterTest, RefusesEmptyOrMalformedBitmaps) {
  unsigned char px[4] = {0, 0, 0, 0};
  for (const GrayPixels& bad :
       {GrayPixels{nullptr, 1, 1, 1}, GrayPixels{px, 0, 1, 1},
        GrayPixels{px, 1, 0, 1}, GrayPixels{px, 2, 2, 1},
        GrayPixels{px, 1 << 20, 1 << 20, 1 << 20}}) {
    EXPECT_FALSE(EncodePng(bad).ok()) << bad.width << "x" << bad.height;
  }
}

}  // namespace
}  // namespace budgetdoc
