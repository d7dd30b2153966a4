#include "output/png_writer.h"

#include <cstdint>
#include <cstdlib>
#include <vector>
#include <zlib.h>

namespace budgetdoc {
namespace {

constexpr int64_t kMaxPixels = int64_t{1} << 28;

void PutU32(uint32_t v, std::string* out) {
  out->push_back(static_cast<char>(v >> 24));
  out->push_back(static_cast<char>(v >> 16));
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}

void PutChunk(const char type[4], const std::string& data, std::string* out) {
  PutU32(static_cast<uint32_t>(data.size()), out);
  size_t start = out->size();
  out->append(type, 4);
  out->append(data);
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(out->data() + start),
              static_cast<uInt>(out->size() - start));
  PutU32(static_cast<uint32_t>(crc), out);
}

// Appends one filtered row (filter byte + bytes) choosing none, sub or up.
void FilterRow(const unsigned char* row, const unsigned char* prev, int width,
               std::vector<unsigned char>* out) {
  const size_t w = static_cast<size_t>(width);
  unsigned long cost[3] = {0, 0, 0};
  for (size_t x = 0; x < w; ++x) {
    auto sabs = [](int v) {
      int8_t s = static_cast<int8_t>(static_cast<uint8_t>(v));
      return static_cast<unsigned long>(s < 0 ? -s : s);
    };
    cost[0] += sabs(row[x]);
    cost[1] += sabs(row[x] - (x > 0 ? row[x - 1] : 0));
    cost[2] += sabs(row[x] - (prev != nullptr ? prev[x] : 0));
  }
  int best = 0;
  for (int f = 1; f < 3; ++f) {
    if (cost[f] < cost[best]) best = f;
  }
  out->push_back(static_cast<unsigned char>(best == 0 ? 0 : best == 1 ? 1 : 2));
  for (size_t x = 0; x < w; ++x) {
    int v = row[x];
    if (best == 1) v -= x > 0 ? row[x - 1] : 0;
    if (best == 2) v -= prev != nullptr ? prev[x] : 0;
    out->push_back(static_cast<unsigned char>(v & 0xFF));
  }
}

}  // namespace

Result<std::string> EncodePng(const GrayPixels& image,
                              const PngOptions& options) {
  if (image.data == nullptr || image.width <= 0 || image.height <= 0 ||
      image.stride < image.width) {
    return Status::InvalidArgument("png: empty bitmap");
  }
  if (int64_t{image.width} * image.height > kMaxPixels) {
    return Status::ResourceExhausted("png: bitmap too large");
  }
  if (options.bit_depth != 8 && options.bit_depth != 4) {
    return Status::InvalidArgument("png: bit depth must be 8 or 4");
  }
  const bool nibbles = options.bit_depth == 4;
  const size_t w = static_cast<size_t>(image.width);
  const size_t line = nibbles ? (w + 1) / 2 : w;
  std::vector<unsigned char> raw;
  raw.reserve((line + 1) * static_cast<size_t>(image.height));
  // 4 bits: each pixel rounded to the nearest of 16 levels (v·15/255),
  // two to a byte, the left one in the high nibble.
  std::vector<unsigned char> packed_rows[2] = {
      std::vector<unsigned char>(nibbles ? line : 0),
      std::vector<unsigned char>(nibbles ? line : 0)};
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row =
        image.data + static_cast<ptrdiff_t>(y) * image.stride;
    const unsigned char* prev =
        y > 0 ? row - static_cast<ptrdiff_t>(image.stride) : nullptr;
    if (nibbles) {
      std::vector<unsigned char>& cur = packed_rows[y % 2];
      for (size_t b = 0; b < line; ++b) {
        auto level = [](unsigned v) { return (v * 15 + 127) / 255; };
        unsigned hi = level(row[2 * b]);
        unsigned lo = 2 * b + 1 < w ? level(row[2 * b + 1]) : 0;
        cur[b] = static_cast<unsigned char>((hi << 4) | lo);
      }
      FilterRow(cur.data(), y > 0 ? packed_rows[(y + 1) % 2].data() : nullptr,
                static_cast<int>(line), &raw);
    } else {
      FilterRow(row, prev, image.width, &raw);
    }
  }
  // Run-length deflate: page images are mostly runs of white, which it
  // packs nearly as well as full deflate at a fraction of the time.
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) {
    return Status::Internal("png: deflate failed");
  }
  std::string packed(deflateBound(&z, static_cast<uLong>(raw.size())), '\0');
  z.next_in = raw.data();
  z.avail_in = static_cast<uInt>(raw.size());
  z.next_out = reinterpret_cast<Bytef*>(packed.data());
  z.avail_out = static_cast<uInt>(packed.size());
  int rc = deflate(&z, Z_FINISH);
  packed.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return Status::Internal("png: deflate failed");

  std::string out("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  PutU32(static_cast<uint32_t>(image.width), &header);
  PutU32(static_cast<uint32_t>(image.height), &header);
  header.push_back(static_cast<char>(options.bit_depth));
  header.push_back(0);  // color type: grayscale
  header.push_back(0);  // compression: deflate
  header.push_back(0);  // filter method 0
  header.push_back(0);  // no interlace
  PutChunk("IHDR", header, &out);
  PutChunk("IDAT", packed, &out);
  PutChunk("IEND", std::string(), &out);
  return out;
}

}  // namespace budgetdoc
