// JsonWriter: one JSON value written piece by piece, so that a large output
// (thousands of blocks, facts, cells) never has to exist as one Json tree:
// callers build and hand over one element at a time. JsonStream prints to an
// std::ostream byte for byte as Json::Dump(indent) prints the same tree;
// JsonTreeBuilder builds the tree, so one emitting function serves both.
// Write errors are the stream's (check the stream after the last End and
// Flush). Not copyable; use from one thread; `out` must outlive the
// JsonStream.
// Tested by tests/base/json_stream_test.cc.
#ifndef BUDGETDOC_BASE_JSON_STREAM_H_
#define BUDGETDOC_BASE_JSON_STREAM_H_

#include "base/json.h"

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {

// Receives one JSON value as a sequence of calls. REQUIRES of callers: a
// value is opened only at the top (before anything else), after Key() in an
// object, or inside an array; keys in increasing byte order (the order
// Json::Object keeps), so that every writer gives the same text.
class JsonWriter {
 public:
  virtual ~JsonWriter() = default;
  virtual void BeginObject() = 0;
  virtual void BeginArray() = 0;
  // Closes the innermost object or array.
  virtual void End() = 0;
  // The next member's key. REQUIRES: inside an object.
  virtual void Key(std::string_view key) = 0;
  // A whole value (a scalar or a small tree) as the next value.
  virtual void Value(Json value) = 0;
};

// Writes the text to a stream as Json::Dump(indent) prints the same tree.
class JsonStream : public JsonWriter {
 public:
  // indent < 0: compact, as Dump(-1).
  JsonStream(std::ostream* out, int indent) : out_(out), indent_(indent) {}
  ~JsonStream() override { Flush(); }
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  void BeginObject() override { Begin('{'); }
  void BeginArray() override { Begin('['); }
  void End() override;
  void Key(std::string_view key) override;
  void Value(Json value) override;
  // Writes what is buffered to the stream (also done every 64 KiB and by
  // the destructor).
  void Flush();

 private:
  struct Open {
    bool object = false;
    size_t count = 0;  // members or elements written
  };
  void Begin(char open);
  void BeforeValue();  // comma and line break before an array element
  void Newline(size_t level);
  void MaybeFlush();

  std::ostream* out_;
  int indent_;
  std::string buf_;
  std::vector<Open> stack_;
  bool after_key_ = false;
};

// Builds the Json tree instead (for callers that want a value).
class JsonTreeBuilder : public JsonWriter {
 public:
  JsonTreeBuilder() = default;
  JsonTreeBuilder(const JsonTreeBuilder&) = delete;
  JsonTreeBuilder& operator=(const JsonTreeBuilder&) = delete;

  void BeginObject() override { Begin(Json::MakeObject()); }
  void BeginArray() override { Begin(Json::MakeArray()); }
  void End() override;
  void Key(std::string_view key) override { key_ = std::string(key); }
  void Value(Json value) override;
  // The value written. REQUIRES: every Begin has been Ended.
  Json Take() { return std::move(result_); }

 private:
  struct Open {
    Json value;
    std::string key;  // its key in the parent object
  };
  void Begin(Json container);

  std::vector<Open> stack_;
  std::string key_;
  Json result_;
};

// One member of an object whose value is written on demand, so that an
// object's members can come from several places and still be written in
// key order. `write` usually captures by reference: what it views must
// outlive the WriteJsonObject call that runs it.
struct JsonMember {
  std::string key;
  std::function<void(JsonWriter*)> write;
};

// Writes an object of these members, sorted by key.
void WriteJsonObject(std::vector<JsonMember> members, JsonWriter* w);

}  // namespace budgetdoc

#endif  // BUDGETDOC_BASE_JSON_STREAM_H_
