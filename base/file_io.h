// ReadFile and ReadStream: the only input-side file access. Read a whole
// regular file (or stream) into memory, refusing anything above max_bytes.
// Tested by tests/base/file_io_test.cc.
#ifndef BUDGETDOC_BASE_FILE_IO_H_
#define BUDGETDOC_BASE_FILE_IO_H_

#include "base/result.h"

#include <cstddef>
#include <istream>
#include <string>

namespace budgetdoc {

inline constexpr size_t kDefaultMaxFileBytes = size_t{512} << 20;  // 512 MiB

Result<std::string> ReadFile(const std::string& path,
                             size_t max_bytes = kDefaultMaxFileBytes);

// Reads a stream to its end (standard input), refusing anything above
// max_bytes. `name` ("<stdin>") starts every error message.
Result<std::string> ReadStream(std::istream& in, const std::string& name,
                               size_t max_bytes = kDefaultMaxFileBytes);

// Writes `data` to `path` atomically (temp file + rename).
Status WriteFileAtomically(const std::string& path, std::string_view data);

// Writes all of `data` to a file descriptor (a pipe to a parent process),
// retrying after interrupts and short writes; false on an error.
// Async-signal-safe: allocates nothing.
bool WriteAllToFd(int fd, std::string_view data);

}  // namespace budgetdoc

#endif  // BUDGETDOC_BASE_FILE_IO_H_
