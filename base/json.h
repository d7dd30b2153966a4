// Json: a small JSON value (null, bool, number kept as its literal text,
// string, array, object with sorted keys) with a deterministic writer and a
// bounded parser. Numbers are stored as text so decimals round-trip exactly
// and never pass through double. Value type; copyable.
// Tested by tests/base/json_test.cc.
#ifndef BUDGETDOC_BASE_JSON_H_
#define BUDGETDOC_BASE_JSON_H_

#include "base/result.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

class Json {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  using Array = std::vector<Json>;
  using Object = std::map<std::string, Json>;

  Json() = default;  // null
  static Json Null() { return Json(); }
  static Json Bool(bool b);
  static Json Int(int64_t v);
  // REQUIRES: literal is a valid JSON number.
  static Json Number(std::string_view literal);
  static Json Str(std::string_view s);
  static Json MakeArray() { return WithType(Type::kArray); }
  static Json MakeObject() { return WithType(Type::kObject); }

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool as_bool() const { return bool_; }
  const std::string& text() const { return text_; }  // string or number text
  const Array& array() const { return array_; }
  Array& array() { return array_; }
  const Object& object() const { return object_; }

  // Object access; Set replaces. REQUIRES: type() == kObject.
  Json& Set(std::string_view key, Json value);
  const Json* Find(std::string_view key) const;
  // Array append. REQUIRES: type() == kArray.
  Json& Push(Json value);

  // Compact (indent < 0) or pretty output; keys sorted, UTF-8 kept as is,
  // control characters escaped. Deterministic.
  std::string Dump(int indent = -1) const;

  // Parses one JSON text; depth and size bounded.
  static Result<Json> Parse(std::string_view text);

  // Appends the value as Dump(indent) prints it when it stands at nesting
  // `level` of a larger text (base/json_stream.h writes such texts).
  void DumpTo(std::string* out, int indent, int level) const;

 private:
  static Json WithType(Type t) {
    Json j;
    j.type_ = t;
    return j;
  }

  Type type_ = Type::kNull;
  bool bool_ = false;
  std::string text_;
  Array array_;
  Object object_;
};

// Appends s as a JSON string literal (with quotes) to out.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace budgetdoc

#endif  // BUDGETDOC_BASE_JSON_H_
