#include "base/json.h"

#include "base/utf8.h"

#include <cctype>
#include <cstdio>

namespace budgetdoc {

Json Json::Bool(bool b) {
  Json j = WithType(Type::kBool);
  j.bool_ = b;
  return j;
}

Json Json::Int(int64_t v) {
  Json j = WithType(Type::kNumber);
  j.text_ = std::to_string(v);
  return j;
}

Json Json::Number(std::string_view literal) {
  Json j = WithType(Type::kNumber);
  j.text_ = std::string(literal);
  return j;
}

Json Json::Str(std::string_view s) {
  Json j = WithType(Type::kString);
  j.text_ = std::string(s);
  return j;
}

Json& Json::Set(std::string_view key, Json value) {
  return object_[std::string(key)] = std::move(value);
}

const Json* Json::Find(std::string_view key) const {
  auto it = object_.find(std::string(key));
  return it == object_.end() ? nullptr : &it->second;
}

Json& Json::Push(Json value) {
  array_.push_back(std::move(value));
  return array_.back();
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(s, &pos);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(c));
          *out += buf;
        } else if (c == kReplacementChar && pos == start + 1) {
          *out += "\xEF\xBF\xBD";  // invalid byte: emit U+FFFD
        } else {
          out->append(s.substr(start, pos - start));
        }
    }
  }
  out->push_back('"');
}

void Json::DumpTo(std::string* out, int indent, int level) const {
  auto newline = [&](int lvl) {
    if (indent < 0) return;
    out->push_back('\n');
    out->append(static_cast<size_t>(indent * lvl), ' ');
  };
  switch (type_) {
    case Type::kNull:
      *out += "null";
      break;
    case Type::kBool:
      *out += bool_ ? "true" : "false";
      break;
    case Type::kNumber:
      *out += text_;
      break;
    case Type::kString:
      AppendJsonString(text_, out);
      break;
    case Type::kArray: {
      if (array_.empty()) {
        *out += "[]";
        break;
      }
      out->push_back('[');
      bool first = true;
      for (const Json& v : array_) {
        if (!first) out->push_back(',');
        first = false;
        newline(level + 1);
        v.DumpTo(out, indent, level + 1);
      }
      newline(level);
      out->push_back(']');
      break;
    }
    case Type::kObject: {
      if (object_.empty()) {
        *out += "{}";
        break;
      }
      out->push_back('{');
      bool first = true;
      for (const auto& [k, v] : object_) {
        if (!first) out->push_back(',');
        first = false;
        newline(level + 1);
        AppendJsonString(k, out);
        out->push_back(':');
        if (indent >= 0) out->push_back(' ');
        v.DumpTo(out, indent, level + 1);
      }
      newline(level);
      out->push_back('}');
      break;
    }
  }
}

std::string Json::Dump(int indent) const {
  std::string out;
  DumpTo(&out, indent, 0);
  return out;
}

namespace {

constexpr int kMaxDepth = 200;

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Result<Json> ParseAll() {
    Json v;
    BUDGETDOC_RETURN_IF_ERROR(ParseValue(&v, 0));
    SkipWs();
    if (pos_ != s_.size()) return Error("trailing characters");
    return v;
  }

 private:
  Status Error(std::string_view what) {
    return Status::Corrupt("json: " + std::string(what) + " at byte " +
                           std::to_string(pos_));
  }
  void SkipWs() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' ||
                                s_[pos_] == '\r' || s_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool Consume(std::string_view lit) {
    if (s_.substr(pos_, lit.size()) == lit) {
      pos_ += lit.size();
      return true;
    }
    return false;
  }
  Status ParseValue(Json* out, int depth) {
    if (depth > kMaxDepth) return Error("nesting too deep");
    SkipWs();
    if (pos_ >= s_.size()) return Error("unexpected end");
    char c = s_[pos_];
    if (c == '{') return ParseObject(out, depth);
    if (c == '[') return ParseArray(out, depth);
    if (c == '"') {
      std::string str;
      BUDGETDOC_RETURN_IF_ERROR(ParseString(&str));
      *out = Json::Str(str);
      return Status::Ok();
    }
    if (Consume("true")) {
      *out = Json::Bool(true);
      return Status::Ok();
    }
    if (Consume("false")) {
      *out = Json::Bool(false);
      return Status::Ok();
    }
    if (Consume("null")) {
      *out = Json::Null();
      return Status::Ok();
    }
    size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    bool digits = false;
    while (pos_ < s_.size() &&
           (std::isdigit(static_cast<unsigned char>(s_[pos_])) ||
            s_[pos_] == '.' || s_[pos_] == 'e' || s_[pos_] == 'E' ||
            s_[pos_] == '+' || s_[pos_] == '-')) {
      digits = true;
      ++pos_;
    }
    if (!digits) return Error("unexpected character");
    *out = Json::Number(s_.substr(start, pos_ - start));
    return Status::Ok();
  }
  Status ParseString(std::string* out) {
    ++pos_;  // opening quote
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '"') return Status::Ok();
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (pos_ >= s_.size()) break;
      char e = s_[pos_++];
      switch (e) {
        case 'n':
          out->push_back('\n');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'u': {
          char32_t cp = 0;
          BUDGETDOC_RETURN_IF_ERROR(Hex4(&cp));
          if (cp >= 0xD800 && cp <= 0xDBFF && Consume("\\u")) {
            char32_t lo = 0;
            BUDGETDOC_RETURN_IF_ERROR(Hex4(&lo));
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              cp = kReplacementChar;
            }
          } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = kReplacementChar;
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          out->push_back(e);
      }
    }
    return Error("unterminated string");
  }
  Status Hex4(char32_t* cp) {
    if (pos_ + 4 > s_.size()) return Error("bad \\u escape");
    for (int i = 0; i < 4; ++i) {
      char h = s_[pos_++];
      int v = (h >= '0' && h <= '9')   ? h - '0'
              : (h >= 'a' && h <= 'f') ? h - 'a' + 10
              : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                       : -1;
      if (v < 0) return Error("bad \\u escape");
      *cp = (*cp << 4) | static_cast<char32_t>(v);
    }
    return Status::Ok();
  }
  Status ParseArray(Json* out, int depth) {
    ++pos_;
    *out = Json::MakeArray();
    SkipWs();
    if (Consume("]")) return Status::Ok();
    while (true) {
      Json v;
      BUDGETDOC_RETURN_IF_ERROR(ParseValue(&v, depth + 1));
      out->Push(std::move(v));
      SkipWs();
      if (Consume(",")) continue;
      if (Consume("]")) return Status::Ok();
      return Error("expected , or ]");
    }
  }
  Status ParseObject(Json* out, int depth) {
    ++pos_;
    *out = Json::MakeObject();
    SkipWs();
    if (Consume("}")) return Status::Ok();
    while (true) {
      SkipWs();
      if (pos_ >= s_.size() || s_[pos_] != '"') return Error("expected key");
      std::string key;
      BUDGETDOC_RETURN_IF_ERROR(ParseString(&key));
      SkipWs();
      if (!Consume(":")) return Error("expected :");
      Json v;
      BUDGETDOC_RETURN_IF_ERROR(ParseValue(&v, depth + 1));
      out->Set(key, std::move(v));
      SkipWs();
      if (Consume(",")) continue;
      if (Consume("}")) return Status::Ok();
      return Error("expected , or }");
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

Result<Json> Json::Parse(std::string_view text) {
  return Parser(text).ParseAll();
}

}  // namespace budgetdoc
