#include "base/json_stream.h"

#include <algorithm>

namespace budgetdoc {
namespace {

constexpr size_t kFlushBytes = size_t{1} << 16;

}  // namespace

void JsonStream::Newline(size_t level) {
  if (indent_ < 0) return;
  buf_.push_back('\n');
  buf_.append(static_cast<size_t>(indent_) * level, ' ');
}

void JsonStream::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Open& top = stack_.back();
  if (top.count++ > 0) buf_.push_back(',');
  Newline(stack_.size());
}

void JsonStream::Begin(char open) {
  BeforeValue();
  buf_.push_back(open);
  stack_.push_back({open == '{', 0});
}

void JsonStream::End() {
  if (stack_.empty()) return;
  Open top = stack_.back();
  stack_.pop_back();
  if (top.count > 0) Newline(stack_.size());
  buf_.push_back(top.object ? '}' : ']');
  MaybeFlush();
}

void JsonStream::Key(std::string_view key) {
  if (stack_.empty() || !stack_.back().object) return;
  Open& top = stack_.back();
  if (top.count++ > 0) buf_.push_back(',');
  Newline(stack_.size());
  AppendJsonString(key, &buf_);
  buf_.push_back(':');
  if (indent_ >= 0) buf_.push_back(' ');
  after_key_ = true;
}

void JsonStream::Value(Json value) {
  BeforeValue();
  value.DumpTo(&buf_, indent_, static_cast<int>(stack_.size()));
  MaybeFlush();
}

void JsonStream::MaybeFlush() {
  if (buf_.size() >= kFlushBytes) Flush();
}

void JsonStream::Flush() {
  if (buf_.empty()) return;
  out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

void WriteJsonObject(std::vector<JsonMember> members, JsonWriter* w) {
  std::sort(
      members.begin(), members.end(),
      [](const JsonMember& a, const JsonMember& b) { return a.key < b.key; });
  w->BeginObject();
  for (const JsonMember& m : members) {
    w->Key(m.key);
    m.write(w);
  }
  w->End();
}

void JsonTreeBuilder::Begin(Json container) {
  stack_.push_back({std::move(container), std::move(key_)});
  key_.clear();
}

void JsonTreeBuilder::End() {
  if (stack_.empty()) return;
  Open top = std::move(stack_.back());
  stack_.pop_back();
  key_ = std::move(top.key);
  Value(std::move(top.value));
}

void JsonTreeBuilder::Value(Json value) {
  if (stack_.empty()) {
    result_ = std::move(value);
  } else if (stack_.back().value.type() == Json::Type::kObject) {
    stack_.back().value.Set(key_, std::move(value));
  } else {
    stack_.back().value.Push(std::move(value));
  }
  key_.clear();
}

}  // namespace budgetdoc
