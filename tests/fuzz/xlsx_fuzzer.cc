// Fuzz target: ReadXlsx over arbitrary bytes must return a Status or a
// Document, never crash, hang or blow up memory. Inputs are capped at 1 MiB.
//
// Two modes, so both the zip layer and the sheet walker get exercised:
//  - input starting with "PK": the bytes are the .xlsx itself;
//  - anything else: NUL-separated XML parts, zipped here as
//    xl/workbook.xml, xl/sharedStrings.xml, xl/styles.xml and
//    xl/worksheets/sheet1.xml (a fixed relationship part points rId1 at
//    the sheet).
#include "extract/document.h"
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
    "relationships\"><Relationship Id=\"rId1\" "
    "Target=\"worksheets/sheet1.xml\"/></Relationships>";

constexpr const char* kParts[] = {"xl/workbook.xml", "xl/sharedStrings.xml",
                                  "xl/styles.xml", "xl/worksheets/sheet1.xml"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  budgetdoc::ExtractOptions opts;
  opts.source_name = "fuzz.xlsx";
  if (in.substr(0, 2) == "PK") {
    auto doc = budgetdoc::ReadXlsx(in, opts);
    if (doc.ok()) (void)budgetdoc::DebugString(*doc);
    return 0;
  }
  std::vector<budgetdoc::ZipEntryForTest> entries = {
      {"xl/_rels/workbook.xml.rels", kRels}};
  size_t part = 0, start = 0;
  for (size_t i = 0; i <= in.size() && part < 4; ++i) {
    if (i == in.size() || in[i] == '\0') {
      entries.push_back(
          {kParts[part++], std::string(in.substr(start, i - start))});
      start = i + 1;
    }
  }
  auto zip = budgetdoc::WriteZipForTest(entries);
  if (!zip.ok()) return 0;
  auto doc = budgetdoc::ReadXlsx(*zip, opts);
  if (doc.ok()) (void)budgetdoc::DebugString(*doc);
  return 0;
}
