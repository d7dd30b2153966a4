// SharedText: an immutable string that copies share instead of duplicating.
// Used where one text is carried by many values: the sentence quoted by every
// value and fact read from it, the file name in every provenance. Copying a
// SharedText copies a pointer; assigning a std::string makes a new text.
// Reads as a const std::string (str(), or the implicit conversion), so it
// prints and compares like the string it holds. Plain value type;
// thread-safe to copy (the count is atomic, the text never changes).
// Tested by tests/base/shared_text_test.cc.
#ifndef BUDGETDOC_BASE_SHARED_TEXT_H_
#define BUDGETDOC_BASE_SHARED_TEXT_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace budgetdoc {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string s)  // NOLINT: implicit, reads as a string
      : p_(s.empty() ? nullptr
                     : std::make_shared<const std::string>(std::move(s))) {}

  SharedText(const char* s)  // NOLINT: implicit, reads as a string
      : SharedText(std::string(s)) {}

  const std::string& str() const { return p_ ? *p_ : Empty(); }
  operator const std::string&() const { return str(); }  // NOLINT
  std::string_view view() const { return str(); }
  bool empty() const { return p_ == nullptr; }
  size_t size() const { return p_ ? p_->size() : 0; }

  friend bool operator==(const SharedText& a, const SharedText& b) {
    return a.p_ == b.p_ || a.str() == b.str();
  }
  friend bool operator==(const SharedText& a, const std::string& b) {
    return a.str() == b;
  }
  friend bool operator==(const SharedText& a, std::string_view b) {
    return a.str() == b;
  }
  friend bool operator==(const SharedText& a, const char* b) {
    return a.str() == b;
  }
  friend std::string operator+(const SharedText& a, std::string_view b) {
    return a.str() + std::string(b);
  }
  friend std::string operator+(std::string_view a, const SharedText& b) {
    return std::string(a) + b.str();
  }

  template <typename Stream>  // std::ostream, found only for SharedText
  friend Stream& operator<<(Stream& os, const SharedText& t) {
    os << t.str();
    return os;
  }

 private:
  static const std::string& Empty() {
    static const std::string* const kEmpty = new std::string();
    return *kEmpty;
  }
  std::shared_ptr<const std::string> p_;
};

}  // namespace budgetdoc

#endif  // BUDGETDOC_BASE_SHARED_TEXT_H_
