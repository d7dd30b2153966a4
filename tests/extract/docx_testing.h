// Builds small DOCX files in memory for the DOCX tests: a document.xml
// around a body fragment, plus any extra parts. Test-only.
#ifndef BUDGETDOC_TESTS_EXTRACT_DOCX_TESTING_H_
#define BUDGETDOC_TESTS_EXTRACT_DOCX_TESTING_H_

#include "extract/zip_archive.h"

#include <string>
#include <vector>

namespace budgetdoc::testing {

inline constexpr char kDocxNamespaces[] =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" )"
    R"(xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" )"
    R"(xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" )"
    R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml")";

inline std::string DocumentXml(const std::string& body) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<w:document ") +
         kDocxNamespaces + "><w:body>" + body + "</w:body></w:document>";
}

inline constexpr char kContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";

// A zip with [Content_Types].xml, word/document.xml holding `body`, and
// `extra` parts. Empty string on failure (the test then fails).
inline std::string MakeDocx(const std::string& body,
                            std::vector<ZipEntryForTest> extra = {}) {
  std::vector<ZipEntryForTest> entries = {
      {"[Content_Types].xml", kContentTypes},
      {"word/document.xml", DocumentXml(body)}};
  for (auto& e : extra) entries.push_back(std::move(e));
  Result<std::string> zip = WriteZipForTest(entries);
  return zip.ok() ? *zip : std::string();
}

inline std::string Para(const std::string& text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

}  // namespace budgetdoc::testing

#endif  // BUDGETDOC_TESTS_EXTRACT_DOCX_TESTING_H_
