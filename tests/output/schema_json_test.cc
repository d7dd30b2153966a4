// Outputs validate against the JSON Schema that `budgetdoc schema` prints.
#include "output/schema_json.h"

#include "check/check.h"
#include "schema/mapper.h"
#include "tests/testing/json_schema.h"

#include <gtest/gtest.h>

#include <sstream>

namespace budgetdoc {
namespace {

NormalizedDocument Sample() {
  Document doc;
  doc.format = Format::kText;
  doc.source = "s.txt";
  for (std::string_view l :
       {"第二部分 2023年度部门决算情况说明", "一、收入支出决算总体情况说明",
        "2023年度收、支总计均为1889.05万元。与2022年度相比，收、支总计各减少35."
        "32万元，下降1.84%。",
        "三、支出决算情况说明",
        "2023年度本年支出合计1889.05万元，其中：基本支出1197.55万元，占63.39%"
        "；项目支出691.5万元，占36.6%。",
        "截至2023年12月31日，单位共有公务用车1辆。",
        "决算数为1889.05，完成预算100%。"}) {
    Block b;
    b.text = std::string(l);
    doc.blocks.push_back(b);
  }
  return Normalize(std::move(doc), NormalizeOptions{});
}

TEST(SchemaJsonTest, TheSchemaItselfIsValidJson) {
  Result<Json> schema = Json::Parse(OutputJsonSchema());
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  EXPECT_NE(schema->Find("$defs"), nullptr);
}

TEST(SchemaJsonTest, ExtractAndCheckOutputsValidate) {
  Json schema = *Json::Parse(OutputJsonSchema());
  NormalizedDocument nd = Sample();
  Extraction ex = MapToSchema(nd);
  ASSERT_FALSE(ex.facts.empty());
  Json out = ExtractOutputToJson(nd, ex);
  std::vector<std::string> errors = testing::ValidateJson(out, schema);
  EXPECT_TRUE(errors.empty()) << errors.front();
  CheckReport report = RunChecks(nd, ex, CheckOptions{});
  out.Set("checks", CheckReportToJson(report));
  errors = testing::ValidateJson(out, schema);
  EXPECT_TRUE(errors.empty()) << errors.front();
}

TEST(SchemaJsonTest, StreamedOutputsPrintWhatTheTreesPrint) {
  NormalizedDocument nd = Sample();
  Extraction ex = MapToSchema(nd);
  CheckReport report = RunChecks(nd, ex, CheckOptions{});
  std::ostringstream extract, check;
  {
    JsonStream stream(&extract, 1);
    WriteExtractOutput(nd, ex, &stream);
  }
  {
    JsonStream stream(&check, 1);
    WriteCheckOutput(nd, ex, report, &stream);
  }
  EXPECT_EQ(extract.str(), ExtractOutputToJson(nd, ex).Dump(1));
  Json expected = ExtractionToJson(nd, ex);
  expected.Set("schema_version",
               *ExtractOutputToJson(nd, ex).Find("schema_version"));
  expected.Set("source", Json::Str("s.txt"));
  expected.Set("format", Json::Str("text"));
  expected.Set("findings", *ExtractOutputToJson(nd, ex).Find("findings"));
  expected.Set("unreadable_pages", Json::MakeArray());
  expected.Set("checks", CheckReportToJson(report));
  EXPECT_EQ(check.str(), expected.Dump(1));
  EXPECT_NE(check.str().find("\"summary\""), std::string::npos);
}

TEST(SchemaJsonTest, TheValidatorCatchesViolations) {
  Json schema = *Json::Parse(OutputJsonSchema());
  NormalizedDocument nd = Sample();
  Extraction ex = MapToSchema(nd);
  Json out = ExtractOutputToJson(nd, ex);
  out.Set("facts", Json::Str("not an array"));
  out.Set("report", Json::MakeObject());
  EXPECT_GE(testing::ValidateJson(out, schema).size(), 2u);
}

}  // namespace
}  // namespace budgetdoc
