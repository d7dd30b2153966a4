#include "extract/extract.h"

#include "base/utf8.h"
#include "extract/chart_tables.h"
#include "extract/readers.h"

#include <algorithm>
#include <cctype>

namespace budgetdoc {

std::string_view SniffedFormatName(SniffedFormat f) {
  switch (f) {
    case SniffedFormat::kUnknown:
      return "unknown";
    case SniffedFormat::kText:
      return "text";
    case SniffedFormat::kDocx:
      return "docx";
    case SniffedFormat::kHtml:
      return "html";
    case SniffedFormat::kPdf:
      return "pdf";
    case SniffedFormat::kZipOther:
      return "zip (not a Word document)";
    case SniffedFormat::kOleLegacy:
      return "legacy binary Office (.doc/.xls)";
    case SniffedFormat::kBinary:
      return "binary";
  }
  return "unknown";
}

namespace {

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Lowercased ASCII copy of the first n bytes, skipping a UTF-8 BOM and
// leading whitespace.
std::string HeadLower(std::string_view bytes, size_t n) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && std::isspace(static_cast<unsigned char>(bytes[0]))) {
    bytes.remove_prefix(1);
  }
  std::string head(bytes.substr(0, n));
  for (char& c : head)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head;
}

// A document that starts with "<" and holds common HTML tags: pages without
// <html>, and fragments saved from a CMS editor ("<p style=...>").
bool LooksLikeHtmlFragment(std::string_view head) {
  static constexpr std::string_view kTags[] = {
      "<body",  "<head", "<meta", "<div", "<p>",  "<p ",  "<table",
      "<title", "<span", "<font", "<br>", "<br/", "<br ", "<h1",
      "<h2",    "<h3",   "<ul>",  "<ol>", "<li>"};
  for (std::string_view tag : kTags) {
    if (head.find(tag) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

SniffedFormat SniffFormat(std::string_view bytes) {
  if (bytes.empty()) return SniffedFormat::kUnknown;
  // A zip first: a stored entry may hold "%PDF-" in the first 1024 bytes.
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06")) {
    // A DOCX names word/document.xml (or [Content_Types].xml with
    // wordprocessingml) in its local headers / central directory.
    if (bytes.find("word/") != std::string_view::npos)
      return SniffedFormat::kDocx;
    return SniffedFormat::kZipOther;
  }
  // %PDF may be preceded by junk (allowed in the first 1024 bytes).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    return SniffedFormat::kPdf;
  }
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return SniffedFormat::kOleLegacy;
  }
  std::string head = HeadLower(bytes, 4096);
  if (StartsWith(head, "<!doctype html") || StartsWith(head, "<html") ||
      head.find("<html") != std::string::npos ||
      (StartsWith(head, "<") && LooksLikeHtmlFragment(head))) {
    return SniffedFormat::kHtml;
  }
  // UTF-16 with BOM is text; other NUL bytes mean binary.
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    return SniffedFormat::kText;
  }
  std::string_view probe = bytes.substr(0, 65536);
  size_t controls = 0;
  for (unsigned char c : probe) {
    if (c == 0) return SniffedFormat::kBinary;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
      ++controls;
  }
  if (controls * 20 > probe.size()) return SniffedFormat::kBinary;
  return SniffedFormat::kText;
}

Result<Document> Extract(std::string_view bytes,
                         const ExtractOptions& options) {
  const std::string& name = options.source_name;
  if (bytes.empty()) return Status::InvalidArgument(name + ": file is empty");
  SniffedFormat f = SniffFormat(bytes);
  Result<Document> doc = Status::Unsupported("unset");
  switch (f) {
    case SniffedFormat::kText:
      doc = ReadText(bytes, options);
      break;
    case SniffedFormat::kDocx:
      doc = ReadDocx(bytes, options);
      break;
    case SniffedFormat::kHtml:
      doc = ReadHtml(bytes, options);
      break;
    case SniffedFormat::kPdf:
      doc = ReadPdf(bytes, options);
      break;
    case SniffedFormat::kOleLegacy:
      return Status::Unsupported(
          name +
          ": unsupported format: legacy binary Office file (.doc/.xls); "
          "save it as .docx or PDF");
    case SniffedFormat::kZipOther:
      return Status::Unsupported(
          name + ": unsupported format: zip archive without word/document.xml");
    case SniffedFormat::kBinary:
    case SniffedFormat::kUnknown:
      return Status::Unsupported(
          name +
          ": unsupported format: binary data that is not PDF, DOCX, "
          "HTML or text");
  }
  if (!doc.ok()) return doc.status().WithContext(name);
  doc->source = name;
  ConvertChartTables(&*doc);
  return doc;
}

namespace {

// Letters, ideographs and digits in s, counted up to `enough`.
size_t CountWordChars(std::string_view s, size_t enough) {
  size_t n = 0, pos = 0;
  while (pos < s.size() && n < enough) {
    char32_t c = DecodeUtf8(s, &pos);
    bool ascii_word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                      (c >= 'A' && c <= 'Z');
    // Above ASCII, anything but punctuation, symbols and spaces counts.
    bool other_word =
        c >= 0x80 && c != kReplacementChar && !(c >= 0x2000 && c <= 0x2BFF) &&
        !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF0F) &&
        !(c >= 0xE000 && c <= 0xF8FF) && c != 0xA0 && c != 0xFEFF;
    if (ascii_word || other_word) ++n;
  }
  return n;
}

}  // namespace

std::vector<const Page*> UnreadablePages(const Document& doc) {
  std::vector<const Page*> out;
  for (const Page& p : doc.pages) {
    if (p.unreadable) out.push_back(&p);
  }
  return out;
}

Status RequireReadableText(const Document& doc) {
  constexpr size_t kEnough = 2;
  size_t n = 0;
  for (const Block& b : doc.blocks) {
    if (n >= kEnough) break;
    if (b.page > 0 && doc.PageUnreadable(b.page)) continue;
    n += CountWordChars(b.text, kEnough - n);
  }
  for (const Table& t : doc.tables) {
    for (const auto& row : t.rows) {
      for (const Cell& c : row) {
        if (n >= kEnough) break;
        n += CountWordChars(c.text, kEnough - n);
      }
    }
  }
  if (n >= kEnough) return Status::Ok();
  std::string why;
  std::vector<const Page*> unreadable = UnreadablePages(doc);
  if (!unreadable.empty()) {
    why = (unreadable.size() == doc.pages.size()
               ? "all " + std::to_string(doc.pages.size())
               : std::to_string(unreadable.size()) + " of " +
                     std::to_string(doc.pages.size())) +
          (doc.pages.size() == 1 ? " page is" : " pages are") + " unreadable (";
    for (size_t i = 0; i < unreadable.size() && i < 3; ++i) {
      why += (i > 0 ? "; page " : "page ") +
             std::to_string(unreadable[i]->number) + ": " +
             unreadable[i]->reason;
    }
    why += unreadable.size() > 3 ? "; ...)" : ")";
    if (unreadable.size() < doc.pages.size())
      why += " and the rest hold no text";
    why += "; budgetdoc reads text layers, it does not run OCR";
  } else if (!doc.pages.empty()) {
    why = "its " + std::to_string(doc.pages.size()) +
          (doc.pages.size() == 1 ? " page holds" : " pages hold") + " no text";
  } else {
    why = "the file holds no words or figures";
  }
  return Status::Unsupported(doc.source + ": no readable text: " + why);
}

}  // namespace budgetdoc
