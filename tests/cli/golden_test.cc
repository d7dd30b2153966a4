// For each samples/<case>/input.* : run every stage and compare each
// canonical dump with samples/<case>/expected/ (document.txt after extract,
// normalized.txt after normalize, extract.json for the CLI, claims.txt after
// the claim reader). A case needs at least document.txt; UPDATE_GOLDEN=1
// (scripts/update_golden) writes all.
#include "tests/testing/golden.h"

#include "cli/pipeline.h"
#include "output/json_writer.h"
#include "schema/mapper.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <sys/stat.h>

namespace budgetdoc {
namespace {

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::vector<std::string> SampleInputs() {
  std::vector<std::string> out;
  std::string root = testing::SourcePath("samples");
  DIR* d = opendir(root.c_str());
  if (d == nullptr) return out;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name[0] == '.') continue;
    for (std::string_view ext : {"txt", "docx", "html", "pdf"}) {
      std::string rel = "samples/" + name + "/input." + std::string(ext);
      if (Exists(testing::SourcePath(rel))) out.push_back(rel);
    }
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, EveryStageMatchesItsGoldenDump) {
  const std::string rel = GetParam();
  const std::string dir = rel.substr(0, rel.rfind('/')) + "/expected/";
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  ASSERT_TRUE(update || Exists(testing::SourcePath(dir + "document.txt")))
      << rel << " has no " << dir << "document.txt";
  PipelineOptions options;
  options.extract.source_name = rel.substr(rel.rfind('/') + 1);
  Result<NormalizedDocument> nd =
      ExtractFile(testing::SourcePath(rel), options);
  ASSERT_TRUE(nd.ok()) << nd.status().ToString();
  testing::ExpectMatchesGolden(DebugString(nd->doc), dir + "document.txt");
  Extraction ex = MapToSchema(*nd);
  for (const auto& [file, text] :
       {std::pair<std::string, std::string>{"normalized.txt", DebugString(*nd)},
        {"extract.json", NormalizedDocumentToJson(*nd).Dump(1) + "\n"},
        {"claims.txt", ClaimsDebugString(ex.claims, *nd)}}) {
    if (update || Exists(testing::SourcePath(dir + file))) {
      testing::ExpectMatchesGolden(text, dir + file);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Samples, GoldenTest, ::testing::ValuesIn(SampleInputs()),
    [](const ::testing::TestParamInfo<std::string>& param_info) {
      std::string n = param_info.param.substr(8);
      for (char& c : n) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return n;
    });

}  // namespace
}  // namespace budgetdoc
