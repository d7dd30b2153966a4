#include "tests/testing/json_schema.h"

#include <regex>

namespace budgetdoc::testing {
namespace {

bool IsInteger(const Json& v) {
  return v.type() == Json::Type::kNumber &&
         v.text().find_first_of(".eE") == std::string::npos;
}

bool TypeMatches(const Json& v, const std::string& t) {
  switch (v.type()) {
    case Json::Type::kNull:
      return t == "null";
    case Json::Type::kBool:
      return t == "boolean";
    case Json::Type::kNumber:
      return t == "number" || (t == "integer" && IsInteger(v));
    case Json::Type::kString:
      return t == "string";
    case Json::Type::kArray:
      return t == "array";
    case Json::Type::kObject:
      return t == "object";
  }
  return false;
}

class Validator {
 public:
  explicit Validator(const Json& root) : root_(root) {}

  void Validate(const Json& v, const Json& s, const std::string& path) {
    if (errors.size() > 20) return;
    if (s.type() != Json::Type::kObject) return;
    if (const Json* ref = s.Find("$ref")) {
      std::string r = ref->text();
      const std::string prefix = "#/$defs/";
      const Json* defs = root_.Find("$defs");
      const Json* target = defs != nullptr && r.rfind(prefix, 0) == 0
                               ? defs->Find(r.substr(prefix.size()))
                               : nullptr;
      if (target == nullptr) {
        errors.push_back(path + ": unresolved $ref " + r);
        return;
      }
      Validate(v, *target, path);
      return;
    }
    if (const Json* type = s.Find("type")) {
      bool ok = false;
      if (type->type() == Json::Type::kArray) {
        for (const Json& t : type->array()) ok = ok || TypeMatches(v, t.text());
      } else {
        ok = TypeMatches(v, type->text());
      }
      if (!ok) {
        errors.push_back(path + ": wrong type");
        return;
      }
    }
    if (const Json* e = s.Find("enum")) {
      bool ok = false;
      for (const Json& x : e->array()) ok = ok || x.Dump() == v.Dump();
      if (!ok) errors.push_back(path + ": " + v.Dump() + " not in enum");
    }
    if (const Json* p = s.Find("pattern");
        p != nullptr && v.type() == Json::Type::kString) {
      if (!std::regex_match(v.text(),
                            std::regex(p->text(), std::regex::ECMAScript))) {
        errors.push_back(path + ": '" + v.text() + "' does not match " +
                         p->text());
      }
    }
    if (const Json* m = s.Find("minimum");
        m != nullptr && v.type() == Json::Type::kNumber) {
      if (std::stod(v.text()) < std::stod(m->text()))
        errors.push_back(path + ": below minimum");
    }
    if (v.type() == Json::Type::kObject) {
      if (const Json* req = s.Find("required")) {
        for (const Json& k : req->array()) {
          if (v.Find(k.text()) == nullptr)
            errors.push_back(path + ": missing " + k.text());
        }
      }
      const Json* props = s.Find("properties");
      const Json* extra = s.Find("additionalProperties");
      for (const auto& [k, child] : v.object()) {
        const Json* ps = props != nullptr ? props->Find(k) : nullptr;
        if (ps != nullptr) {
          Validate(child, *ps, path + "." + k);
        } else if (extra != nullptr) {
          if (extra->type() == Json::Type::kBool && !extra->as_bool()) {
            errors.push_back(path + ": unexpected property " + k);
          } else {
            Validate(child, *extra, path + "." + k);
          }
        }
      }
    }
    if (v.type() == Json::Type::kArray) {
      if (const Json* items = s.Find("items")) {
        for (size_t i = 0; i < v.array().size(); ++i) {
          Validate(v.array()[i], *items, path + "[" + std::to_string(i) + "]");
        }
      }
    }
  }

  std::vector<std::string> errors;

 private:
  const Json& root_;
};

}  // namespace

std::vector<std::string> ValidateJson(const Json& value, const Json& schema) {
  Validator v(schema);
  v.Validate(value, schema, "$");
  return v.errors;
}

}  // namespace budgetdoc::testing
