// CSV that Excel opens correctly (RFC 4180 quoting, CRLF, a BOM unless
// turned off, CJK untouched, codes quoted as text), its parser, JSON Lines
// rows, and the export writer.
#include "output/csv_writer.h"

#include "output/sqlite_store.h"
#include "schema/version.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace budgetdoc {
namespace {

struct QuoteCase {
  const char* name;
  std::string field;
  std::string expected;
};

TEST(CsvWriterTest, QuotesOnlyFieldsWithCommasQuotesOrLineBreaks) {
  const QuoteCase kCases[] = {
      {"plain text", "plain", "plain"},
      {"empty", "", ""},
      {"comma", "a,b", "\"a,b\""},
      {"quote doubled", "say \"hi\"", "\"say \"\"hi\"\"\""},
      {"line feed", "line1\nline2", "\"line1\nline2\""},
      {"carriage return", "a\rb", "\"a\rb\""},
      {"CJK with full-width comma", "一般公共预算，基本支出",
       "一般公共预算，基本支出"},
      {"CJK with ASCII comma", "人员经费,公用经费", "\"人员经费,公用经费\""},
      {"leading space kept", " 12.5", " 12.5"},
      {"negative number", "-3.20", "-3.20"},
  };
  for (const QuoteCase& c : kCases) {
    std::string out;
    AppendCsvField(c.field, &out);
    EXPECT_EQ(out, c.expected) << c.name;
  }
}

TEST(CsvWriterTest, RecordsEndWithCrlfAndNullIsAnEmptyField) {
  std::string out;
  AppendCsvRecord(Row{std::string("a"), std::nullopt, std::string("c,d")},
                  &out);
  EXPECT_EQ(out, "a,,\"c,d\"\r\n");
}

TEST(CsvWriterTest, ParserRoundTripsEveryKindOfField) {
  std::vector<std::vector<std::string>> records = {
      {"path", "label", "quote"},
      {"a.pdf", "基本支出, \"人员\"", "第一行\n第二行"},
      {"", "x", "\r\n"},
  };
  std::string text;
  for (const auto& r : records) AppendCsvRecord(r, &text);
  Result<std::vector<std::vector<std::string>>> parsed = ParseCsv(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, records);
}

TEST(CsvWriterTest, ParserDropsBomAndBlankLinesAndAcceptsBareLineFeeds) {
  Result<std::vector<std::vector<std::string>>> parsed =
      ParseCsv(std::string(kUtf8Bom) + "path,year\n\na.pdf,2023\nb.pdf,\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_EQ((*parsed)[0][0], "path");
  EXPECT_EQ((*parsed)[2], (std::vector<std::string>{"b.pdf", ""}));
}

TEST(CsvWriterTest, ParserRejectsUnclosedQuoteNamingTheLine) {
  Result<std::vector<std::vector<std::string>>> parsed =
      ParseCsv("path\n\"a.pdf\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("line 2"), std::string::npos)
      << parsed.status().message();
  Result<std::vector<std::vector<std::string>>> trailing =
      ParseCsv("\"a\"b,c\n");
  ASSERT_FALSE(trailing.ok());
}

TEST(CsvWriterTest, JsonRowsKeepDecimalsExactAndEmbedJsonColumns) {
  std::vector<ExportColumn> cols = {
      {"value", ColumnKind::kDecimal},   {"year", ColumnKind::kInteger},
      {"evidence", ColumnKind::kJson},   {"label", ColumnKind::kText},
      {"missing", ColumnKind::kInteger}, {"odd", ColumnKind::kDecimal}};
  Row row = {std::string("1889.050"),
             std::string("2023"),
             std::string("[{\"value\":\"95.36万元\"}]"),
             std::string("人员经费"),
             std::nullopt,
             std::string("12.")};
  EXPECT_EQ(RowToJson(cols, row).Dump(),
            "{\"evidence\":[{\"value\":\"95.36万元\"}],\"label\":\"人员经费\","
            "\"missing\":null,\"odd\":\"12.\",\"value\":1889.050,"
            "\"year\":2023}");
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    AddDocument("reports/财政局.pdf", R"({"ok":true,"extraction":{
        "report":{"entity_name":"上海市普陀区财政局","region_code":"310107",
                  "fiscal_year":2024,"kind":"final_accounts"},
        "facts":[{"metric":"expenditure.total","measure":"amount",
                  "value":"2940.05","printed":"2940.05","origin":"table",
                  "label":"本年支出合计","quote":"本年支出合计, \"2940.05\"\n次行",
                  "where":{"page":4}}]},
        "checks":{"results":[],"summary":{"errors":0,"warnings":0}},
        "notes":[]})");
  }

  // Stores one ok document in a run of its own, from a worker result.
  void AddDocument(const std::string& path, std::string_view result_json,
                   const SourceMeta& source = SourceMeta()) {
    RunRecord run;
    run.tool_version = "1.0";
    run.schema_version = kSchemaVersion;
    run.started_at = "2024-01-01T00:00:00Z";
    int64_t id = *store_->BeginRun(run);
    Result<Json> result = Json::Parse(result_json);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    DocumentRecord d;
    d.path = path;
    d.sha256 = "ff";
    d.ok = true;
    d.tool_version = "1.0";
    d.schema_version = kSchemaVersion;
    d.processed_at = "2024-01-01T00:00:00Z";
    d.source = source;
    d.rows = StoreRowsFromResult(*result);
    ASSERT_TRUE(store_->WriteDocument(id, d).ok());
  }

  std::string Export(ExportOptions o) {
    std::ostringstream out;
    Status s = WriteExport(*store_, o, out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out.str();
  }

  std::unique_ptr<Store> store_;
};

TEST_F(ExportTest, CsvHasHeaderQuotedCjkFieldsAndABomByDefault) {
  ExportOptions o;
  o.bom = false;
  std::string csv = Export(o);
  EXPECT_EQ(csv.rfind("path,report_id,entity,region_code,", 0), 0u) << csv;
  // The region code is quoted (a code is text), NULL is an empty field.
  EXPECT_NE(csv.find("reports/财政局.pdf,,上海市普陀区财政局,\"310107\",,2024,"
                     "final_accounts,0,expenditure.total,amount,2940.05,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"本年支出合计, \"\"2940.05\"\"\n次行\"\r\n"),
            std::string::npos);
  Result<std::vector<std::vector<std::string>>> parsed = ParseCsv(csv);
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].size(), (*parsed)[1].size());
  std::string with_bom = Export(ExportOptions());
  EXPECT_EQ(with_bom.substr(0, 3), std::string(kUtf8Bom));
  EXPECT_EQ(with_bom.substr(3), csv);
}

TEST_F(ExportTest, CsvNeutralizesFormulaTextButKeepsNegativeNumbers) {
  AddDocument("reports/x.pdf", R"json({"ok":true,"extraction":{
      "report":{"entity_name":"=HYPERLINK(\"http://x.invalid\",\"点击\")",
                "fiscal_year":2024},
      "facts":[{"metric":"expenditure.change","measure":"change",
                "value":"-12.5","printed":"-12.5","origin":"narrative",
                "label":"@SUM(1+1)","quote":"+1 比上年减少12.5万元",
                "where":{"page":1}},
               {"metric":"expenditure.total","measure":"amount",
                "value":"3","printed":"3","origin":"narrative",
                "label":"\t制表符","quote":"-2+3 本年支出3万元",
                "where":{"page":1}}]},
      "checks":{"results":[],"summary":{"errors":0,"warnings":0}},
      "notes":[]})json");
  std::string csv = Export(ExportOptions());
  EXPECT_NE(
      csv.find(",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"点击\"\")\","),
      std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",'@SUM(1+1),"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'+1 比上年减少12.5万元\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'\t制表符,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'-2+3 本年支出3万元\r\n"), std::string::npos) << csv;
  // The decimal column keeps its sign: a number, not a formula.
  EXPECT_NE(csv.find(",-12.5,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",'-12.5,"), std::string::npos) << csv;
  ExportOptions raw;
  raw.raw = true;
  std::string verbatim = Export(raw);
  EXPECT_NE(verbatim.find(",@SUM(1+1),"), std::string::npos) << verbatim;
  EXPECT_EQ(verbatim.find("'@"), std::string::npos) << verbatim;
}

TEST(CsvWriterTest, FormulaLeadsAreTheOwaspCharacters) {
  for (std::string_view f : {"=1", "+1", "-1", "@a", "\ta", "\ra"}) {
    EXPECT_TRUE(CsvFieldLooksLikeFormula(f)) << f;
    EXPECT_EQ(NeutralizeCsvFormula(f), "'" + std::string(f));
  }
  for (std::string_view f : {"", "1", "a=1", " =1", "收入"}) {
    EXPECT_FALSE(CsvFieldLooksLikeFormula(f)) << f;
    EXPECT_EQ(NeutralizeCsvFormula(f), f);
  }
}

TEST_F(ExportTest, CodesKeepLeadingZerosAsQuotedTextAndYearsStayNumbers) {
  SourceMeta source;
  source.report_id = "007";
  AddDocument("a/0001.pdf", R"({"ok":true,"extraction":{
      "report":{"region_code":"010101","fiscal_year":2023},
      "facts":[{"metric":"expenditure.total","measure":"amount",
                "value":"12.00","code":"0201","code_scheme":"economic",
                "origin":"table","year":2023}]},
      "checks":{"results":[],"summary":{"errors":0,"warnings":0}},
      "notes":[]})",
              source);

  std::string csv = Export(ExportOptions());
  Result<std::vector<std::vector<std::string>>> rows = ParseCsv(csv);
  ASSERT_TRUE(rows.ok());
  const std::vector<std::string>& header = (*rows)[0];
  const std::vector<std::string>& first =
      (*rows)[1];  // "a/0001.pdf" sorts first
  auto field = [&](const std::string& name) {
    size_t i = std::find(header.begin(), header.end(), name) - header.begin();
    return i < first.size() ? first[i] : "<no column " + name + ">";
  };
  EXPECT_EQ(field("path"), "a/0001.pdf");
  EXPECT_EQ(field("report_id"), "007");
  EXPECT_EQ(field("region_code"), "010101");
  EXPECT_EQ(field("code"), "0201");
  EXPECT_EQ(field("fiscal_year"), "2023");
  EXPECT_NE(csv.find("a/0001.pdf,\"007\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",\"010101\",,2023,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",\"0201\",economic,"), std::string::npos) << csv;

  ExportOptions jsonl;
  jsonl.format = ExportFormat::kJsonl;
  std::string lines = Export(jsonl);
  Result<Json> row = Json::Parse(lines.substr(0, lines.find('\n')));
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->Find("code")->type(), Json::Type::kString);
  EXPECT_EQ(row->Find("code")->text(), "0201");
  EXPECT_EQ(row->Find("region_code")->text(), "010101");
  EXPECT_EQ(row->Find("fiscal_year")->type(), Json::Type::kNumber);
}

TEST_F(ExportTest, JsonLinesHaveOneParseableObjectPerRow) {
  ExportOptions o;
  o.format = ExportFormat::kJsonl;
  std::string jsonl = Export(o);
  ASSERT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 1);
  Result<Json> row = Json::Parse(jsonl.substr(0, jsonl.size() - 1));
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->Find("value")->type(), Json::Type::kNumber);
  EXPECT_EQ(row->Find("value")->text(), "2940.05");
  EXPECT_EQ(row->Find("fiscal_year")->text(), "2024");
  EXPECT_EQ(row->Find("page")->text(), "4");
}

TEST_F(ExportTest, EveryTableExportsDeterministically) {
  for (ExportTable t :
       {ExportTable::kFacts, ExportTable::kFindings, ExportTable::kDocuments}) {
    ExportOptions o;
    o.table = t;
    EXPECT_EQ(Export(o), Export(o)) << ExportTableName(t);
  }
}

TEST_F(ExportTest, FileExportReplacesTheTargetAtomically) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("budgetdoc_csv_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string path = dir / "facts.csv";
  std::ofstream(path) << "old content";
  ASSERT_TRUE(WriteExportFile(*store_, ExportOptions(), path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
  EXPECT_EQ(content, Export(ExportOptions()));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  Status bad =
      WriteExportFile(*store_, ExportOptions(), "/nonexistent-dir/x/facts.csv");
  EXPECT_FALSE(bad.ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace budgetdoc
