// Tests schema/regions.{h,cc} on the embedded division tables
// (schema/data/regions_*.csv) and on small inline tables.
#include "schema/regions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

const RegionCatalog& Catalog() { return RegionCatalog::Default(); }

struct MatchCase {
  const char* entity;
  const char* code;  // "" = no match expected
  const char* path;
  RegionLevel level;
  const char* street;
};

TEST(RegionsTest, MatchesTheRegionAGovernmentBodyIsNamedAfter) {
  const MatchCase cases[] = {
      {"巴中市巴州区人民政府办公室", "511902", "四川省/巴中市/巴州区",
       RegionLevel::kCounty, ""},
      {"四川省巴中市巴州区人民政府办公室", "511902", "四川省/巴中市/巴州区",
       RegionLevel::kCounty, ""},
      {"上海市普陀区财政局", "310107", "上海市/普陀区", RegionLevel::kCounty,
       ""},
      {"上海市普陀区人民政府万里街道办事处", "310107", "上海市/普陀区",
       RegionLevel::kCounty, "万里街道"},
      {"江苏省人民检察院", "320000", "江苏省", RegionLevel::kProvince, ""},
      {"上海市财政局", "310000", "上海市", RegionLevel::kProvince, ""},
      {"巴中市财政局", "511900", "四川省/巴中市", RegionLevel::kCity, ""},
      {"巴州区人民政府办公室", "511902", "四川省/巴中市/巴州区",
       RegionLevel::kCounty, ""},
      {"中共江苏省委办公厅", "320000", "江苏省", RegionLevel::kProvince, ""},
      {"江苏省委办公厅", "320000", "江苏省", RegionLevel::kProvince, ""},
      {"中共上海市普陀区委社会工作部", "310107", "上海市/普陀区",
       RegionLevel::kCounty, ""},
      {"上海市 XX 局", "310000", "上海市", RegionLevel::kProvince, ""},
      {"北京市朝阳区财政局", "110105", "北京市/朝阳区", RegionLevel::kCounty,
       ""},
      {"长春市朝阳区教育局", "220104", "吉林省/长春市/朝阳区",
       RegionLevel::kCounty, ""},
      {"重庆市城口县财政局", "500229", "重庆市/城口县", RegionLevel::kCounty,
       ""},
      {"重庆市渝中区人民政府", "500103", "重庆市/渝中区", RegionLevel::kCounty,
       ""},
      {"天津市滨海新区财政局", "120116", "天津市/滨海新区",
       RegionLevel::kCounty, ""},
      {"江苏省江阴市财政局", "320281", "江苏省/无锡市/江阴市",
       RegionLevel::kCounty, ""},
      {"河南省济源市财政局", "419001", "河南省/济源市", RegionLevel::kCounty,
       ""},
      {"四川巴中市巴州区财政局", "511902", "四川省/巴中市/巴州区",
       RegionLevel::kCounty, ""},
      {"广西壮族自治区财政厅", "450000", "广西壮族自治区",
       RegionLevel::kProvince, ""},
      {"吉林市财政局", "220200", "吉林省/吉林市", RegionLevel::kCity, ""},
      {"吉林省财政厅", "220000", "吉林省", RegionLevel::kProvince, ""},
      {"广东省东莞市财政局", "441900", "广东省/东莞市", RegionLevel::kCity, ""},
      {"国家税务总局上海市普陀区税务局", "310107", "上海市/普陀区",
       RegionLevel::kCounty, ""},
      {"巴州区城关镇人民政府", "511902", "四川省/巴中市/巴州区",
       RegionLevel::kCounty, "城关镇"},
  };
  for (const MatchCase& c : cases) {
    SCOPED_TRACE(c.entity);
    std::optional<RegionMatch> m = Catalog().MatchRegion(c.entity);
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->code, c.code);
    EXPECT_EQ(m->name_path, c.path);
    EXPECT_EQ(m->level, c.level);
    EXPECT_EQ(m->street, c.street);
  }
}

struct AmbiguousCase {
  const char* entity;
  std::vector<std::string> candidates;  // codes; empty = plain no match
};

TEST(RegionsTest, AmbiguousOrUnknownNamesGiveNoMatchRatherThanAGuess) {
  const AmbiguousCase cases[] = {
      {"朝阳区财政局", {"110105", "220104"}},
      {"普陀区财政局", {"310107", "330903"}},
      {"鼓楼区人民政府", {"320106", "320302", "350102", "410204"}},
      {"江苏省鼓楼区人民政府", {"320106", "320302"}},
      {"某某局", {}},
      {"全国人民代表大会常务委员会办公厅", {}},
      {"", {}},
  };
  for (const AmbiguousCase& c : cases) {
    SCOPED_TRACE(c.entity);
    std::vector<RegionMatch> candidates;
    std::optional<RegionMatch> m = Catalog().MatchRegion(c.entity, &candidates);
    EXPECT_FALSE(m.has_value()) << m->code;
    std::vector<std::string> codes;
    for (const RegionMatch& r : candidates) codes.push_back(r.code);
    EXPECT_EQ(codes, c.candidates);
  }
}

TEST(RegionsTest, DevelopmentZonesAreNotRegions) {
  // NBS pseudo-counties (county digits 71-79) were filtered from the data.
  EXPECT_EQ(Catalog().Find("320576"), nullptr);  // 苏州工业园区
  EXPECT_EQ(Catalog().Find("130171"), nullptr);  // 石家庄高新技术产业开发区
  // "苏州" is only a short form of 苏州市, trusted only before one of its
  // counties, so the zone is not matched at all rather than guessed.
  EXPECT_FALSE(Catalog().MatchRegion("苏州工业园区管理委员会").has_value());
  std::optional<RegionMatch> m =
      Catalog().MatchRegion("苏州市苏州工业园区管理委员会");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->code, "320500");  // the city around it
}

TEST(RegionsTest, PseudoCitiesNeverAppearInPaths) {
  const Region* r = Catalog().Find("310107");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->parent_code, "310100");
  EXPECT_TRUE(Catalog().Find("310100")->pseudo);
  EXPECT_EQ(Catalog().NamePath("310107"), "上海市/普陀区");
  EXPECT_EQ(Catalog().NamePath("469021"), "海南省/定安县");
  EXPECT_EQ(Catalog().NamePath("000000"), "");
  EXPECT_FALSE(Catalog().MatchRegion("市辖区财政局").has_value());
}

TEST(RegionsTest, EmbeddedTablesHaveTheExpectedShape) {
  for (const char* code : {"110000", "650000", "511900", "511902"}) {
    EXPECT_NE(Catalog().Find(code), nullptr) << code;
  }
  // 31 provinces + 342 cities (with pseudo-cities) + 2,854 counties, less
  // the 3 county rows that repeat a city without counties (东莞, 中山, 儋州;
  // 嘉峪关's county row has its own code, 620201).
  EXPECT_EQ(Catalog().size(), 31u + 342u + 2854u - 3u);
}

TEST(RegionsTest, CorruptTablesAreRejected) {
  struct Case {
    const char* what;
    const char* provinces;
    const char* cities;
    const char* counties;
  } cases[] = {
      {"city without its province", "code,name\n110000,北京市\n",
       "code,name\n510100,成都市\n", "code,name\n"},
      {"short code", "code,name\n11,北京市\n", "code,name\n", "code,name\n"},
      {"province code in the city file", "code,name\n110000,北京市\n",
       "code,name\n110000,北京\n", "code,name\n"},
      {"no name column", "code\n110000\n", "code,name\n", "code,name\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_FALSE(RegionCatalog::Build(c.provinces, c.cities, c.counties).ok());
  }
  Result<RegionCatalog> ok = RegionCatalog::Build("code,name\n510000,四川省\n",
                                                  "code,name\n511900,巴中市\n",
                                                  "code,name\n511902,巴州区\n");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  std::optional<RegionMatch> m = ok->MatchRegion("巴州区财政局");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->name_path, "四川省/巴中市/巴州区");
}

}  // namespace
}  // namespace budgetdoc
