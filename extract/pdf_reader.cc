// ReadPdf: the only file that includes Poppler (poppler-cpp). It loads the
// PDF from memory, turns each page's words into our own PdfWord structs and
// hands them to LayOutPdf() (extract/pdf_layout.h), which does everything
// else without Poppler types.
//
// Speed: the text layer costs about what pdftotext spends; asking Poppler
// for font information would add a third (font sizes are estimated from
// glyph advances instead), and rendering a page to find ruling lines costs
// 3-10 times its text extraction, so pages are rendered only when they have
// no text at all (to tell a blank page from a scanned one, at 36 dpi) or
// when their tables need their ruling lines (LayOutPdf asks; 72 dpi).
//
// Poppler reports problems through one process-global callback
// (poppler::set_debug_error_function). While a PDF is read the callback
// points at that read's collector, so PDF reads are serialized by a mutex:
// one ReadPdf at a time per process; run several processes to go wider.
// Poppler's messages never reach stderr; they become one info finding.
// PdfRenderer (pdf_render.h) is implemented here too and takes the same
// lock around every Poppler call.
// Tested by tests/extract/pdf_reader_test.cc, pdf_corpus_test.cc and
// corrupt_pdf_test.cc.
#include "base/utf8.h"
#include "extract/ocr.h"
#include "extract/ocr_spans.h"
#include "extract/pdf_layout.h"
#include "extract/pdf_page_budget.h"
#include "extract/pdf_render.h"
#include "extract/pdf_rulings.h"
#include "extract/readers.h"
#include "normalize/unicode.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace budgetdoc {
namespace {

// Messages Poppler reported during one read.
struct PopplerMessages {
  size_t count = 0;
  std::vector<std::string> first;  // the first few, deduplicated
};

constexpr size_t kKeptMessages = 5;

void CollectMessage(const std::string& msg, void* closure) {
  auto* messages = static_cast<PopplerMessages*>(closure);
  if (messages == nullptr) return;
  ++messages->count;
  if (messages->first.size() >= kKeptMessages) return;
  std::string m = msg;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  for (const std::string& seen : messages->first) {
    if (seen == m) return;
  }
  messages->first.push_back(std::move(m));
}

void DropMessage(const std::string&, void*) {}

std::mutex& ReadMutex() {
  static std::mutex* mu = new std::mutex;
  return *mu;
}

// Points the global Poppler callback at `messages` for the lifetime of the
// object; afterwards Poppler output is discarded (never printed).
class ScopedMessageCollector {
 public:
  explicit ScopedMessageCollector(PopplerMessages* messages) {
    poppler::set_debug_error_function(CollectMessage, messages);
  }
  ~ScopedMessageCollector() {
    poppler::set_debug_error_function(DropMessage, nullptr);
  }
  ScopedMessageCollector(const ScopedMessageCollector&) = delete;
  ScopedMessageCollector& operator=(const ScopedMessageCollector&) = delete;
};

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// How much of a page rendered at 36 dpi is ink: the share of pixels
// visibly darker than paper (< 230 of 255), and the share of pixel rows
// with ink over more than 1% of their width. A scan has grey noise, a
// tinted background and strokes on most rows; a page holding a ruling line
// or an empty table row has ink on a few rows only.
struct Ink {
  double pixels = 0;
  double rows = 0;
  bool measured = false;  // the page rendered
};

Ink MeasureInk(const poppler::page& page, poppler::page_renderer* renderer) {
  Ink ink;
  poppler::image img = renderer->render_page(&page, 36, 36);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return ink;
  if (img.format() != poppler::image::format_gray8) return ink;
  const char* data = img.const_data();
  size_t inked = 0, inked_rows = 0;
  for (int y = 0; y < img.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(
        data + static_cast<ptrdiff_t>(y) * img.bytes_per_row());
    size_t in_row = 0;
    for (int x = 0; x < img.width(); ++x) {
      if (row[x] < 230) ++in_row;
    }
    inked += in_row;
    if (in_row * 100 > static_cast<size_t>(img.width())) ++inked_rows;
  }
  ink.measured = true;
  ink.pixels = static_cast<double>(inked) /
               (static_cast<double>(img.width()) * img.height());
  ink.rows = static_cast<double>(inked_rows) / img.height();
  return ink;
}

double Median(std::vector<double>* v) {
  std::nth_element(
      v->begin(), v->begin() + static_cast<ptrdiff_t>(v->size() / 2), v->end());
  return (*v)[v->size() / 2];
}

// The font size of a word from its glyph advances: ideographs and
// full-width punctuation are one em wide, digits and other ASCII about half
// an em in the fonts these reports use. (Asking Poppler for font information
// costs a third of the reading time, and box heights are unreliable: some
// producers give fonts bogus ascents.) 0 when nothing tells.
double EstimateFontSize(const poppler::text_box& tb,
                        const poppler::ustring& u) {
  std::vector<double> em, half;
  const bool vertical = tb.rotation() % 2 == 1;
  for (size_t i = 0; i < u.size() && i < 256; ++i) {
    unsigned c = u[i];
    bool wide = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
                (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF01 && c <= 0xFF60);
    bool narrow = c > 0x20 && c < 0x7F;
    if (!wide && !narrow) continue;
    poppler::rectf r = tb.char_bbox(i);
    double advance = vertical ? r.height() : r.width();
    if (!(advance > 0)) continue;
    (wide ? em : half).push_back(advance);
  }
  if (!em.empty()) return Median(&em);
  if (!half.empty()) return Median(&half) / 0.52;
  return 0;
}

PdfPageInput ReadPage(const poppler::page& page, int number,
                      poppler::page_renderer* renderer) {
  PdfPageInput in;
  in.number = number;
  poppler::rectf rect = page.page_rect(poppler::crop_box);
  in.width = rect.width();
  in.height = rect.height();
  switch (page.orientation()) {
    case poppler::page::landscape:
      in.rotation = 90;
      break;
    case poppler::page::upside_down:
      in.rotation = 180;
      break;
    case poppler::page::seascape:
      in.rotation = 270;
      break;
    default:
      in.rotation = 0;
  }
  if (in.rotation == 90 || in.rotation == 270) std::swap(in.width, in.height);
  std::vector<poppler::text_box> boxes = page.text_list();
  in.words.reserve(boxes.size());
  for (const poppler::text_box& tb : boxes) {
    PdfWord w;
    poppler::ustring u = tb.text();
    w.text = ToUtf8(u);
    if (w.text.empty()) continue;
    poppler::rectf b = tb.bbox();
    w.x0 = b.x();
    w.y0 = b.y();
    w.x1 = b.x() + b.width();
    w.y1 = b.y() + b.height();
    w.font_size = EstimateFontSize(tb, u);
    w.space_after = tb.has_space_after();
    w.rotation = tb.rotation();
    in.words.push_back(std::move(w));
  }
  // A page without text, or with a few characters only (a page number
  // stamped on a scan), is an image when it renders with ink spread over
  // the page: without text, ink on 5% of it, or on 1% across a tenth of
  // its rows (the corpus's rules-only page has 0.6% on 3% of its rows);
  // beside a few characters, ink on a tenth of the page across a third of
  // its rows (covers with a large title have about 2%).
  size_t chars = 0;
  for (const PdfWord& w : in.words) chars += CountCodePoints(w.text);
  if (chars < 10 && renderer != nullptr &&
      poppler::page_renderer::can_render()) {
    Ink ink = MeasureInk(page, renderer);
    in.image_only =
        in.words.empty()
            ? ink.pixels > 0.05 || (ink.pixels > 0.01 && ink.rows > 0.10)
            : ink.pixels > 0.10 && ink.rows > 0.30;
    // No text and (almost) no ink: a blank page, not a scan.
    in.blank = ink.measured && in.words.empty() && ink.pixels < 0.001;
  }
  return in;
}

// The page at `dpi` (lowered to stay within max_pixels), antialiased.
Result<PageBitmap> RenderGray(const poppler::page& page,
                              const RenderOptions& options) {
  if (!poppler::page_renderer::can_render()) {
    return Status::Unsupported("pdf: this Poppler build cannot render pages");
  }
  poppler::rectf rect = page.page_rect(poppler::crop_box);
  double points = std::max(1.0, rect.width()) * std::max(1.0, rect.height());
  double dpi = std::max(1, options.dpi);
  double max_dpi =
      72.0 * std::sqrt(static_cast<double>(options.max_pixels) / points);
  dpi = std::max(1.0, std::min(dpi, std::floor(max_dpi)));
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image img = renderer.render_page(&page, dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0 ||
      img.format() != poppler::image::format_gray8) {
    return Status::Corrupt("pdf: the page could not be rendered");
  }
  PageBitmap out;
  out.width = img.width();
  out.height = img.height();
  out.pixels_per_point = dpi / 72.0;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  const char* data = img.const_data();
  for (int y = 0; y < out.height; ++y) {
    std::copy_n(data + static_cast<ptrdiff_t>(y) * img.bytes_per_row(),
                out.width,
                out.pixels.begin() + static_cast<ptrdiff_t>(y) * out.width);
  }
  return out;
}

// Recognizes the pages that need it (OcrOptions::mode) in place: their words
// become the recognized ones. Returns the reason each recognized page needed
// it (page number -> reason) and adds findings for what went wrong.
std::vector<std::pair<int, std::string>> RecognizePages(
    const poppler::document& doc, const OcrOptions& options,
    const std::set<int>& not_read, std::vector<PdfPageInput>* pages,
    std::vector<Finding>* findings) {
  std::vector<std::pair<int, std::string>> recognized;
  if (options.mode == OcrMode::kOff) return recognized;
  std::optional<Result<OcrEngine>> engine;
  RenderOptions render;
  render.dpi = options.dpi;
  for (PdfPageInput& in : *pages) {
    if (not_read.count(in.number)) continue;
    std::string reason;
    if (options.mode == OcrMode::kForce) {
      reason = "--ocr force";
    } else {
      PdfTextQuality q = AssessPageText(in, PdfLayoutOptions());
      if (!q.unreadable) continue;
      reason = q.reason;
    }
    if (!engine) engine.emplace(OcrEngine::Create(options));
    if (!engine->ok()) {
      Finding f;
      f.severity = Severity::kWarning;
      f.rule = "extract.pdf.ocr_unavailable";
      f.message = "page " + std::to_string(in.number) + ": " + reason +
                  "; not recognized: " + engine->status().message();
      Provenance where;
      where.page = in.number;
      f.where.push_back(where);
      findings->push_back(std::move(f));
      continue;
    }
    std::unique_ptr<poppler::page> page(doc.create_page(in.number - 1));
    if (page == nullptr) continue;
    Result<PageBitmap> img = RenderGray(*page, render);
    Result<OcrPage> ocr = img.ok() ? (*engine)->Recognize(img->view())
                                   : Result<OcrPage>(img.status());
    if (!ocr.ok()) {
      Finding f;
      f.severity = Severity::kWarning;
      f.rule = "extract.pdf.ocr_failed";
      f.message =
          "page " + std::to_string(in.number) + ": " + ocr.status().message();
      Provenance where;
      where.page = in.number;
      f.where.push_back(where);
      findings->push_back(std::move(f));
      continue;
    }
    if (ocr->words.empty() && options.mode != OcrMode::kForce) continue;
    if (options.mode != OcrMode::kForce) {
      // Recognition of noise or of a garbled page is no text either: the
      // page stays unreadable unless what was recognized passes the same
      // gate as a text layer, at a median confidence of at least 50.
      PdfPageInput trial = in;
      trial.words = OcrWordsToPdfWords(ocr->words);
      trial.image_only = false;
      trial.ocr = true;
      if (AssessPageText(trial, PdfLayoutOptions()).unreadable ||
          MedianOcrConfidence(trial.words) < 50) {
        Finding f;
        f.severity = Severity::kWarning;
        f.rule = "extract.pdf.ocr_failed";
        f.message = "page " + std::to_string(in.number) + ": " + reason +
                    "; OCR found no readable text on it";
        Provenance where;
        where.page = in.number;
        f.where.push_back(where);
        findings->push_back(std::move(f));
        continue;
      }
    }
    in.words = OcrWordsToPdfWords(ocr->words);
    in.image_only = false;
    in.ocr = true;
    in.rulings = std::move(ocr->rulings);
    recognized.emplace_back(in.number, reason);
  }
  return recognized;
}

// Some producers store an info string as literal hex of GBK bytes
// ("<BDADCBD5...>"); decode that, and drop values that stay unreadable.
std::string CleanInfoValue(std::string v) {
  auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
  };
  if (v.size() >= 4 && v.front() == '<' && v.back() == '>' &&
      (v.size() - 2) % 2 == 0 && std::all_of(v.begin() + 1, v.end() - 1, hex)) {
    std::string bytes;
    for (size_t i = 1; i + 1 < v.size(); i += 2) {
      bytes.push_back(
          static_cast<char>(std::stoi(v.substr(i, 2), nullptr, 16)));
    }
    if (IsValidUtf8(bytes)) return bytes;
    Result<std::string> gb = ConvertToUtf8(bytes, "GB18030");
    return gb.ok() ? *gb : std::string();
  }
  return IsValidUtf8(v) ? v : std::string();
}

void AddMetadata(const poppler::document& doc, Document* out) {
  auto put = [&](const char* key, const poppler::ustring& value) {
    std::string v = CleanInfoValue(ToUtf8(value));
    if (!v.empty()) out->metadata[key] = v;
  };
  put("title", doc.get_title());
  put("author", doc.get_author());
  put("creator", doc.get_creator());
  put("producer", doc.get_producer());
}

}  // namespace

Result<PageBitmap> RenderPdfPage(std::string_view bytes, int page,
                                 const RenderOptions& options) {
  ExtractOptions opts;
  opts.ocr.mode = OcrMode::kOff;
  opts.max_pages = 1;
  // Opening through ReadPdf's checks keeps one way to load a PDF.
  BUDGETDOC_RETURN_IF_ERROR(ReadPdf(bytes, opts).status());
  std::lock_guard<std::mutex> lock(ReadMutex());
  ScopedMessageCollector collector(nullptr);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) return Status::Corrupt("pdf: cannot be opened");
  if (page < 1 || page > doc->pages()) {
    return Status::InvalidArgument("pdf: no page " + std::to_string(page));
  }
  std::unique_ptr<poppler::page> p(doc->create_page(page - 1));
  if (p == nullptr) return Status::Corrupt("pdf: page cannot be loaded");
  return RenderGray(*p, options);
}

namespace {

// The pages read one by one (under the per-page budget): their words, and
// those that could not be loaded or whose reading was stopped.
struct PagesRead {
  std::vector<PdfPageInput> pages;
  std::vector<int> missing;
  std::vector<std::pair<int, PageOutcome>> stopped;  // over budget, died
};

// Opens the document; fails on damaged, encrypted or empty documents.
Result<std::unique_ptr<poppler::document>> OpenPdf(
    std::string_view bytes, const PopplerMessages& messages) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) {
    std::string why = messages.first.empty() ? "" : ": " + messages.first[0];
    return Status::Corrupt("pdf: cannot be opened (damaged or not a PDF)" +
                           why);
  }
  if (doc->is_locked()) {
    return Status::Unsupported(
        "pdf: encrypted with a user password; password-protected PDFs are "
        "not supported (open it and save an unprotected copy)");
  }
  if (doc->pages() <= 0) {
    return Status::InvalidArgument("pdf: the document has no pages");
  }
  return doc;
}

// Pages 1..limit read under the per-page budget (pdf_page_budget.h); each
// page's Poppler messages travel with it and end in `messages`.
PagesRead ReadPageWords(poppler::document& doc, int limit, int budget_ms,
                        PopplerMessages* messages) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  PopplerMessages document_messages = *messages;
  auto read = [&](int i, PdfPageInput* in, PageMessages* page_messages) {
    *messages = PopplerMessages();
    std::unique_ptr<poppler::page> page(doc.create_page(i));
    if (page != nullptr) *in = ReadPage(*page, i + 1, &renderer);
    page_messages->count = messages->count;
    page_messages->first = std::move(messages->first);
    return page != nullptr;
  };
  std::vector<BudgetedPage> read_pages =
      ReadPagesWithBudget(limit, budget_ms, read);
  *messages = std::move(document_messages);
  PagesRead out;
  out.pages.reserve(read_pages.size());
  for (BudgetedPage& p : read_pages) {
    for (std::string& m : p.messages.first) {
      --p.messages.count;
      CollectMessage(m, messages);
    }
    messages->count += p.messages.count;
    if (p.outcome == PageOutcome::kMissing)
      out.missing.push_back(p.input.number);
    if (p.outcome == PageOutcome::kTimedOut ||
        p.outcome == PageOutcome::kFailed) {
      out.stopped.push_back({p.input.number, p.outcome});
    }
    out.pages.push_back(std::move(p.input));
  }
  return out;
}

// Ruling lines on demand: the page rendered at 72 dpi (one pixel per point)
// without antialiasing, so thin borders come out as solid pixels.
// REQUIRES: doc and line_renderer outlive the finder.
RulingFinder RulingsOf(poppler::document& doc, int limit,
                       poppler::page_renderer& line_renderer) {
  line_renderer.set_image_format(poppler::image::format_gray8);
  line_renderer.set_render_hint(poppler::page_renderer::antialiasing, false);
  line_renderer.set_render_hint(poppler::page_renderer::text_antialiasing,
                                false);
  line_renderer.set_line_mode(poppler::page_renderer::line_solid);
  return [&doc, &line_renderer, limit](int number) {
    std::vector<PdfRuling> rulings;
    if (!poppler::page_renderer::can_render() || number < 1 || number > limit) {
      return rulings;
    }
    std::unique_ptr<poppler::page> page(doc.create_page(number - 1));
    if (page == nullptr) return rulings;
    poppler::image img = line_renderer.render_page(page.get(), 72, 72);
    if (!img.is_valid() || img.format() != poppler::image::format_gray8)
      return rulings;
    GrayImage gray;
    gray.pixels = reinterpret_cast<const unsigned char*>(img.const_data());
    gray.width = img.width();
    gray.height = img.height();
    gray.stride = img.bytes_per_row();
    gray.pixels_per_point = 1;
    return FindRulings(gray, RulingOptions());
  };
}

// A page that could not be loaded, or whose reading was stopped, has no
// text to read: unreadable with the reason (a stopped page also a finding).
void MarkPagesNotRead(const PagesRead& read, int budget_ms, Document* out) {
  for (int number : read.missing) {
    Page& page = out->pages[static_cast<size_t>(number - 1)];
    page.unreadable = true;
    page.reason = "could not be loaded (damaged page tree)";
  }
  for (const auto& [number, outcome] : read.stopped) {
    Page& page = out->pages[static_cast<size_t>(number - 1)];
    page.unreadable = true;
    page.reason = outcome == PageOutcome::kTimedOut
                      ? "skipped: reading its text took longer than " +
                            std::to_string(budget_ms) +
                            " ms (an oversized or overlapping content stream)"
                      : "skipped: the PDF library failed while reading it";
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.pdf.page_skipped";
    f.message = "page " + std::to_string(number) + ": " + page.reason;
    Provenance where;
    where.page = number;
    f.where.push_back(where);
    out->findings.push_back(std::move(f));
  }
}

// Findings about the reading as a whole: pages missing, pages left unread
// by max_pages, Poppler's messages.
void AddReadingFindings(const std::vector<int>& missing, int limit,
                        int page_count, const PopplerMessages& messages,
                        Document* out) {
  for (int number : missing) {
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.pdf.page_missing";
    f.message = "page " + std::to_string(number) +
                ": could not be loaded (damaged page tree)";
    Provenance where;
    where.page = number;
    f.where.push_back(where);
    out->findings.push_back(std::move(f));
  }
  if (limit < page_count) {
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.pdf.pages_truncated";
    f.message = "read the first " + std::to_string(limit) + " of " +
                std::to_string(page_count) + " pages (max_pages)";
    out->findings.push_back(std::move(f));
  }
  if (messages.count > 0) {
    Finding f;
    f.severity = Severity::kInfo;
    f.rule = "extract.pdf.poppler_messages";
    f.message = "poppler reported " + std::to_string(messages.count) +
                (messages.count == 1 ? " message" : " messages") + ", first: ";
    for (size_t i = 0; i < messages.first.size(); ++i) {
      if (i > 0) f.message += "; ";
      f.message += "'" + messages.first[i] + "'";
    }
    out->findings.push_back(std::move(f));
  }
}

}  // namespace

Result<Document> ReadPdf(std::string_view bytes, const ExtractOptions& opts) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted("pdf: file is larger than 2 GiB");
  }
  std::lock_guard<std::mutex> lock(ReadMutex());
  PopplerMessages messages;
  ScopedMessageCollector collector(&messages);
  Result<std::unique_ptr<poppler::document>> opened = OpenPdf(bytes, messages);
  if (!opened.ok()) return opened.status();
  poppler::document& doc = **opened;
  const int page_count = doc.pages();
  int limit = page_count;
  if (opts.max_pages > 0 && opts.max_pages < limit) limit = opts.max_pages;

  PagesRead read =
      ReadPageWords(doc, limit, opts.pdf_page_budget_ms, &messages);
  poppler::page_renderer line_renderer;
  RulingFinder find_rulings = RulingsOf(doc, limit, line_renderer);
  // Pages that could not be loaded or whose reading was stopped are not
  // recognized either: rendering them would meet the same content.
  std::set<int> not_read(read.missing.begin(), read.missing.end());
  for (const auto& [number, outcome] : read.stopped) not_read.insert(number);
  std::vector<Finding> ocr_findings;
  std::vector<std::pair<int, std::string>> recognized =
      RecognizePages(doc, opts.ocr, not_read, &read.pages, &ocr_findings);
  Document out =
      LayOutPdf(std::move(read.pages), PdfLayoutOptions(), find_rulings);
  MarkPagesNotRead(read, opts.pdf_page_budget_ms, &out);
  out.format = Format::kPdf;
  for (const auto& [number, reason] : recognized) {
    for (Page& page : out.pages) {
      if (page.number == number) page.reason = reason;
    }
  }
  if (!recognized.empty()) {
    out.metadata["ocr_pages"] = std::to_string(recognized.size());
  }
  for (Finding& f : ocr_findings) out.findings.push_back(std::move(f));
  AddMetadata(doc, &out);
  out.metadata["pages"] = std::to_string(page_count);
  AddReadingFindings(read.missing, limit, page_count, messages, &out);
  return out;
}

// ---- PdfRenderer ------------------------------------------------------------

namespace {

// The w x h pixels at (x, y) of a bitmap with `stride` bytes per row.
PageBitmap CopyRegion(const unsigned char* pixels, int stride, int x, int y,
                      int w, int h) {
  PageBitmap out;
  out.width = w;
  out.height = h;
  out.pixels.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
  for (int row = 0; row < h; ++row) {
    std::memcpy(
        out.pixels.data() + static_cast<size_t>(row) * static_cast<size_t>(w),
        pixels + static_cast<ptrdiff_t>(y + row) * stride + x,
        static_cast<size_t>(w));
  }
  return out;
}

}  // namespace

struct PdfRenderer::Impl {
  std::unique_ptr<poppler::document> doc;
  poppler::page_renderer renderer;
  // The last page rendered whole.
  int cached_page = 0;
  double cached_dpi = 0;
  PageBitmap cached;
};

PdfRenderer::PdfRenderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfRenderer::~PdfRenderer() {
  std::lock_guard<std::mutex> lock(ReadMutex());
  impl_.reset();
}

Result<std::unique_ptr<PdfRenderer>> PdfRenderer::Open(std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted("pdf: file is larger than 2 GiB");
  }
  std::lock_guard<std::mutex> lock(ReadMutex());
  ScopedMessageCollector drop(nullptr);
  auto impl = std::make_unique<Impl>();
  impl->doc.reset(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (impl->doc == nullptr) {
    return Status::Corrupt("pdf: cannot be opened (damaged or not a PDF)");
  }
  if (impl->doc->is_locked()) {
    return Status::Unsupported("pdf: encrypted with a user password");
  }
  impl->renderer.set_image_format(poppler::image::format_gray8);
  impl->renderer.set_render_hint(poppler::page_renderer::antialiasing, false);
  impl->renderer.set_render_hint(poppler::page_renderer::text_antialiasing,
                                 true);
  return std::unique_ptr<PdfRenderer>(new PdfRenderer(std::move(impl)));
}

int PdfRenderer::page_count() const { return impl_->doc->pages(); }

Result<PageBitmap> PdfRenderer::RenderRegion(int page, const BBox& box,
                                             double dpi) {
  if (page < 1 || page > impl_->doc->pages()) {
    return Status::InvalidArgument("pdf: no page " + std::to_string(page));
  }
  if (!(dpi >= 18 && dpi <= 600)) {
    return Status::InvalidArgument("pdf: resolution out of range");
  }
  if (impl_->cached_page != page || impl_->cached_dpi != dpi) {
    std::lock_guard<std::mutex> lock(ReadMutex());
    ScopedMessageCollector drop(nullptr);
    impl_->cached_page = 0;
    impl_->cached = PageBitmap();
    std::unique_ptr<poppler::page> p(impl_->doc->create_page(page - 1));
    if (p == nullptr || !poppler::page_renderer::can_render()) {
      return Status::Corrupt("pdf: page " + std::to_string(page) +
                             " cannot be rendered");
    }
    poppler::image img = impl_->renderer.render_page(p.get(), dpi, dpi);
    if (!img.is_valid() || img.format() != poppler::image::format_gray8 ||
        img.width() <= 0 || img.height() <= 0) {
      return Status::Corrupt("pdf: page " + std::to_string(page) +
                             " cannot be rendered");
    }
    impl_->cached =
        CopyRegion(reinterpret_cast<const unsigned char*>(img.const_data()),
                   img.bytes_per_row(), 0, 0, img.width(), img.height());
    impl_->cached_page = page;
    impl_->cached_dpi = dpi;
  }
  const PageBitmap& full = impl_->cached;
  const double scale = dpi / 72.0;
  auto clamp = [](double v, int hi) {
    return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(hi)));
  };
  int x0 = clamp(std::floor(box.x0 * scale), full.width);
  int y0 = clamp(std::floor(box.y0 * scale), full.height);
  int x1 = clamp(std::ceil(box.x1 * scale), full.width);
  int y1 = clamp(std::ceil(box.y1 * scale), full.height);
  if (x1 <= x0 || y1 <= y0) {
    return Status::InvalidArgument("pdf: empty region on page " +
                                   std::to_string(page));
  }
  return CopyRegion(full.pixels.data(), full.width, x0, y0, x1 - x0, y1 - y0);
}

}  // namespace budgetdoc
