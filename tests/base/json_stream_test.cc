// Tests of base/json_stream.h: the stream prints what Json::Dump prints for
// the same value, and the tree builder builds that value.
#include "base/json_stream.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace budgetdoc {
namespace {

// {"a": [], "b": [1, {"c": "x\n", "d": {}}], "e": null} written piece by
// piece; the value is written whole for comparison.
void WriteSample(JsonWriter* w) {
  w->BeginObject();
  w->Key("a");
  w->BeginArray();
  w->End();
  w->Key("b");
  w->BeginArray();
  w->Value(Json::Int(1));
  Json inner = Json::MakeObject();
  inner.Set("c", Json::Str("x\n"));
  inner.Set("d", Json::MakeObject());
  w->Value(std::move(inner));
  w->End();
  w->Key("e");
  w->Value(Json::Null());
  w->End();
}

Json Sample() {
  Json j = Json::MakeObject();
  j.Set("a", Json::MakeArray());
  Json b = Json::MakeArray();
  b.Push(Json::Int(1));
  Json inner = Json::MakeObject();
  inner.Set("c", Json::Str("x\n"));
  inner.Set("d", Json::MakeObject());
  b.Push(std::move(inner));
  j.Set("b", std::move(b));
  j.Set("e", Json::Null());
  return j;
}

TEST(JsonStreamTest, PrintsWhatDumpPrintsForEveryIndent) {
  for (int indent : {-1, 0, 1, 2}) {
    std::ostringstream out;
    {
      JsonStream stream(&out, indent);
      WriteSample(&stream);
    }
    EXPECT_EQ(out.str(), Sample().Dump(indent)) << "indent " << indent;
  }
}

TEST(JsonStreamTest, TreeBuilderBuildsTheValueWritten) {
  JsonTreeBuilder tree;
  WriteSample(&tree);
  EXPECT_EQ(tree.Take().Dump(1), Sample().Dump(1));
}

TEST(JsonStreamTest, WritesMembersSortedByKey) {
  std::vector<JsonMember> members;
  members.push_back({"b", [](JsonWriter* w) { w->Value(Json::Int(2)); }});
  members.push_back({"a", [](JsonWriter* w) { w->Value(Json::Int(1)); }});
  std::ostringstream out;
  {
    JsonStream stream(&out, -1);
    WriteJsonObject(std::move(members), &stream);
  }
  EXPECT_EQ(out.str(), "{\"a\":1,\"b\":2}");
}

TEST(JsonStreamTest, ScalarAtTheTopIsPrintedAlone) {
  std::ostringstream out;
  {
    JsonStream stream(&out, 1);
    stream.Value(Json::Str("a\"b"));
  }
  EXPECT_EQ(out.str(), "\"a\\\"b\"");
}

}  // namespace
}  // namespace budgetdoc
