// Fuzz target: ReadDocx over arbitrary bytes must return a Status, never
// crash, hang or blow up memory. Inputs are capped at 1 MiB.
//
// Two modes, so both the zip layer and the OOXML walker get exercised:
//  - input starting with "PK": the bytes are the .docx itself;
//  - anything else: NUL-separated XML parts, zipped here as
//    word/document.xml, word/styles.xml, word/numbering.xml,
//    word/charts/chart1.xml and docProps/core.xml (a fixed
//    word/_rels/document.xml.rels points rId1 at the chart).
#include "extract/readers.h"
#include "extract/zip_archive.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr char kRels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
    "openxmlformats.org/officeDocument/2006/relationships/chart\" "
    "Target=\"charts/chart1.xml\"/></Relationships>";

constexpr const char* kParts[] = {
    "word/document.xml", "word/styles.xml", "word/numbering.xml",
    "word/charts/chart1.xml", "docProps/core.xml"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  budgetdoc::ExtractOptions opts;
  opts.source_name = "fuzz.docx";
  if (in.substr(0, 2) == "PK") {
    auto doc = budgetdoc::ReadDocx(in, opts);
    (void)doc;
    return 0;
  }
  std::vector<budgetdoc::ZipEntryForTest> entries = {
      {"word/_rels/document.xml.rels", kRels}};
  size_t part = 0, start = 0;
  for (size_t i = 0; i <= in.size() && part < 5; ++i) {
    if (i == in.size() || in[i] == '\0') {
      entries.push_back(
          {kParts[part++], std::string(in.substr(start, i - start))});
      start = i + 1;
    }
  }
  auto zip = budgetdoc::WriteZipForTest(entries);
  if (!zip.ok()) return 0;
  auto doc = budgetdoc::ReadDocx(*zip, opts);
  (void)doc;
  return 0;
}
