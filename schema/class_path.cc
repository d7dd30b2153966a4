#include "schema/class_path.h"

namespace budgetdoc {

std::string StripListNumber(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || s.substr(i, 3) == "、")) {
    return std::string(s.substr(s[i] == '.' ? i + 1 : i + 3));
  }
  for (std::string_view open : {"（", "("}) {
    if (s.substr(0, open.size()) == open) {
      size_t close = s.find(open == "（" ? "）" : ")");
      if (close != std::string_view::npos && close <= 15) {
        return std::string(s.substr(close + (open == "（" ? 3 : 1)));
      }
    }
  }
  static constexpr std::string_view kCn = "一二三四五六七八九十";
  size_t p = 0;
  while (p + 3 <= s.size() &&
         kCn.find(s.substr(p, 3)) != std::string_view::npos)
    p += 3;
  if (p > 0 && s.substr(p, 3) == "、") return std::string(s.substr(p + 3));
  return std::string(s);
}

bool ParseClassPath(std::string_view raw, ClassPath* out) {
  // ASCII brackets ("住房改革支出(款)") read like full-width ones.
  std::string folded(raw);
  for (std::string_view level : {"类", "款", "项"}) {
    std::string ascii = "(" + std::string(level) + ")";
    std::string wide = "（" + std::string(level) + "）";
    for (size_t at = folded.find(ascii); at != std::string::npos;
         at = folded.find(ascii, at + wide.size())) {
      folded.replace(at, ascii.size(), wide);
    }
  }
  std::string_view text = folded;
  // Take the last 类 … 项 run: find the last "（项）" or "（款）" or "（类）".
  size_t xiang = text.rfind("（项）");
  size_t kuan = text.rfind("（款）");
  size_t lei = text.rfind("（类）");
  if (lei == std::string_view::npos && kuan == std::string_view::npos &&
      xiang == std::string_view::npos) {
    return false;
  }
  ClassPath p;
  constexpr size_t kMarker = sizeof("（类）") - 1;
  // The first name of the run reaches back to a delimiter or to the marker
  // of an earlier path; "、" separates two paths only after a marker (item
  // names themselves hold 、: "公诉、审判…支出（项）").
  auto name_before = [&](size_t end) {
    size_t start = 0;
    for (std::string_view d : {"：", ":", "，", "。", "；", " ", "“", "\"",
                               "（类）", "（款）", "（项）"}) {
      size_t q = text.substr(0, end).rfind(d);
      if (q != std::string_view::npos && q + d.size() > start &&
          q + d.size() <= end) {
        start = q + d.size();
      }
    }
    if (start > 0 && text.substr(start, 3) == "、") start += 3;
    return StripListNumber(text.substr(start, end - start));
  };
  if (lei != std::string_view::npos) p.lei = name_before(lei);
  // 「A（类）B（类）C（项）」 with no 款 marker: B, printed right after A's
  // marker and right before the 项, is the 款 labelled （类）.
  if (lei != std::string_view::npos && kuan == std::string_view::npos &&
      xiang != std::string_view::npos && xiang >= lei + kMarker &&
      !p.lei.empty() && lei >= kMarker + p.lei.size()) {
    size_t prev = lei - p.lei.size() - kMarker;
    if (text.substr(prev, kMarker) == "（类）" && prev > 0) {
      std::string outer = name_before(prev);
      if (!outer.empty()) {
        p.kuan = p.lei;
        p.lei = outer;
        p.kuan_marked_lei = true;
        kuan = lei;  // the 项 follows this marker
        lei = prev;
      }
    }
  }
  size_t after_lei = lei == std::string_view::npos ? 0 : lei + kMarker;
  if (kuan != std::string_view::npos && kuan >= after_lei) {
    p.kuan = lei == std::string_view::npos
                 ? name_before(kuan)
                 : std::string(text.substr(after_lei, kuan - after_lei));
  }
  size_t after_kuan =
      kuan == std::string_view::npos ? after_lei : kuan + kMarker;
  if (xiang != std::string_view::npos && xiang >= after_kuan) {
    p.xiang = after_kuan == 0
                  ? name_before(xiang)
                  : std::string(text.substr(after_kuan, xiang - after_kuan));
  }
  if (p.empty()) return false;
  *out = p;
  return true;
}

}  // namespace budgetdoc
