#include "base/status.h"

#include "base/result.h"

#include <gtest/gtest.h>

namespace budgetdoc {
namespace {

TEST(StatusTest, DefaultIsOk) { EXPECT_TRUE(Status().ok()); }

TEST(StatusTest, WithContextPrefixesTheLocation) {
  Status s = Status::Corrupt("bad magic").WithContext("a.pdf");
  EXPECT_EQ(s.code(), StatusCode::kCorrupt);
  EXPECT_EQ(s.message(), "a.pdf: bad magic");
  EXPECT_EQ(s.ToString(), "corrupt: a.pdf: bad magic");
}

TEST(StatusTest, WithContextKeepsOkAsOk) {
  EXPECT_TRUE(Status::Ok().WithContext("x").ok());
}

Result<int> Half(int v) {
  if (v % 2 != 0) return Status::InvalidArgument("odd");
  return v / 2;
}

Result<int> Quarter(int v) {
  BUDGETDOC_ASSIGN_OR_RETURN(int h, Half(v));
  BUDGETDOC_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(ResultTest, AssignOrReturnPropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "odd");
}

TEST(ResultTest, ConstructingFromOkStatusBecomesInternalError) {
  Result<int> r = Status::Ok();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace budgetdoc
