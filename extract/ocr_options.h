// OcrOptions: when and how pages without a usable text layer are
// recognized (extract/ocr.h does the recognizing). Plain value types.
// Tested by tests/extract/ocr_test.cc.
#ifndef BUDGETDOC_EXTRACT_OCR_OPTIONS_H_
#define BUDGETDOC_EXTRACT_OCR_OPTIONS_H_

#include <string>
#include <string_view>

namespace budgetdoc {

// When pages are recognized.
enum class OcrMode {
  kAuto,   // pages without a usable text layer (Page::unreadable)
  kOff,    // never: such pages stay unreadable
  kForce,  // every page, ignoring its text layer
};
std::string_view OcrModeName(OcrMode m);  // "auto", "off", "force"
// "auto" / "off" / "force"; false for anything else.
bool ParseOcrMode(std::string_view text, OcrMode* mode);

struct OcrOptions {
  OcrMode mode = OcrMode::kAuto;
  // Tesseract language(s), "+"-joined, e.g. "chi_sim" or "chi_sim+eng".
  std::string language = "chi_sim";
  // A second model that re-reads every word made of digits and number
  // punctuation ("" = none; skipped when its data is missing). The Chinese
  // model misreads Latin-font digits and percent signs ("3.72%" as
  // "3.729%6"); where the two readings differ, the word takes the surer one
  // with the lower of the two confidences, so it stays uncertain.
  std::string digits_language = "eng";
  // Folder holding <language>.traineddata; "" = Debian's
  // /usr/share/tesseract-ocr/5/tessdata.
  std::string tessdata_dir;
  // Resolution pages are rendered at for recognition. Tesseract reads best
  // when body text is 20-40 pixels high: 300 dpi puts the 10-12 pt type of
  // these reports there; fewer dots lose the decimals of small table type.
  int dpi = 300;
  // A word recognized with a confidence (0-100) below this is uncertain:
  // facts resting on it are flagged (Fact::low_confidence) and never
  // produce a failed check.
  int min_confidence = 80;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_EXTRACT_OCR_OPTIONS_H_
