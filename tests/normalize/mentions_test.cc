#include "normalize/mentions.h"

#include "normalize/text.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

std::string Dump(std::string_view raw) {
  std::string out;
  for (const Mention& m : FindMentions(NormalizeText(raw).text)) {
    out += std::string(MentionKindName(m.kind)) + ":" + m.value.ToString() +
           m.unit + (m.percent_sign_missing ? "(no%)" : "") + " ";
  }
  return out;
}

TEST(MentionsTest, FindsAmountsPercentagesAndCountsWithExactValues) {
  struct Case {
    std::string_view in, out;
  } cases[] = {
      {"收入1,889.05万元", "amount:1889.05万元 "},
      {"收入1889.05 万元", "amount:1889.05万元 "},
      {"补助０．３万元", "amount:0.3万元 "},
      {"完成36.6%，下降-3.41%", "percent:36.6% percent:-3.41% "},
      {"完成98.5 %", "percent:98.5% "},
      {"预算0万元", "amount:0万元 "},
      {"基本支出占 76.23，项目支出", "percent:76.23(no%) "},
      {"收、支总计各是4125.49,4143.91万元",
       "amount:4125.49万元 amount:4143.91万元 "},
      {"共11个股室，1辆，6批次，91人次",
       "count:11个 count:1辆 count:6批次 count:91人次 "},
      {"两辆轿车，十二个项目", "count:2辆 count:12个 "},
      {"总额171,915,169元", "amount:171915169元 "},
      {"决算数为1889.05，完成预算100%", "bare:1889.05 percent:100% "},
      // The full-width comma as a thousands separator is one number; a list
      // joined by it is not.
      {"（项）3，518.85万元，主要用于", "amount:3518.85万元 "},
      {"合计1，234，567元", "amount:1234567元 "},
      {"分别为12，15万元", "amount:12万元 amount:15万元 "},
      {"分别为3，518万元", "amount:3万元 amount:518万元 "},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.in), c.out) << c.in;
}

TEST(MentionsTest, CodesYearsAndDatesAreNotMentions) {
  for (std::string_view in :
       {"2010301行政运行", "2023年度", "截至2023年12月31日", "201 03 01",
        "第3页", "D-02-08号地块"}) {
    EXPECT_EQ(Dump(in), "") << in;
  }
}

TEST(MentionsTest, KeepsPrintedScaleAndSpan) {
  std::string text = NormalizeText("项目支出691.5万元，占36.6%").text;
  std::vector<Mention> m = FindMentions(text);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].value.scale(), 1);
  EXPECT_EQ(text.substr(static_cast<size_t>(m[0].begin),
                        static_cast<size_t>(m[0].end - m[0].begin)),
            "691.5万元");
  EXPECT_EQ(m[1].value.ToString(), "36.6");
}

}  // namespace
}  // namespace budgetdoc
