// The libxml2 firewall: the only file that includes libxml2 headers.
#include "extract/xml_tree.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <utility>

namespace budgetdoc {

const std::string* XmlNode::Attr(std::string_view local) const {
  for (const XmlAttr& a : attrs) {
    if (a.name == local) return &a.value;
  }
  return nullptr;
}

std::string XmlNode::AttrOr(std::string_view local,
                            std::string_view dflt) const {
  const std::string* v = Attr(local);
  return v != nullptr ? *v : std::string(dflt);
}

const XmlNode* XmlNode::Child(std::string_view local) const {
  for (const XmlNode& c : children) {
    if (c.Is(local)) return &c;
  }
  return nullptr;
}

std::string XmlNode::InnerText() const {
  std::string out;
  // Iterative: the tree depth is capped, but stay off the call stack anyway.
  std::vector<const XmlNode*> stack = {this};
  while (!stack.empty()) {
    const XmlNode* n = stack.back();
    stack.pop_back();
    if (n->type == Type::kText) {
      out += n->text;
      continue;
    }
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) {
      stack.push_back(&*it);
    }
  }
  return out;
}

namespace {

void SilentGenericError(void*, const char*, ...) {}

// Initializes libxml2 once, and for the calling thread (libxml2 keeps its
// error handlers per thread) routes unstructured errors, such as encoding
// errors, away from stderr: hostile input must not spam the console.
void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  xmlSetGenericErrorFunc(nullptr, SilentGenericError);
}

std::string Str(const xmlChar* s) {
  return s != nullptr ? std::string(reinterpret_cast<const char*>(s))
                      : std::string();
}

// Finds "<!ENTITY" in UTF-8/ASCII, UTF-16LE or UTF-16BE.
bool DeclaresEntities(std::string_view bytes) {
  if (bytes.find("<!ENTITY") != std::string_view::npos) return true;
  static constexpr char kLe[] = "<\0!\0E\0N\0T\0I\0T\0Y\0";
  static constexpr char kBe[] = "\0<\0!\0E\0N\0T\0I\0T\0Y";
  return bytes.find(std::string_view(kLe, 16)) != std::string_view::npos ||
         bytes.find(std::string_view(kBe, 16)) != std::string_view::npos;
}

// First error reported by libxml2 for one parse.
struct ErrorSink {
  std::string message;
  int line = 0;
  bool depth = false;
};

void OnStructuredError(void* user, xmlErrorPtr error) {
  auto* sink = static_cast<ErrorSink*>(user);
  if (error == nullptr || !sink->message.empty()) return;
  if (error->level < XML_ERR_ERROR) return;  // warnings are not fatal
  std::string msg = error->message != nullptr ? error->message : "";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) {
    msg.pop_back();
  }
  sink->message = msg.empty() ? "unknown error" : msg;
  sink->line = error->line;
  sink->depth = msg.find("Excessive depth") != std::string::npos;
}

struct ReaderDeleter {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

}  // namespace

Result<XmlNode> ParseXml(std::string_view bytes, std::string_view part,
                         const XmlParseOptions& options) {
  const std::string where(part);
  if (options.reject_entity_declarations && DeclaresEntities(bytes)) {
    return Status::Unsupported(
        where +
        ": xml declares entities (<!ENTITY); refused as unsafe "
        "(office documents never contain them)");
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted(where + ": xml part larger than 2 GiB");
  }
  InitLibxml();
  const int flags = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                    XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader(
      xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()),
                         /*URL=*/nullptr, /*encoding=*/nullptr, flags));
  if (reader == nullptr) {
    return Status::Corrupt(where + ": xml parser could not start");
  }
  ErrorSink errors;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), OnStructuredError,
                                         &errors);
  xmlTextReaderPtr r = reader.get();

  XmlNode doc;  // holder of the root element
  std::vector<XmlNode*> stack = {&doc};
  int ret;
  while ((ret = xmlTextReaderRead(r)) == 1) {
    int type = xmlTextReaderNodeType(r);
    XmlNode* top = stack.back();
    switch (type) {
      case XML_READER_TYPE_ELEMENT: {
        int depth = static_cast<int>(stack.size());  // of the new element
        if (depth > options.max_depth) {
          return Status::ResourceExhausted(
              where + ": xml nesting deeper than max_xml_depth (" +
              std::to_string(options.max_depth) + ") at line " +
              std::to_string(xmlTextReaderGetParserLineNumber(r)));
        }
        XmlNode node;
        node.name = Str(xmlTextReaderConstLocalName(r));
        node.ns = Str(xmlTextReaderConstNamespaceUri(r));
        bool empty = xmlTextReaderIsEmptyElement(r) == 1;
        while (xmlTextReaderMoveToNextAttribute(r) == 1) {
          if (xmlTextReaderIsNamespaceDecl(r) == 1) continue;
          node.attrs.push_back({Str(xmlTextReaderConstNamespaceUri(r)),
                                Str(xmlTextReaderConstLocalName(r)),
                                Str(xmlTextReaderConstValue(r))});
        }
        xmlTextReaderMoveToElement(r);
        top->children.push_back(std::move(node));
        if (!empty) stack.push_back(&top->children.back());
        break;
      }
      case XML_READER_TYPE_END_ELEMENT:
        if (stack.size() > 1) stack.pop_back();
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
        if (top == &doc) break;
        const xmlChar* v = xmlTextReaderConstValue(r);
        if (v == nullptr) break;
        if (!top->children.empty() &&
            top->children.back().type == XmlNode::Type::kText) {
          top->children.back().text += Str(v);
        } else {
          XmlNode t;
          t.type = XmlNode::Type::kText;
          t.text = Str(v);
          top->children.push_back(std::move(t));
        }
        break;
      }
      default:  // whitespace between elements, comments, PIs, entity refs
        break;
    }
  }
  if (ret != 0 || !errors.message.empty()) {
    if (errors.depth) {
      // libxml2 allows 256 levels without XML_PARSE_HUGE (which stays off).
      return Status::ResourceExhausted(
          where + ": xml nesting deeper than max_xml_depth (" +
          std::to_string(std::min(options.max_depth, 256)) +
          "; libxml2 allows 256 without XML_PARSE_HUGE)");
    }
    std::string msg = errors.message.empty() ? "parse error" : errors.message;
    if (msg.find("huge") != std::string::npos ||
        msg.find("too large") != std::string::npos ||
        msg.find("amplification") != std::string::npos) {
      return Status::ResourceExhausted(where +
                                       ": xml exceeds a parser limit: " + msg);
    }
    return Status::Corrupt(where + ": xml is not well-formed: line " +
                           std::to_string(errors.line) + ": " + msg);
  }
  for (XmlNode& c : doc.children) {
    if (c.is_element()) return std::move(c);
  }
  return Status::Corrupt(where + ": xml has no root element");
}

namespace {

// Builds an XmlNode tree from the HTML parser's SAX events, as libxml2's
// tree builder would and as the tree was converted before: attributes
// without a value are empty, except boolean ones (checked="checked");
// adjacent text merges; elements deeper than max_depth are flattened into
// their deepest kept ancestor.
struct HtmlBuilder {
  struct Open {
    XmlNode* node;
    bool flattened;
  };
  XmlNode top;
  std::vector<Open> open;
  int depth = 0;  // elements kept on `open`
  int max_depth = 0;
  bool flattened = false;
  bool lost = false;      // an event came without its builder
  bool too_deep = false;  // nested past libxml2's 256 levels

  XmlNode* Current() { return open.empty() ? &top : open.back().node; }

  static HtmlBuilder* Of(void* ctx) {
    auto* c = static_cast<htmlParserCtxtPtr>(ctx);
    return c == nullptr ? nullptr : static_cast<HtmlBuilder*>(c->_private);
  }
  static void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) {
    HtmlBuilder* b = Of(ctx);
    if (b == nullptr) return;
    // libxml2's tree builder stops past 256 open elements (without
    // XML_PARSE_HUGE): "Excessive depth in document".
    if (b->open.size() > 256) {
      b->too_deep = true;
      xmlStopParser(static_cast<htmlParserCtxtPtr>(ctx));
      return;
    }
    XmlNode* out = b->Current();
    if (b->depth >= b->max_depth) {
      b->flattened = true;
      b->open.push_back({out, true});
      return;
    }
    XmlNode e;
    e.name = Str(name);
    for (int i = 0; atts != nullptr && atts[i] != nullptr; i += 2) {
      XmlAttr a;
      a.name = Str(atts[i]);
      const xmlChar* v = atts[i + 1];
      if (v == nullptr && htmlIsBooleanAttr(atts[i])) v = atts[i];
      a.value = Str(v);
      e.attrs.push_back(std::move(a));
    }
    out->children.push_back(std::move(e));
    b->open.push_back({&out->children.back(), false});
    ++b->depth;
  }
  static void OnEnd(void* ctx, const xmlChar* /*name*/) {
    HtmlBuilder* b = Of(ctx);
    if (b == nullptr) return;
    if (b->open.empty()) {
      b->lost = true;
      return;
    }
    Open o = b->open.back();
    b->open.pop_back();
    if (o.flattened) return;
    --b->depth;
    o.node->children.shrink_to_fit();  // grown by doubling; now complete
  }
  static void OnText(void* ctx, const xmlChar* ch, int len) {
    HtmlBuilder* b = Of(ctx);
    if (b == nullptr || ch == nullptr || len <= 0) return;
    XmlNode* out = b->Current();
    const char* text = reinterpret_cast<const char*>(ch);
    if (!out->children.empty() &&
        out->children.back().type == XmlNode::Type::kText) {
      out->children.back().text.append(text, static_cast<size_t>(len));
    } else {
      XmlNode t;
      t.type = XmlNode::Type::kText;
      t.text.assign(text, static_cast<size_t>(len));
      out->children.push_back(std::move(t));
    }
  }
};

}  // namespace

Result<XmlNode> ParseHtml(std::string_view utf8, const XmlParseOptions& options,
                          bool* flattened) {
  if (flattened != nullptr) *flattened = false;
  if (utf8.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted("html: larger than 2 GiB");
  }
  InitLibxml();
  const int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                    HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> ctxt(
      htmlNewParserCtxt(), htmlFreeParserCtxt);
  if (ctxt == nullptr) return Status::Internal("html: no parser context");
  // The tree is built from the parser's SAX events: libxml2's own tree is
  // never made (it would double the memory of a long page). The events are
  // those its tree builder receives, implied html/body/p included; the
  // parser's decisions do not depend on that tree.
  HtmlBuilder builder;
  builder.max_depth = options.max_depth;
  ctxt->_private = &builder;
  xmlSAXHandler* sax = ctxt->sax;
  sax->startElement = HtmlBuilder::OnStart;
  sax->endElement = HtmlBuilder::OnEnd;
  sax->characters = HtmlBuilder::OnText;
  sax->cdataBlock = HtmlBuilder::OnText;
  sax->ignorableWhitespace = nullptr;  // dropped, as the tree builder does
  sax->comment = nullptr;
  sax->processingInstruction = nullptr;
  htmlDocPtr hdoc =
      htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()),
                         /*URL=*/nullptr, "UTF-8", flags);
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> guard(hdoc, xmlFreeDoc);
  xmlErrorPtr last = xmlCtxtGetLastError(ctxt.get());
  if (builder.too_deep ||
      (last != nullptr && last->message != nullptr &&
       std::string_view(last->message).find("Excessive depth") !=
           std::string_view::npos)) {
    // libxml2 stops reading there; the rest of the page would be lost.
    return Status::ResourceExhausted(
        "html: elements nested deeper than 256 levels (libxml2's limit "
        "without XML_PARSE_HUGE); the page cannot be read whole");
  }
  if (builder.lost) return Status::Internal("html: parser state lost");
  if (flattened != nullptr) *flattened = builder.flattened;
  for (XmlNode& c : builder.top.children) {
    if (c.is_element()) return std::move(c);
  }
  if (hdoc == nullptr) {
    return Status::Corrupt("html: the parser produced no document");
  }
  return Status::Corrupt("html: no root element");
}

}  // namespace budgetdoc
