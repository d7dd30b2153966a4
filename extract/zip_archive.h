// ZipArchive: read-only access to a zip file held in memory (internal to
// extract/; callers use Extract() in extract/extract.h). The only file that
// includes <zip.h> is zip_archive.cc; this header shows our own types only.
//
// Every read is capped, because the bytes are untrusted (zip bombs):
//  - the number of entries (max_entries) is checked when the archive opens;
//  - each ReadEntry() checks the declared uncompressed size (zip_stat)
//    against max_entry_bytes, against what is left of max_total_bytes and,
//    for entries above kRatioFloorBytes, against max_compression_ratio times
//    the compressed size; then it counts the bytes while inflating and stops
//    as soon as any of those caps is passed, because declared sizes can lie.
// A cap that is hit is a ResourceExhausted status naming the entry and the
// limit ("word/document.xml: uncompressed size 314572800 bytes exceeds
// max_entry_bytes (268435456)"), reached after at most one cap's worth of
// inflation.
//
// Lifetime: the archive keeps a view of the bytes passed to Open(); they must
// outlive it. Movable, not copyable. Not thread-safe (one reader at a time).
// Tested by tests/extract/zip_archive_test.cc.
#ifndef BUDGETDOC_EXTRACT_ZIP_ARCHIVE_H_
#define BUDGETDOC_EXTRACT_ZIP_ARCHIVE_H_

#include "base/result.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

struct ZipLimits {
  size_t max_entries = 10000;
  size_t max_entry_bytes = size_t{256} << 20;
  size_t max_total_bytes = size_t{1024} << 20;  // over all ReadEntry() calls
  double max_compression_ratio = 200.0;
};

// Entries smaller than this are exempt from the compression-ratio cap: tiny
// repetitive parts (an empty header, a settings part) legitimately compress
// far better than 200:1 and cannot hurt.
inline constexpr size_t kRatioFloorBytes = size_t{1} << 20;

class ZipArchive {
 public:
  // Opens a zip from memory. Corrupt when the bytes are not a readable zip
  // (truncated, no end-of-central-directory record); ResourceExhausted when
  // it has more than limits.max_entries entries.
  static Result<ZipArchive> Open(std::string_view bytes, ZipLimits limits);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  // Entry names in archive order.
  std::vector<std::string> Names() const;
  // True when an entry of that exact name exists (a leading "/" is ignored;
  // falls back to a case-insensitive match).
  bool Has(std::string_view name) const;

  // Reads one entry whole. NotFound when absent; ResourceExhausted when a
  // cap is hit; Unsupported for encrypted entries or unknown compression;
  // Corrupt when the data does not inflate or fails its CRC.
  Result<std::string> ReadEntry(std::string_view name);

  // Bytes returned by ReadEntry() so far (counts toward max_total_bytes).
  size_t total_read() const;

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---- Test support: builds zips in memory (tests and fixtures only) ----

struct ZipEntryForTest {
  std::string name;
  std::string data;
  // When > 0, the entry holds this many zero bytes instead of `data`,
  // generated lazily while compressing (a zip bomb costs no memory).
  size_t zero_bytes = 0;
  bool deflate = true;  // false: stored
};

// Writes a zip holding the entries in order and returns its bytes.
Result<std::string> WriteZipForTest(
    const std::vector<ZipEntryForTest>& entries);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_ZIP_ARCHIVE_H_
