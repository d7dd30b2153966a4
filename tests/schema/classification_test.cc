// Tests schema/classification.{h,cc} on the embedded catalog
// (schema/data/func_codes.csv, econ_codes.csv) and on small inline tables.
#include "schema/classification.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace budgetdoc {
namespace {

const ClassificationCatalog& Catalog() {
  return ClassificationCatalog::Default();
}

struct FindCase {
  const char* code;
  const char* name;  // "" = not found
  ClassScheme scheme;
  ClassLevel level;
  const char* parent;
  ClassStatus status;
};

TEST(ClassificationTest, FindsCodesOfEverySchemeAndLevel) {
  const FindCase cases[] = {
      {"201", "一般公共服务支出", ClassScheme::kFunc, ClassLevel::kLei, "",
       ClassStatus::kSeen},
      {"20103", "政府办公厅（室）及相关机构事务", ClassScheme::kFunc,
       ClassLevel::kKuan, "201", ClassStatus::kSeen},
      {"2010301", "行政运行", ClassScheme::kFunc, ClassLevel::kXiang, "20103",
       ClassStatus::kSeen},
      {"2101101", "行政单位医疗", ClassScheme::kFunc, ClassLevel::kXiang,
       "21011", ClassStatus::kSeen},
      {"30101", "基本工资", ClassScheme::kEconDept, ClassLevel::kKuan, "301",
       ClassStatus::kSeen},
      {"399", "其他支出", ClassScheme::kEconDept, ClassLevel::kLei, "",
       ClassStatus::kSeen},
      {"501", "机关工资福利支出", ClassScheme::kEconGov, ClassLevel::kLei, "",
       ClassStatus::kKnown},
      {"599", "其他支出", ClassScheme::kEconGov, ClassLevel::kLei, "",
       ClassStatus::kKnown},
      // Printed forms of a code.
      {"201 03 01", "行政运行", ClassScheme::kFunc, ClassLevel::kXiang, "20103",
       ClassStatus::kSeen},
      {"２２１０２０１", "住房公积金", ClassScheme::kFunc, ClassLevel::kXiang,
       "22102", ClassStatus::kSeen},
  };
  for (const FindCase& c : cases) {
    SCOPED_TRACE(c.code);
    const ClassItem* item = Catalog().Find(c.code);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->name, c.name);
    EXPECT_EQ(item->scheme, c.scheme);
    EXPECT_EQ(item->level, c.level);
    EXPECT_EQ(item->parent_code, c.parent);
    EXPECT_EQ(item->status, c.status);
  }
}

TEST(ClassificationTest, UnknownOrMalformedCodesAreNotFound) {
  for (const char* code : {"", "2", "20", "2019", "201030", "20103011", "999",
                           "x201", "20103a", "7010101", "3010101"}) {
    SCOPED_TRACE(code);
    EXPECT_EQ(Catalog().Find(code), nullptr);
  }
}

TEST(ClassificationTest, RecurringItemPatternIsARuleNotRows) {
  struct Case {
    const char* code;
    const char* name;
  } cases[] = {
      // 20104 发展与改革事务 is marked admin: 01/02/03/50/99 are implied.
      {"2010401", "行政运行"},
      {"2010402", "一般行政管理事务"},
      {"2010403", "机关服务"},
      {"2010450", "事业运行"},
      {"2010499", "其他发展与改革事务支出"},
      // A 款 whose name ends in 支出 does not get 支出 twice.
      {"2150899", "其他支持中小企业发展和管理支出"},
      // A catch-all 款 passes its own name to its 99 项.
      {"2019999", "其他一般公共服务支出"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.code);
    const ClassItem* item = Catalog().Find(c.code);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->name, c.name);
  }
  EXPECT_EQ(Catalog().Find("2010401")->status, ClassStatus::kRule);
  // Explicit rows win over the rule.
  EXPECT_EQ(Catalog().Find("2010301")->status, ClassStatus::kSeen);
  // No pattern where the data does not say so (21011 is "other" only;
  // 22102 has none).
  EXPECT_EQ(Catalog().Find("2101150"), nullptr);
  EXPECT_EQ(Catalog().Find("2210299"), nullptr);
  EXPECT_EQ(Catalog().Find("2101199")->status, ClassStatus::kKnown);
}

TEST(ClassificationTest, ParentLevelAndSchemeComeFromTheCodeAlone) {
  EXPECT_EQ(ClassificationCatalog::ParentCode("2010301"), "20103");
  EXPECT_EQ(ClassificationCatalog::ParentCode("20103"), "201");
  EXPECT_EQ(ClassificationCatalog::ParentCode("201"), "");
  EXPECT_EQ(ClassificationCatalog::ParentCode("2999901"), "29999");
  EXPECT_EQ(ClassificationCatalog::ParentCode("bad"), "");
  EXPECT_EQ(ClassificationCatalog::Level("301"), ClassLevel::kLei);
  EXPECT_EQ(ClassificationCatalog::Level("30101"), ClassLevel::kKuan);
  EXPECT_EQ(ClassificationCatalog::Level("2010301"), ClassLevel::kXiang);
  EXPECT_EQ(ClassificationCatalog::Level("2010"), ClassLevel::kUnknown);
  EXPECT_EQ(ClassificationCatalog::SchemeOf("50101"), ClassScheme::kEconGov);
  EXPECT_EQ(ClassificationCatalog::SchemeOf("30101"), ClassScheme::kEconDept);
  EXPECT_EQ(ClassificationCatalog::SchemeOf("208"), ClassScheme::kFunc);
  EXPECT_FALSE(ClassificationCatalog::SchemeOf("401").has_value());
}

struct NameCase {
  const char* what;
  const char* code;
  const char* printed;
  int year;
  NameMatch expected;
};

TEST(ClassificationTest, NameMatchesToleratesHowReportsPrintNames) {
  const NameCase cases[] = {
      {"exact name", "2010301", "行政运行", 2023, NameMatch::kMatch},
      {"类 without 支出 and with a marker", "201", "一般公共服务（类）", 2023,
       NameMatch::kMatch},
      {"类 with ASCII marker", "208", "社会保障和就业(类)", 2023,
       NameMatch::kMatch},
      {"spaces inside", "210", "卫生 健康 支出", 2023, NameMatch::kMatch},
      {"ASCII brackets in the name", "20103", "政府办公厅(室)及相关机构事务",
       2023, NameMatch::kMatch},
      {"款 marker with number", "20805", "行政事业单位养老支出（05款）", 2024,
       NameMatch::kMatch},
      {"leading printed code", "2210201", "2210201 住房公积金", 2023,
       NameMatch::kMatch},
      {"quoted", "21011", "“行政事业单位医疗”", 2023, NameMatch::kMatch},
      {"econ name with an extra 支出", "30399", "其他对个人和家庭的补助支出",
       2023, NameMatch::kMatch},
      {"econ printing variant", "30239", "其他交通费", 2023, NameMatch::kMatch},
      {"full-width ASCII letters fold", "30213", "维修(护)费", 2024,
       NameMatch::kMatch},
      {"rule item", "2010450", "事业运行", 2023, NameMatch::kMatch},
  };
  for (const NameCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(Catalog().NameMatches(c.code, c.printed, c.year), c.expected)
        << NameMatchName(Catalog().NameMatches(c.code, c.printed, c.year));
  }
}

TEST(ClassificationTest, RenamedClassesKnowTheirFormerNames) {
  const NameCase cases[] = {
      {"卫生健康 under its 2014-2018 name, 2023 report", "210",
       "医疗卫生与计划生育支出", 2023, NameMatch::kFormerName},
      {"the same name in a 2017 report is right", "210",
       "医疗卫生与计划生育支出", 2017, NameMatch::kMatch},
      {"older 医疗卫生支出", "210", "医疗卫生支出", 2016,
       NameMatch::kFormerName},
      {"文化体育与传媒 in 2023", "207", "文化体育与传媒支出", 2023,
       NameMatch::kFormerName},
      {"文化体育与传媒 without 支出 in 2018", "207", "文化体育与传媒（类）",
       2018, NameMatch::kMatch},
      {"国土海洋气象等 in 2020", "220", "国土海洋气象等支出", 2020,
       NameMatch::kFormerName},
      {"资源勘探信息等 in 2021", "215", "资源勘探信息等支出", 2021,
       NameMatch::kFormerName},
      {"行政事业单位离退休 in 2024", "20805", "行政事业单位离退休", 2024,
       NameMatch::kFormerName},
      {"行政事业单位离退休 in 2019", "20805", "行政事业单位离退休", 2019,
       NameMatch::kMatch},
      {"扶贫 in 2022", "21305", "扶贫", 2022, NameMatch::kFormerName},
      {"扶贫 in 2019", "21305", "扶贫", 2019, NameMatch::kMatch},
      {"unknown year: a former name stays former", "210",
       "医疗卫生与计划生育支出", 0, NameMatch::kFormerName},
      {"current name in any year", "210", "卫生健康支出", 2017,
       NameMatch::kMatch},
      {"rule 99 item follows its 款's rename", "2079999",
       "其他文化体育与传媒支出", 2023, NameMatch::kFormerName},
  };
  for (const NameCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(Catalog().NameMatches(c.code, c.printed, c.year), c.expected)
        << NameMatchName(Catalog().NameMatches(c.code, c.printed, c.year));
  }
}

TEST(ClassificationTest, NameOfAnotherCodeIsReportedAsWrongClass) {
  const NameCase cases[] = {
      {"项 of 221 printed under a 208 code", "2080505", "住房公积金", 2023,
       NameMatch::kOtherClassName},
      {"行政运行 under a 款 without that item", "2101101", "行政运行", 2023,
       NameMatch::kOtherClassName},
      {"事业运行 where 行政运行 belongs", "2010301", "事业运行", 2023,
       NameMatch::kOtherClassName},
      {"类 name of another 类", "208", "卫生健康支出", 2023,
       NameMatch::kOtherClassName},
      {"econ code with another econ name", "30101", "津贴补贴", 2023,
       NameMatch::kOtherClassName},
      {"reused pre-2018 econ code in a 2023 report", "30311", "住房公积金",
       2023, NameMatch::kOtherClassName},
      {"reused pre-2018 econ code in a 2017 report", "30311", "住房公积金",
       2017, NameMatch::kMatch},
      {"a name nobody has", "2010301", "火星探测", 2023, NameMatch::kUnknown},
      {"unknown code", "2999999", "行政运行", 2023, NameMatch::kUnknown},
      {"empty name", "201", "", 2023, NameMatch::kUnknown},
  };
  for (const NameCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(Catalog().NameMatches(c.code, c.printed, c.year), c.expected)
        << NameMatchName(Catalog().NameMatches(c.code, c.printed, c.year));
  }
}

TEST(ClassificationTest, PrintedPathsAreCheckedLevelByLevel) {
  const NameCase cases[] = {
      {"narrative path with markers", "2010301",
       "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）",
       2023, NameMatch::kMatch},
      {"dash separated path", "2010350",
       "一般公共服务支出-政府办公厅（室）及相关机构事务-事业运行", 2025,
       NameMatch::kMatch},
      {"path with numbered markers", "2080501",
       "社会保障和就业支出（208类）行政事业单位养老支出（05款）"
       "行政单位离退休（01项）",
       2023, NameMatch::kMatch},
      {"项 printed under the wrong 类", "2101101",
       "一般公共服务（类）行政事业单位医疗（款）行政单位医疗（项）", 2023,
       NameMatch::kOtherClassName},
      {"old 类 name in a path", "2101101",
       "医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗（项）",
       2023, NameMatch::kFormerName},
      {"款 and 项 only", "2010601", "财政事务（款）行政运行（项）", 2024,
       NameMatch::kMatch},
      {"more parts than levels", "20106",
       "一般公共服务（类）财政事务（款）行政运行（项）", 2024,
       NameMatch::kUnknown},
  };
  for (const NameCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(Catalog().NameMatches(c.code, c.printed, c.year), c.expected)
        << NameMatchName(Catalog().NameMatches(c.code, c.printed, c.year));
  }
}

std::vector<std::string> Codes(const std::vector<const ClassItem*>& items) {
  std::vector<std::string> out;
  for (const ClassItem* i : items) out.push_back(i->code);
  return out;
}

TEST(ClassificationTest, FindByNameListsEveryCandidate) {
  EXPECT_EQ(Codes(Catalog().FindByName("卫生健康（类）", ClassLevel::kLei)),
            std::vector<std::string>{"210"});
  EXPECT_EQ(Codes(Catalog().FindByName("医疗卫生与计划生育支出")),
            std::vector<std::string>{"210"});
  EXPECT_EQ(Codes(Catalog().FindByName("住房公积金")),
            (std::vector<std::string>{"2210201", "30113", "30311", "50103"}));
  EXPECT_EQ(Codes(Catalog().FindByName("住房公积金", ClassLevel::kXiang)),
            std::vector<std::string>{"2210201"});
  EXPECT_EQ(Codes(Catalog().FindByName("其他支出", ClassLevel::kLei)),
            (std::vector<std::string>{"229", "399", "599"}));
  std::vector<const ClassItem*> admin =
      Catalog().FindByName("行政运行", ClassLevel::kXiang);
  EXPECT_GT(admin.size(), 30u);  // one per 款 with the pattern
  EXPECT_TRUE(Catalog().FindByName("火星探测").empty());
}

TEST(ClassificationTest, CanonicalNamesAndCodes) {
  struct Case {
    const char* in;
    const char* out;
  } names[] = {
      {"一般公共服务（类）", "一般公共服务"},
      {" 政府办公厅（室）及相关机构事务（款） ",
       "政府办公厅(室)及相关机构事务"},
      {"204 06 01 行政运行", "行政运行"},
      {"行政运行（01项）", "行政运行"},
      {"〔住房改革支出〕", "(住房改革支出)"},
  };
  for (const Case& c : names) {
    EXPECT_EQ(CanonicalClassName(c.in), c.out) << c.in;
  }
  struct CodeCase {
    const char* in;
    const char* out;
  } codes[] = {
      {"2010301", "2010301"},
      {"201 03 01", "2010301"},
      {"201-03-01", "2010301"},
      {"２０１", "201"},
      {"2010", ""},
      {"201a", ""},
      {"", ""},
  };
  for (const CodeCase& c : codes) {
    EXPECT_EQ(NormalizeClassCode(c.in), c.out) << c.in;
  }
}

TEST(ClassificationTest, EmbeddedCatalogIsConsistent) {
  const std::vector<ClassItem>& items = Catalog().items();
  ASSERT_FALSE(items.empty());
  size_t lei = 0, econ_dept = 0, econ_gov = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const ClassItem& item = items[i];
    if (i > 0) {
      EXPECT_LT(items[i - 1].code, item.code);
    }
    if (!item.parent_code.empty()) {
      EXPECT_NE(Catalog().Find(item.parent_code), nullptr) << item.code;
    }
    EXPECT_EQ(Catalog().NameMatches(item.code, item.name), NameMatch::kMatch)
        << item.code << " " << item.name;
    if (item.scheme == ClassScheme::kFunc && item.level == ClassLevel::kLei) {
      ++lei;
    }
    if (item.scheme == ClassScheme::kEconDept &&
        item.level == ClassLevel::kLei) {
      ++econ_dept;
    }
    if (item.scheme == ClassScheme::kEconGov &&
        item.level == ClassLevel::kLei) {
      ++econ_gov;
    }
  }
  EXPECT_EQ(lei, 30u);        // domain.md 3.2
  EXPECT_EQ(econ_dept, 10u);  // 301 302 303 307 309 310 311 312 313 399
  EXPECT_EQ(econ_gov, 15u);   // 501…514, 599
}

struct BadData {
  const char* what;
  const char* func;
  const char* message;
};

TEST(ClassificationTest, CorruptDataIsRejectedWithItsLine) {
  const std::string header =
      "code,level,name,status,items,since,until,former_names,aliases,source\n";
  const std::string econ =
      "code,level,name,scheme,status,block,since,until,former_names,aliases,"
      "source\n";
  const BadData cases[] = {
      {"level does not fit", "201,款,X,S,,,,,,\n", "level"},
      {"bad status", "201,类,X,Q,,,,,,\n", "status"},
      {"missing parent", "2010301,项,X,S,,,,,,\n", "no parent"},
      {"duplicate", "201,类,X,S,,,,,,\n201,类,Y,S,,,,,,\n", "duplicate"},
      {"econ code in func file", "301,类,X,S,,,,,,\n", "does not belong"},
      {"rule on a 类", "201,类,X,S,admin,,,,,\n", "items"},
      {"bad former name", "201,类,X,S,,,,Y@20x-,,\n", "former"},
  };
  for (const BadData& c : cases) {
    SCOPED_TRACE(c.what);
    Result<ClassificationCatalog> cat =
        ClassificationCatalog::Build(header + c.func, econ);
    ASSERT_FALSE(cat.ok());
    EXPECT_EQ(cat.status().code(), StatusCode::kCorrupt);
    EXPECT_NE(cat.status().message().find(c.message), std::string::npos)
        << cat.status().message();
  }
  Result<ClassificationCatalog> ok =
      ClassificationCatalog::Build(header +
                                       "201,类,一般公共服务支出,S,,,,,,\n"
                                       "20101,款,人大事务,S,admin,,,,,\n",
                                   econ);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->items().size(), 7u);  // 类, 款 and five implied 项
}

}  // namespace
}  // namespace budgetdoc
