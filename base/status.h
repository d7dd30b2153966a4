// Status: the outcome of an operation that can fail as a whole (one document,
// one write). A Status is either OK or carries a code and a message; context
// is prefixed as it moves up the stack ("report.docx: ooxml: table 3: ...").
// Copyable and movable; const methods are safe to call from several threads.
// Tested by tests/base/status_test.cc.
#ifndef BUDGETDOC_BASE_STATUS_H_
#define BUDGETDOC_BASE_STATUS_H_

#include <string>
#include <string_view>

namespace budgetdoc {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kCorrupt,
  kUnsupported,
  kIoError,
  kResourceExhausted,  // a safety limit was hit (size, depth, ratio, time)
  kInternal,
};

// Stable lowercase name of a code ("corrupt"), used in messages and output.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(StatusCode::kInvalidArgument, msg);
  }
  static Status NotFound(std::string_view msg) {
    return Status(StatusCode::kNotFound, msg);
  }
  static Status Corrupt(std::string_view msg) {
    return Status(StatusCode::kCorrupt, msg);
  }
  static Status Unsupported(std::string_view msg) {
    return Status(StatusCode::kUnsupported, msg);
  }
  static Status IoError(std::string_view msg) {
    return Status(StatusCode::kIoError, msg);
  }
  static Status ResourceExhausted(std::string_view msg) {
    return Status(StatusCode::kResourceExhausted, msg);
  }
  static Status Internal(std::string_view msg) {
    return Status(StatusCode::kInternal, msg);
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "where: <message>". OK stays OK.
  Status WithContext(std::string_view where) const;

  // "corrupt: <message>", or "ok".
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string_view msg) : code_(code), message_(msg) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace budgetdoc

#define BUDGETDOC_RETURN_IF_ERROR(expr)                    \
  do {                                                     \
    ::budgetdoc::Status budgetdoc_status_ = (expr);        \
    if (!budgetdoc_status_.ok()) return budgetdoc_status_; \
  } while (0)

#endif  // BUDGETDOC_BASE_STATUS_H_
