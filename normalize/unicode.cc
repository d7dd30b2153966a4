#include "normalize/unicode.h"

#include "base/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace budgetdoc {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Result<Converter> OpenConverter(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  Converter conv(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err) || !conv) {
    return Status::Unsupported("unknown charset '" + name + "'");
  }
  return conv;
}

}  // namespace

bool IsKnownCharset(std::string_view charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string name(charset);
  std::unique_ptr<UConverter, ConverterCloser> conv(
      ucnv_open(name.c_str(), &err));
  return U_SUCCESS(err) && conv != nullptr;
}

Result<std::string> ConvertToUtf8(std::string_view bytes,
                                  std::string_view charset) {
  std::string name(charset);
  BUDGETDOC_ASSIGN_OR_RETURN(Converter conv, OpenConverter(name));
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                      nullptr, &err);
  if (U_FAILURE(err)) return Status::Internal("icu: cannot set callback");

  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  std::vector<UChar> buf(65536);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  UChar32 pending_high = 0;
  while (true) {
    UChar* target = buf.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, src_end,
                   nullptr, /*flush=*/true, &err);
    for (UChar* p = buf.data(); p < target; ++p) {
      char32_t c = *p;
      if (pending_high) {
        if (c >= 0xDC00 && c <= 0xDFFF) {
          AppendUtf8(0x10000 + ((pending_high - 0xD800) << 10) + (c - 0xDC00),
                     &out);
          pending_high = 0;
          continue;
        }
        AppendUtf8(kReplacementChar, &out);
        pending_high = 0;
      }
      if (c >= 0xD800 && c <= 0xDBFF) {
        pending_high = static_cast<UChar32>(c);
        continue;
      }
      AppendUtf8(c, &out);
    }
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      return Status::Corrupt("bytes are not valid " + name + " near byte " +
                             std::to_string(src - bytes.data()));
    }
    break;
  }
  if (pending_high) AppendUtf8(kReplacementChar, &out);
  return out;
}

Result<LenientText> ConvertToUtf8Lenient(std::string_view bytes,
                                         std::string_view charset) {
  std::string name(charset);
  BUDGETDOC_ASSIGN_OR_RETURN(Converter conv, OpenConverter(name));
  UErrorCode err = U_ZERO_ERROR;
  // Invalid input becomes U+FFFD; `offsets` says where each output unit
  // came from, so the first replacement has its byte offset.
  const UChar kSub = 0xFFFD;
  ucnv_setSubstString(conv.get(), &kSub, 1, &err);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr,
                      nullptr, nullptr, &err);
  if (U_FAILURE(err)) return Status::Internal("icu: cannot set callback");
  LenientText out;
  out.text.reserve(bytes.size() * 3 / 2);
  std::vector<UChar> buf(65536);
  std::vector<int32_t> offsets(buf.size());
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  UChar32 pending_high = 0;
  while (true) {
    UChar* target = buf.data();
    const char* chunk_start = src;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, src_end,
                   offsets.data(), /*flush=*/true, &err);
    for (UChar* p = buf.data(); p < target; ++p) {
      char32_t c = *p;
      if (c == kReplacementChar) {
        // An input U+FFFD (UTF-8 EF BF BD, GB18030 84 31 A4 37) is text.
        size_t at =
            static_cast<size_t>(chunk_start - bytes.data()) +
            static_cast<size_t>(offsets[static_cast<size_t>(p - buf.data())]);
        bool literal = false;
        for (std::string_view enc : {std::string_view("\xEF\xBF\xBD"),
                                     std::string_view("\x84\x31\xA4\x37")}) {
          literal |= bytes.substr(at, enc.size()) == enc;
        }
        if (!literal) {
          if (out.invalid++ == 0) out.first_invalid = at;
        }
      }
      if (pending_high) {
        if (c >= 0xDC00 && c <= 0xDFFF) {
          AppendUtf8(0x10000 + ((pending_high - 0xD800) << 10) + (c - 0xDC00),
                     &out.text);
          pending_high = 0;
          continue;
        }
        AppendUtf8(kReplacementChar, &out.text);
        pending_high = 0;
      }
      if (c >= 0xD800 && c <= 0xDBFF) {
        pending_high = static_cast<UChar32>(c);
        continue;
      }
      AppendUtf8(c, &out.text);
    }
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      return Status::Corrupt("bytes are not valid " + name + " near byte " +
                             std::to_string(src - bytes.data()));
    }
    break;
  }
  if (pending_high) AppendUtf8(kReplacementChar, &out.text);
  return out;
}

void AppendNfkc(char32_t c, std::string* out) {
  // Fast path: ASCII and unified ideographs are NFKC-stable.
  if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF)) {
    AppendUtf8(c, out);
    return;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err) || nfkc == nullptr) {
    AppendUtf8(c, out);
    return;
  }
  icu::UnicodeString s(static_cast<UChar32>(c));
  icu::UnicodeString n = nfkc->normalize(s, err);
  if (U_FAILURE(err)) {
    AppendUtf8(c, out);
    return;
  }
  n.toUTF8String(*out);
}

}  // namespace budgetdoc
