// OcrEngine over Tesseract's C++ API and Leptonica: the only file that
// includes either. See extract/ocr.h for the contract.
// Tested by tests/extract/ocr_test.cc.
#include "extract/ocr.h"

#include <algorithm>
#include <allheaders.h>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <sys/stat.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#include <utility>

namespace budgetdoc {

std::string_view OcrModeName(OcrMode m) {
  switch (m) {
    case OcrMode::kAuto:
      return "auto";
    case OcrMode::kOff:
      return "off";
    case OcrMode::kForce:
      return "force";
  }
  return "auto";
}

bool ParseOcrMode(std::string_view text, OcrMode* mode) {
  for (OcrMode m : {OcrMode::kAuto, OcrMode::kOff, OcrMode::kForce}) {
    if (text == OcrModeName(m)) {
      *mode = m;
      return true;
    }
  }
  return false;
}

namespace {

constexpr const char* kDebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";

// Debian names the package of language xxx_yyy "tesseract-ocr-xxx-yyy".
std::string PackageFor(std::string lang) {
  std::replace(lang.begin(), lang.end(), '_', '-');
  return "tesseract-ocr-" + lang;
}

bool IsFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Table borders of an 8-bit image.
std::vector<PdfRuling> RulingsOf(Pix* pix, double pixels_per_point) {
  const int w = static_cast<int>(pixGetWidth(pix));
  const int h = static_cast<int>(pixGetHeight(pix));
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * h);
  const l_uint32* data = pixGetData(pix);
  const int wpl = pixGetWpl(pix);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<ptrdiff_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      pixels[static_cast<size_t>(y) * w + x] =
          static_cast<unsigned char>(GET_DATA_BYTE(line, x));
    }
  }
  GrayImage gray{pixels.data(), w, h, w, pixels_per_point};
  return FindRulings(gray, RulingOptions());
}

// The word without the table borders read into it: "|03" -> "03"; "|"
// alone -> "".
std::string WithoutBorders(std::string_view text) {
  if (text == "l" || text == "I") return "";
  auto border = [](std::string_view s) {
    return s.empty()                ? 0
           : s.front() == '|'       ? 1
           : s.substr(0, 3) == "丨" ? 3
                                    : 0;
  };
  while (size_t n = border(text)) text.remove_prefix(n);
  while (!text.empty() && text.back() == '|') text.remove_suffix(1);
  while (text.size() >= 3 && text.substr(text.size() - 3) == "丨")
    text.remove_suffix(3);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

PixPtr ToPix(const GrayImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (pix == nullptr) return pix;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* src =
        image.pixels + static_cast<ptrdiff_t>(y) * image.stride;
    l_uint32* line = data + static_cast<ptrdiff_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  return pix;
}

// A word made of digits and number punctuation: its number part (from the
// first digit or minus to the last digit or percent sign) with what stands
// before and after; `number` is empty for any other word.
struct NumberWord {
  std::string before, number, after;
};

NumberWord SplitNumberWord(std::string_view text) {
  static constexpr std::string_view kPunct[] = {"。", "，", "；", "：",
                                                "（", "）", "、"};
  NumberWord w;
  size_t first = std::string_view::npos, last = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= '0' && c <= '9') || c == '%' || c == '-') {
      if (first == std::string_view::npos) first = i;
      last = i + 1;
      ++i;
    } else if (c == '.' || c == ',' || c == '(' || c == ')' || c == ';' ||
               c == ':') {
      ++i;
    } else {
      bool punct = false;
      for (std::string_view p : kPunct) {
        if (text.substr(i, p.size()) == p) {
          i += p.size();
          punct = true;
          break;
        }
      }
      if (!punct) return w;  // a letter or an ideograph: not a number word
    }
  }
  if (first == std::string_view::npos) return w;
  bool digit = false;
  for (size_t i = first; i < last; ++i) {
    digit |= text[i] >= '0' && text[i] <= '9';
  }
  if (!digit) return w;
  w.before = std::string(text.substr(0, first));
  w.number = std::string(text.substr(first, last - first));
  w.after = std::string(text.substr(last));
  return w;
}

}  // namespace

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
  std::unique_ptr<tesseract::TessBaseAPI> digits;  // may be null
  OcrOptions options;

  // Re-reads the number words with the digits model (see OcrOptions).
  void RereadNumbers(Pix* pix, std::vector<OcrWord>* words, double scale);
};

void OcrEngine::Impl::RereadNumbers(Pix* pix, std::vector<OcrWord>* words,
                                    double scale) {
  if (digits == nullptr) return;
  digits->SetImage(pix);
  // Tesseract reads a word best with some margin around it.
  const int pad = 12;
  for (OcrWord& w : *words) {
    NumberWord mine = SplitNumberWord(w.text);
    if (mine.number.empty()) continue;
    int l = static_cast<int>(std::floor(w.x0 / scale)) - pad;
    int t = static_cast<int>(std::floor(w.y0 / scale)) - pad;
    int r = static_cast<int>(std::ceil(w.x1 / scale)) + pad;
    int b = static_cast<int>(std::ceil(w.y1 / scale)) + pad;
    l = std::max(l, 0);
    t = std::max(t, 0);
    r = std::min(r, static_cast<int>(pixGetWidth(pix)));
    b = std::min(b, static_cast<int>(pixGetHeight(pix)));
    if (r <= l || b <= t) continue;
    digits->SetRectangle(l, t, r - l, b - t);
    std::unique_ptr<char[]> text(digits->GetUTF8Text());
    if (text == nullptr) continue;
    std::string other(text.get());
    while (!other.empty() &&
           std::isspace(static_cast<unsigned char>(other.back()))) {
      other.pop_back();
    }
    NumberWord theirs = SplitNumberWord(other);
    if (theirs.number.empty() || theirs.number.find(' ') != std::string::npos)
      continue;
    int conf = std::clamp(digits->MeanTextConf(), 0, 100);
    if (theirs.number == mine.number) {
      w.confidence = std::max(w.confidence, conf);
    } else {
      if (conf > w.confidence)
        w.text = mine.before + theirs.number + mine.after;
      w.confidence = std::min(w.confidence, conf);
    }
  }
}

OcrEngine::OcrEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OcrEngine::OcrEngine(OcrEngine&&) noexcept = default;
OcrEngine& OcrEngine::operator=(OcrEngine&&) noexcept = default;
OcrEngine::~OcrEngine() {
  if (impl_ == nullptr) return;
  impl_->api.End();
  if (impl_->digits != nullptr) impl_->digits->End();
}

Result<OcrEngine> OcrEngine::Create(const OcrOptions& options) {
  std::string dir =
      options.tessdata_dir.empty() ? kDebianTessdata : options.tessdata_dir;
  // Check every language first: Tesseract itself only prints to stderr.
  std::string langs = options.language;
  for (size_t begin = 0; begin <= langs.size();) {
    size_t end = langs.find('+', begin);
    if (end == std::string::npos) end = langs.size();
    std::string lang = langs.substr(begin, end - begin);
    std::string file = dir + "/" + lang + ".traineddata";
    if (lang.empty() || !IsFile(file)) {
      return Status::Unsupported(
          "ocr: Tesseract language data '" + lang + "' not found (" + file +
          "); install the Debian package " + PackageFor(lang) +
          " (scripts/setup does), or run with --ocr off");
    }
    begin = end + 1;
  }
  setMsgSeverity(L_SEVERITY_NONE);  // Leptonica: no stderr chatter
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->api.Init(dir.c_str(), langs.c_str(), tesseract::OEM_LSTM_ONLY) !=
      0) {
    return Status::Unsupported("ocr: Tesseract could not load '" + langs +
                               "' from " + dir);
  }
  impl->api.SetVariable("debug_file", "/dev/null");
  impl->api.SetPageSegMode(tesseract::PSM_AUTO);
  const std::string& dl = options.digits_language;
  if (!dl.empty() && IsFile(dir + "/" + dl + ".traineddata")) {
    impl->digits = std::make_unique<tesseract::TessBaseAPI>();
    if (impl->digits->Init(dir.c_str(), dl.c_str(), tesseract::OEM_LSTM_ONLY) ==
        0) {
      impl->digits->SetVariable("debug_file", "/dev/null");
      impl->digits->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    } else {
      impl->digits.reset();
    }
  }
  return OcrEngine(std::move(impl));
}

Result<OcrPage> OcrEngine::Recognize(const GrayImage& image) {
  OcrPage page;
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 ||
      image.stride < image.width || !(image.pixels_per_point > 0)) {
    return Status::InvalidArgument("ocr: empty or malformed page image");
  }
  PixPtr pix = ToPix(image);
  if (pix == nullptr) return Status::ResourceExhausted("ocr: out of memory");
  // Deskew: Leptonica finds the angle of the text lines (within ±7°) and
  // rotates the page about its centre when it is sure.
  l_float32 angle = 0, conf = 0;
  PixPtr straight(pixFindSkewAndDeskew(pix.get(), 2, &angle, &conf));
  if (straight != nullptr) {
    page.skew_degrees = angle;
    pix = std::move(straight);
  }
  if (pixGetDepth(pix.get()) == 8) {
    page.rulings = RulingsOf(pix.get(), image.pixels_per_point);
  }
  tesseract::TessBaseAPI& api = impl_->api;
  api.SetImage(pix.get());
  api.SetSourceResolution(
      static_cast<int>(std::lround(72 * image.pixels_per_point)));
  if (api.Recognize(nullptr) != 0) {
    api.Clear();
    return Status::Internal("ocr: recognition failed");
  }
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  const double scale = 1.0 / image.pixels_per_point;
  if (it != nullptr && !it->Empty(tesseract::RIL_WORD)) {
    double line_y0 = 0, line_y1 = 0;
    do {
      int l = 0, t = 0, r = 0, b = 0;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) &&
          it->BoundingBox(tesseract::RIL_TEXTLINE, &l, &t, &r, &b)) {
        line_y0 = t * scale;
        line_y1 = b * scale;
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (text == nullptr) continue;
      std::string clean = WithoutBorders(text.get());
      if (clean.empty()) continue;
      if (!it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) continue;
      OcrWord w;
      w.text = std::move(clean);
      w.x0 = l * scale;
      w.y0 = t * scale;
      w.x1 = r * scale;
      w.y1 = b * scale;
      w.line_y0 = std::min(line_y0, w.y0);
      w.line_y1 = std::max(line_y1, w.y1);
      w.confidence = std::clamp(
          static_cast<int>(std::lround(it->Confidence(tesseract::RIL_WORD))), 0,
          100);
      page.words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  impl_->RereadNumbers(pix.get(), &page.words, scale);
  if (impl_->digits != nullptr) impl_->digits->Clear();
  return page;
}

std::vector<PdfWord> OcrWordsToPdfWords(const std::vector<OcrWord>& words) {
  std::vector<PdfWord> out;
  out.reserve(words.size());
  // A line of digits only ("1" of a code wrapped as "20/1", "0" of an
  // amount wrapped in a narrow cell) is shorter than a line with ideographs
  // of the same type size; the layout would take it for smaller type and
  // cut a table there. So no line counts as smaller than the page's median
  // line height (taller lines, headings, keep theirs).
  std::vector<double> heights;
  heights.reserve(words.size());
  for (const OcrWord& o : words) heights.push_back(o.line_y1 - o.line_y0);
  double median = 0;
  if (!heights.empty()) {
    auto mid =
        heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2);
    std::nth_element(heights.begin(), mid, heights.end());
    median = *mid;
  }
  for (const OcrWord& o : words) {
    PdfWord w;
    w.text = o.text;
    w.x0 = o.x0;
    w.x1 = o.x1;
    w.y0 = o.line_y0;
    w.y1 = o.line_y1;
    w.font_size = std::max(o.line_y1 - o.line_y0, median);
    w.confidence = o.confidence;
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace budgetdoc
