// XmlNode: a small element/text tree of our own types, built by libxml2
// from untrusted bytes (internal to extract/; callers use Extract() in
// extract/extract.h). xml_tree.cc is the only file that includes libxml2
// headers; nothing else sees a libxml2 type.
//
// ParseXml is hardened for OOXML parts: it refuses documents that declare
// entities (<!ENTITY, in UTF-8 or UTF-16: Word never writes them, and they
// are how XXE and "billion laughs" attacks start); libxml2 runs with
// XML_PARSE_NONET, without XML_PARSE_NOENT, XML_PARSE_DTDLOAD and
// XML_PARSE_HUGE, so no entity is substituted, no DTD or external entity is
// loaded and libxml2's own size limits stay on. The tree is built from a
// streaming reader, so the depth cap (max_depth) is checked as elements
// open, before any deeper content is parsed. libxml2 itself allows 256
// levels (XML_PARSE_HUGE stays off), so the effective cap is
// min(max_depth, 256).
//
// ParseHtml runs libxml2's forgiving HTML parser (HTML_PARSE_NONET, NOERROR,
// NOWARNING, RECOVER, IGNORE_ENC) over text that is already UTF-8; it never
// fails on malformed markup. Element names come out lowercase. Elements
// nested deeper than max_depth are flattened into their deepest kept
// ancestor (their text is kept) and `flattened` is set. Nesting past 256
// levels stops libxml2's HTML parser, so that is a ResourceExhausted error
// rather than a silently cut page.
//
// XmlNode is a plain value (copyable, movable). Parsing is thread-safe.
// Tested by tests/extract/xml_tree_test.cc.
#ifndef BUDGETDOC_EXTRACT_XML_TREE_H_
#define BUDGETDOC_EXTRACT_XML_TREE_H_

#include "base/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

struct XmlAttr {
  std::string ns;    // namespace URI; empty for unprefixed attributes and HTML
  std::string name;  // local name ("val" for w:val)
  std::string value;
};

struct XmlNode {
  enum class Type { kElement, kText };
  Type type = Type::kElement;
  std::string ns;    // namespace URI of an element (empty in HTML)
  std::string name;  // local name of an element ("p" for w:p); "" for text
  std::string text;  // the characters of a text node (CDATA included)
  std::vector<XmlAttr> attrs;
  std::vector<XmlNode> children;  // elements and text, in document order

  bool is_element() const { return type == Type::kElement; }
  bool Is(std::string_view local) const {
    return type == Type::kElement && name == local;
  }
  // Value of the first attribute with this local name, or nullptr.
  const std::string* Attr(std::string_view local) const;
  std::string AttrOr(std::string_view local, std::string_view dflt) const;
  // First element child with this local name, or nullptr.
  const XmlNode* Child(std::string_view local) const;
  // Concatenated text of all descendant text nodes.
  std::string InnerText() const;
};

struct XmlParseOptions {
  // Maximum element nesting (the root element is depth 1).
  int max_depth = 256;
  // ParseXml: refuse documents with <!ENTITY declarations (always on for
  // OOXML parts; tests turn it off to show the libxml2 flags alone are safe).
  bool reject_entity_declarations = true;
};

// Parses an XML document. Returns the root element. `part` names the input
// in messages ("word/document.xml: xml is not well-formed: line 3: ...").
// Corrupt for malformed XML; ResourceExhausted past max_depth or libxml2's
// size limits; Unsupported for entity declarations.
Result<XmlNode> ParseXml(std::string_view bytes, std::string_view part,
                         const XmlParseOptions& options);

// Parses HTML given as UTF-8. Returns the root element ("html" normally).
// `flattened` (may be null) is set when max_depth was reached.
// ResourceExhausted past libxml2's 256 levels; Corrupt only when libxml2
// produces no tree at all (e.g. empty input).
Result<XmlNode> ParseHtml(std::string_view utf8, const XmlParseOptions& options,
                          bool* flattened);

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_XML_TREE_H_
