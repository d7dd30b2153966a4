// Result<T>: either a value of type T or a non-OK Status. Shaped like
// absl::StatusOr. Copyable/movable when T is. Accessing value() of an error
// Result is a programming error and aborts.
// Tested by tests/base/status_test.cc.
#ifndef BUDGETDOC_BASE_RESULT_H_
#define BUDGETDOC_BASE_RESULT_H_

#include "base/status.h"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

namespace budgetdoc {

template <typename T>
class [[nodiscard]] Result {
 public:
  // REQUIRES: !status.ok()
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit
    if (status_.ok()) {
      status_ = Status::Internal("Result constructed from an OK status");
    }
  }
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  const T& value() const& { return Checked(); }
  T& value() & { return Checked(); }
  T&& value() && { return std::move(Checked()); }
  const T& operator*() const& { return Checked(); }
  T& operator*() & { return Checked(); }
  const T* operator->() const { return &Checked(); }
  T* operator->() { return &Checked(); }

 private:
  T& Checked() {
    if (!value_) Die();
    return *value_;
  }
  const T& Checked() const {
    if (!value_) Die();
    return *value_;
  }
  [[noreturn]] void Die() const {
    std::fprintf(stderr, "budgetdoc: value() of error Result: %s\n",
                 status_.ToString().c_str());
    std::abort();
  }

  Status status_;
  std::optional<T> value_;
};

}  // namespace budgetdoc

#define BUDGETDOC_CONCAT_INNER_(a, b) a##b
#define BUDGETDOC_CONCAT_(a, b) BUDGETDOC_CONCAT_INNER_(a, b)
#define BUDGETDOC_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                     \
  if (!tmp.ok()) return tmp.status();                    \
  lhs = std::move(tmp).value()
#define BUDGETDOC_ASSIGN_OR_RETURN(lhs, expr) \
  BUDGETDOC_ASSIGN_OR_RETURN_IMPL_(           \
      BUDGETDOC_CONCAT_(budgetdoc_result_, __LINE__), lhs, expr)

#endif  // BUDGETDOC_BASE_RESULT_H_
