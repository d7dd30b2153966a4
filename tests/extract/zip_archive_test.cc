#include "extract/zip_archive.h"

#include "tests/testing/cpu_time.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace budgetdoc {
namespace {

ZipArchive OpenOrDie(const std::string& bytes, ZipLimits limits = {}) {
  Result<ZipArchive> zip = ZipArchive::Open(bytes, limits);
  EXPECT_TRUE(zip.ok()) << zip.status().ToString();
  return std::move(zip).value();
}

std::string Zip(const std::vector<ZipEntryForTest>& entries) {
  Result<std::string> bytes = WriteZipForTest(entries);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

// Rewrites the declared uncompressed size of every entry (local header and
// central directory) so it lies.
void PatchDeclaredSizes(std::string* zip, uint32_t size) {
  auto put32 = [&](size_t at) {
    for (int i = 0; i < 4; ++i) {
      (*zip)[at + static_cast<size_t>(i)] =
          static_cast<char>((size >> (8 * i)) & 0xFF);
    }
  };
  for (size_t p = zip->find("PK\x03\x04"); p != std::string::npos;
       p = zip->find("PK\x03\x04", p + 4)) {
    put32(p + 22);
  }
  for (size_t p = zip->find("PK\x01\x02"); p != std::string::npos;
       p = zip->find("PK\x01\x02", p + 4)) {
    put32(p + 24);
  }
}

TEST(ZipArchiveTest, ReadsStoredAndDeflatedEntries) {
  std::string bytes = Zip({{"a.txt", "hello", 0, false},
                           {"dir/b.xml", std::string(5000, 'x'), 0, true}});
  ZipArchive zip = OpenOrDie(bytes);
  EXPECT_EQ(zip.Names(), (std::vector<std::string>{"a.txt", "dir/b.xml"}));
  EXPECT_TRUE(zip.Has("dir/b.xml"));
  EXPECT_TRUE(zip.Has("/dir/b.xml"));
  EXPECT_TRUE(zip.Has("DIR/B.XML"));
  EXPECT_FALSE(zip.Has("c"));
  Result<std::string> a = zip.ReadEntry("a.txt");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(*a, "hello");
  Result<std::string> b = zip.ReadEntry("dir/b.xml");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(*b, std::string(5000, 'x'));
  EXPECT_EQ(zip.total_read(), 5005u);
}

TEST(ZipArchiveTest, MissingEntryIsNotFound) {
  std::string bytes = Zip({{"a", "x"}});  // must outlive the archive
  ZipArchive zip = OpenOrDie(bytes);
  Result<std::string> r = zip.ReadEntry("word/document.xml");
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("word/document.xml"), std::string::npos);
}

struct OpenFailureCase {
  const char* name;
  std::string bytes;
  StatusCode code;
  const char* substring;
};

TEST(ZipArchiveTest, RejectsBytesThatAreNotAZip) {
  std::string good = Zip({{"a", "hello world"}});
  const OpenFailureCase cases[] = {
      {"empty", "", StatusCode::kCorrupt, "not a zip"},
      {"text", "hello", StatusCode::kCorrupt, "not a zip"},
      {"truncated", good.substr(0, good.size() / 2), StatusCode::kCorrupt,
       "zip"},
  };
  for (const auto& c : cases) {
    Result<ZipArchive> zip = ZipArchive::Open(c.bytes, {});
    ASSERT_FALSE(zip.ok()) << c.name;
    EXPECT_EQ(zip.status().code(), c.code) << c.name;
    EXPECT_NE(zip.status().message().find(c.substring), std::string::npos)
        << c.name << ": " << zip.status().message();
  }
}

TEST(ZipArchiveTest, TooManyEntriesAreRefusedAtOpen) {
  std::vector<ZipEntryForTest> entries;
  for (int i = 0; i < 20; ++i)
    entries.push_back({"e" + std::to_string(i), "x"});
  ZipLimits limits;
  limits.max_entries = 10;
  Result<ZipArchive> zip = ZipArchive::Open(Zip(entries), limits);
  EXPECT_EQ(zip.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(zip.status().message().find("max_zip_entries (10)"),
            std::string::npos)
      << zip.status().message();
}

struct LimitCase {
  const char* name;
  size_t zeros;
  ZipLimits limits;
  bool lie_about_size;
  const char* substring;
};

TEST(ZipArchiveTest, EnforcesSizeAndRatioCapsEvenWhenSizesLie) {
  ZipLimits small_entry;
  small_entry.max_entry_bytes = 1 << 20;
  ZipLimits small_total;
  small_total.max_total_bytes = 1 << 20;
  const LimitCase cases[] = {
      {"declared size over max_entry_bytes", 2 << 20, small_entry, false,
       "exceeds max_entry_bytes (1048576)"},
      {"declared size over max_total_bytes", 2 << 20, small_total, false,
       "max_total_bytes"},
      {"declared ratio over the cap", 20 << 20, ZipLimits{}, false,
       "exceeds max_compression_ratio (200)"},
      {"lying size caught while inflating (ratio)", 20 << 20, ZipLimits{}, true,
       "inflated data passed max_compression_ratio"},
      {"lying size caught while inflating (entry)", 3 << 20, small_entry, true,
       "inflated data passed max_entry_bytes"},
  };
  for (const auto& c : cases) {
    std::string bytes = Zip({{"word/document.xml", "", c.zeros, true}});
    if (c.lie_about_size) PatchDeclaredSizes(&bytes, 100);
    ZipArchive zip = OpenOrDie(bytes, c.limits);
    Result<std::string> r = zip.ReadEntry("word/document.xml");
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted) << c.name;
    EXPECT_NE(r.status().message().find(c.substring), std::string::npos)
        << c.name << ": " << r.status().message();
    EXPECT_NE(r.status().message().find("word/document.xml"), std::string::npos)
        << c.name;
  }
}

TEST(ZipArchiveTest, SmallHighlyCompressibleEntriesAreNotRatioBombs) {
  // 512 KiB of zeros compresses ~1000:1 but stays under kRatioFloorBytes.
  std::string bytes = Zip({{"a", "", 512 << 10, true}});
  ZipArchive zip = OpenOrDie(bytes);
  Result<std::string> r = zip.ReadEntry("a");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->size(), 512u << 10);
}

TEST(ZipArchiveTest, RejectsA300MegabyteBombQuickly) {
  std::string bytes = Zip({{"word/document.xml", "", 300 << 20, true}});
  ASSERT_LT(bytes.size(), 1u << 20);
  testing::CpuTimer timer;
  ZipArchive zip = OpenOrDie(bytes);
  Result<std::string> r = zip.ReadEntry("word/document.xml");
  double ms = timer.Millis();
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_LT(ms, testing::kRejectCpuBudgetMs);
  // Lying about it does not help: inflation stops at the ratio cap.
  PatchDeclaredSizes(&bytes, 1000);
  timer = testing::CpuTimer();
  ZipArchive lying = OpenOrDie(bytes);
  r = lying.ReadEntry("word/document.xml");
  ms = timer.Millis();
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted)
      << r.status().ToString();
  EXPECT_LT(ms, testing::kRejectCpuBudgetMs);
}

TEST(ZipArchiveTest, CorruptDeflateDataIsCorrupt) {
  std::string bytes = Zip({{"a", std::string(100000, 'q') + "tail", 0, true}});
  // Scribble over the compressed data of the only entry (after its local
  // header: 30 bytes + name).
  for (size_t i = 31; i < 31 + 40 && i < bytes.size(); ++i) bytes[i] ^= 0x5A;
  ZipArchive zip = OpenOrDie(bytes);
  Result<std::string> r = zip.ReadEntry("a");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << r.status().ToString();
}

}  // namespace
}  // namespace budgetdoc
