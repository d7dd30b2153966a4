// Tested by tests/check/verdict_test.cc.
#include "check/verdict.h"

namespace budgetdoc {

void SizeFailure(const Judgment& j, std::string_view rule,
                 std::string_view unit, const Decimal& percent_base,
                 CheckResult* r) {
  // By size: off by at most one unit of the printed figure's last digit
  // beyond the tolerance (a truncation, a rounding slip; a share nudged by
  // one unit so that the shares add to 100) is minor. A rate (change,
  // completion) is minor only when it is the truncation or misses its
  // rounding interval by at most a fifth of a unit (rounded twice):
  // 「增长30%」 for 29.15 % is reached by no rounding.
  Decimal unit_last = HalfUnit(j.printed.scale()) + HalfUnit(j.printed.scale());
  Decimal off = j.difference.Abs();
  Decimal slack = unit_last;
  if (unit == "%" && rule.rfind("share.", 0) != 0) {
    slack = Decimal::Divide(unit_last, Decimal::FromInt(5),
                            j.printed.scale() + 1, RoundingMode::kHalfUp)
                .value_or(unit_last);
  }
  bool one_unit = j.hint == "truncation" || off <= slack + j.tolerance;
  r->verdict = one_unit ? Verdict::kMinor : Verdict::kMaterial;
  r->size_rel = Decimal();
  r->size_wan = Decimal();
  if (!j.expected.is_zero()) {
    r->size_rel = Decimal::Divide(off.ShiftPow10(2).value_or(off),
                                  j.expected.Abs(), 2, RoundingMode::kHalfUp)
                      .value_or(Decimal());
  }
  if (unit == "万元") {
    r->size_wan = off;
  } else if (unit == "%") {
    // A percentage's points applied to the amount it speaks of.
    r->size_wan = Decimal::Multiply(off, percent_base.Abs())
                      .value_or(Decimal())
                      .ShiftPow10(-2)
                      .value_or(Decimal())
                      .Round(2, RoundingMode::kHalfUp);
  }
}

Reliability ReliabilityOfEvidence(const CheckResult& r) {
  Reliability out;
  for (const Evidence& e : r.evidence) {
    out.misread |= e.low_confidence;
    out.recognized |= e.ocr_confidence >= 0;
  }
  return out;
}

void SettleVerdict(FailureClass failure, const Reliability& reliability,
                   bool english, CheckResult* r) {
  switch (r->outcome) {
    case Outcome::kPass:
      r->verdict = Verdict::kPass;
      break;
    case Outcome::kRounding:
      // Agreement at printed precision is a pass, not a warning.
      r->verdict = Verdict::kPass;
      r->within_rounding = true;
      break;
    case Outcome::kNotApplicable:
      r->verdict = Verdict::kNotApplicable;
      break;
    case Outcome::kNotChecked:
      r->verdict = Verdict::kNotChecked;
      break;
    case Outcome::kFail:
      // SizeFailure classified numeric failures by size; the rest by class.
      if (r->verdict != Verdict::kMaterial && r->verdict != Verdict::kMinor) {
        r->verdict = failure == FailureClass::kMinor ? Verdict::kMinor
                                                     : Verdict::kMaterial;
      }
      if (failure == FailureClass::kMinor) r->verdict = Verdict::kMinor;
      if (failure == FailureClass::kMaterial) r->verdict = Verdict::kMaterial;
      break;
  }
  // Nothing may be material or minor on a value recognized by OCR: one below
  // the confidence cut may be misread, and on a page read from an image
  // even sure figures may sit in a misread row or column; nor on text that
  // could not be read reliably. Such a check is not checked, with the
  // reason; its message keeps what it would have said.
  const bool raised =
      r->verdict == Verdict::kMaterial || r->verdict == Verdict::kMinor;
  if (raised && (reliability.misread || reliability.recognized)) {
    r->verdict = Verdict::kNotChecked;
    r->capped = true;
    if (reliability.misread) {
      r->reason = english
                      ? "a value was recognized (OCR) with low confidence "
                        "and may be misread"
                      : "有数值为图像识别所得且置信度低，可能误识，未作判断";
    } else {
      r->reason = english ? "the values were recognized (OCR) from a page "
                            "image, where a row or column may be misread"
                          : "数值为图像识别所得，行列可能误识，未作判断";
    }
    r->message += english ? " (" + r->reason + ")" : "（" + r->reason + "）";
  }
  if (reliability.unreadable &&
      (r->verdict == Verdict::kMaterial || r->verdict == Verdict::kMinor)) {
    r->verdict = Verdict::kNotChecked;
    r->capped = true;
    r->reason = english ? "a value comes from a page that could not be read "
                          "reliably"
                        : "涉及无法可靠识别的页面，未作判断";
    r->message += english ? " (" + r->reason + ")" : "（" + r->reason + "）";
  }
  r->severity = r->verdict == Verdict::kMaterial ? Severity::kError
                : r->verdict == Verdict::kMinor  ? Severity::kWarning
                                                 : Severity::kInfo;
}

namespace {

int Rank(const CheckResult& r) {
  switch (r.verdict) {
    case Verdict::kMaterial:
      return 0;
    case Verdict::kMinor:
      return 1;
    default:
      return 2;
  }
}

}  // namespace

bool RanksBefore(const CheckResult& a, const CheckResult& b) {
  int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb;
  if (ra != 0) return false;
  if (a.size_wan != b.size_wan) return a.size_wan > b.size_wan;
  return a.size_rel > b.size_rel;
}

}  // namespace budgetdoc
