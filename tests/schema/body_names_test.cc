// Tests schema/body_names.{h,cc} and every example of
// schema/data/body_names.tsv.
#include "schema/body_names.h"

#include "schema/embedded_data.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

TEST(BodyNamesTest, EveryExampleOfTheDataTableNamesOneBody) {
  Result<DataTable> t = ReadDataTable("body_names.tsv", '\t');
  ASSERT_TRUE(t.ok()) << t.status().message();
  int example = t->Column("example");
  ASSERT_GE(example, 0);
  ASSERT_FALSE(t->rows.empty());
  for (const auto& row : t->rows) {
    const std::string& e = row[static_cast<size_t>(example)];
    size_t eq = e.find(" = ");
    ASSERT_NE(eq, std::string::npos) << e;
    BodyName a = FoldBodyName(e.substr(0, eq));
    BodyName b = FoldBodyName(e.substr(eq + 3));
    EXPECT_TRUE(SameBody(a, b)) << e << ": " << a.Key() << " vs " << b.Key();
  }
}

struct PairCase {
  const char* a;
  const char* b;
  bool same;
};

TEST(BodyNamesTest, TellsTheSameBodyFromAnotherOneOfTheSameRegion) {
  const PairCase cases[] = {
      {"中共江苏省委办公厅", "中国共产党江苏省委员会办公厅", true},
      {"江苏省委办公厅", "中共江苏省委办公厅", true},
      {"江苏省政协办公厅", "政协江苏省委员会办公厅", true},
      {"江苏省纪委", "中共江苏省纪委", true},
      {"巴中市巴州区人民政府办公室", "巴州区政府办", true},
      {"上海市普陀区财政局本级", "上海市普陀区财政局", true},
      {"上海市 普陀区 财政局", "上海市普陀区财政局", true},
      // Different bodies of one region.
      {"中共江苏省委办公厅", "江苏省政协办公厅", false},
      {"江苏省政协办公厅", "江苏省人民政府办公厅", false},
      {"江苏省委办公厅", "江苏省人大常委会办公厅", false},
      {"上海市普陀区财政局", "上海市普陀区商务委员会", false},
      // One body name in two regions.
      {"上海市普陀区财政局", "上海市静安区财政局", false},
      {"", "", false},
  };
  for (const PairCase& c : cases) {
    BodyName a = FoldBodyName(c.a), b = FoldBodyName(c.b);
    EXPECT_EQ(SameBody(a, b), c.same)
        << c.a << " (" << a.Key() << ") vs " << c.b << " (" << b.Key() << ")";
  }
}

TEST(BodyNamesTest, FoldsTheRegionTheOrganAndTheOwnUnit) {
  BodyName n = FoldBodyName("中国共产党江苏省委员会办公厅");
  EXPECT_EQ(n.Key(), "320000|中共|委办公厅");
  EXPECT_FALSE(n.own_unit);
  BodyName u = FoldBodyName("上海市普陀区财政局（本级）");
  EXPECT_EQ(u.Key(), "310107||财政局");
  EXPECT_TRUE(u.own_unit);
}

TEST(BodyNamesTest, LinksAUnitToTheDepartmentWhoseNameItContinues) {
  const PairCase cases[] = {
      {"上海市普陀区财政局本级", "上海市普陀区财政局", true},
      {"上海市普陀区财政局信息中心", "上海市普陀区财政局", true},
      {"上海市普陀区财政局", "上海市普陀区财政局", true},
      {"上海市普陀区商务委员会信息中心", "上海市普陀区财政局", false},
      {"上海市静安区财政局信息中心", "上海市普陀区财政局", false},
  };
  for (const PairCase& c : cases) {
    EXPECT_EQ(UnitOfDepartment(FoldBodyName(c.a), FoldBodyName(c.b)), c.same)
        << c.a << " under " << c.b;
  }
}

}  // namespace
}  // namespace budgetdoc
