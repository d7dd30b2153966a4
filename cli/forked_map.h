// ForkedMap: runs task(0..n-1) in up to `workers` forked children at once
// and brings back each task's bytes — for work that uses more than one core
// without threads (Poppler renders one page at a time per process) and that
// must not hang the caller: a child that sends nothing for `budget_ms` is
// killed and its unfinished tasks come back empty; a child that dies leaves
// its unfinished tasks empty. Tasks of one group (the crops of one page:
// the page is rendered once) go to the same child; groups are dealt to the
// children round robin in the order they first appear.
// When fork or pipe fails, the tasks run here, in order, without a budget.
//
// Call it from a single-threaded process (fork); the children never return.
// Tested by tests/cli/forked_map_test.cc.
#ifndef BUDGETDOC_CLI_FORKED_MAP_H_
#define BUDGETDOC_CLI_FORKED_MAP_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace budgetdoc {

struct ForkedMapOptions {
  int workers = 2;       // children at once (>= 1)
  int budget_ms = 5000;  // per task; <= 0: no budget
};

using ForkedTask = std::function<std::optional<std::string>(size_t task)>;

// One entry per task (groups.size() tasks), in task order; nullopt: the
// task gave nothing, timed out or its child died.
std::vector<std::optional<std::string>> ForkedMap(
    const std::vector<int>& groups, const ForkedTask& task,
    const ForkedMapOptions& options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_FORKED_MAP_H_
