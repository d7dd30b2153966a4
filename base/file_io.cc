#include "base/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace budgetdoc {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};

}  // namespace

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    return Status::IoError(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::IoError(path + ": is a directory");
  if (!S_ISREG(st.st_mode))
    return Status::IoError(path + ": not a regular file");
  if (static_cast<size_t>(st.st_size) > max_bytes) {
    return Status::ResourceExhausted(
        path + ": file is " + std::to_string(st.st_size) +
        " bytes, above the limit of " + std::to_string(max_bytes));
  }
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
  if (!f) return Status::IoError(path + ": " + std::strerror(errno));
  std::string data;
  data.resize(static_cast<size_t>(st.st_size));
  size_t n =
      data.empty() ? 0 : std::fread(data.data(), 1, data.size(), f.get());
  if (n != data.size()) return Status::IoError(path + ": short read");
  return data;
}

Result<std::string> ReadStream(std::istream& in, const std::string& name,
                               size_t max_bytes) {
  std::string data;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof(buf));
    size_t got = static_cast<size_t>(in.gcount());
    if (data.size() + got > max_bytes) {
      return Status::ResourceExhausted(name + ": more than " +
                                       std::to_string(max_bytes) +
                                       " bytes, above the limit");
    }
    data.append(buf, got);
  }
  if (in.bad()) return Status::IoError(name + ": read failed");
  return data;
}

Status WriteFileAtomically(const std::string& path, std::string_view data) {
  std::string tmp = path + ".tmp";
  {
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(tmp.c_str(), "wb"));
    if (!f) return Status::IoError(tmp + ": " + std::strerror(errno));
    if (!data.empty() &&
        std::fwrite(data.data(), 1, data.size(), f.get()) != data.size()) {
      return Status::IoError(tmp + ": write failed");
    }
    if (std::fflush(f.get()) != 0)
      return Status::IoError(tmp + ": flush failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::IoError(path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

bool WriteAllToFd(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace budgetdoc
