// ForkedMap (cli/forked_map.h): results come back in task order from
// several children, a group stays in one child, a stalled child loses only
// its own unfinished tasks, a dying child leaves its tasks empty.
#include "cli/forked_map.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>
#include <unistd.h>

namespace budgetdoc {
namespace {

TEST(ForkedMapTest, ResultsComeBackInTaskOrderFromSeveralChildren) {
  std::vector<int> groups = {1, 1, 2, 3, 3, 4, 5};
  ForkedMapOptions options;
  options.workers = 3;
  std::vector<std::optional<std::string>> out = ForkedMap(
      groups,
      [](size_t t) -> std::optional<std::string> {
        if (t == 4) return std::nullopt;  // a task that gives nothing
        return std::string(t * 1000, static_cast<char>('a' + t));
      },
      options);
  ASSERT_EQ(out.size(), groups.size());
  for (size_t t = 0; t < out.size(); ++t) {
    if (t == 4) {
      EXPECT_FALSE(out[t].has_value());
      continue;
    }
    ASSERT_TRUE(out[t].has_value()) << t;
    EXPECT_EQ(*out[t], std::string(t * 1000, static_cast<char>('a' + t)));
  }
}

TEST(ForkedMapTest, TheTasksOfOneGroupRunInOneChild) {
  std::vector<int> groups = {7, 8, 7, 8, 7};
  std::vector<std::optional<std::string>> out =
      ForkedMap(groups,
                [](size_t) -> std::optional<std::string> {
                  return std::to_string(getpid());
                },
                {});
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0], out[2]);
  EXPECT_EQ(out[0], out[4]);
  EXPECT_EQ(out[1], out[3]);
  EXPECT_NE(out[0], out[1]);  // two workers: two children
  EXPECT_NE(*out[0], std::to_string(getpid()));
}

TEST(ForkedMapTest, AStalledChildLosesOnlyItsUnfinishedTasks) {
  std::vector<int> groups = {1, 2, 1, 2};
  // A budget far above what the quick tasks need even on a loaded machine
  // (the stalled one sleeps much longer).
  ForkedMapOptions options;
  options.budget_ms = 3000;
  std::vector<std::optional<std::string>> out = ForkedMap(
      groups,
      [](size_t t) -> std::optional<std::string> {
        if (t == 2) std::this_thread::sleep_for(std::chrono::seconds(60));
        return "ok" + std::to_string(t);
      },
      options);
  EXPECT_EQ(out[0], std::optional<std::string>("ok0"));
  EXPECT_EQ(out[1], std::optional<std::string>("ok1"));
  EXPECT_FALSE(out[2].has_value());
  EXPECT_EQ(out[3], std::optional<std::string>("ok3"));
}

TEST(ForkedMapTest, AChildThatDiesLeavesItsTasksEmpty) {
  std::vector<int> groups = {1, 2, 1};
  std::vector<std::optional<std::string>> out =
      ForkedMap(groups,
                [](size_t t) -> std::optional<std::string> {
                  if (t == 2) raise(SIGSEGV);
                  return "ok" + std::to_string(t);
                },
                {});
  EXPECT_EQ(out[0], std::optional<std::string>("ok0"));
  EXPECT_EQ(out[1], std::optional<std::string>("ok1"));
  EXPECT_FALSE(out[2].has_value());
}

TEST(ForkedMapTest, NoTasksGiveNoResults) {
  EXPECT_TRUE(
      ForkedMap({}, [](size_t) { return std::optional<std::string>(); }, {})
          .empty());
}

}  // namespace
}  // namespace budgetdoc
