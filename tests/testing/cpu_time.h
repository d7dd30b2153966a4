// CpuTime: the process's CPU time, for tests that must show an input is
// rejected without doing the work it asks for (a zip bomb is not inflated,
// an entity bomb not expanded). CPU time does not grow when the machine is
// loaded, so these bounds do not race other processes the way wall-clock
// bounds do; speed itself is measured by scripts/bench, never by tests.
#ifndef BUDGETDOC_TESTS_TESTING_CPU_TIME_H_
#define BUDGETDOC_TESTS_TESTING_CPU_TIME_H_

#include <ctime>

namespace budgetdoc::testing {

class CpuTimer {
 public:
  CpuTimer() : start_(std::clock()) {}
  double Millis() const {
    return 1000.0 * static_cast<double>(std::clock() - start_) / CLOCKS_PER_SEC;
  }

 private:
  std::clock_t start_;
};

// A generous CPU budget for "rejected without doing the work": the honest
// cases take a few milliseconds, the work itself would take seconds.
inline constexpr double kRejectCpuBudgetMs = 3000.0;

}  // namespace budgetdoc::testing

#endif  // BUDGETDOC_TESTS_TESTING_CPU_TIME_H_
