// Tested by tests/cli/convert_test.cc.
#include "cli/convert.h"

#include "base/file_io.h"
#include "cli/asan_build.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace budgetdoc {
namespace {

namespace fs = std::filesystem;

bool IsExecutable(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         ::access(path.c_str(), X_OK) == 0;
}

// The program on PATH, or "".
std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  size_t begin = 0;
  while (begin <= dirs.size()) {
    size_t end = dirs.find(':', begin);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(begin, end - begin);
    if (!dir.empty() && IsExecutable(dir + "/" + name)) return dir + "/" + name;
    begin = end + 1;
  }
  return "";
}

// Removes the directory tree when it goes out of scope.
class TempDir {
 public:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

[[noreturn]] void ConverterChild(const std::vector<std::string>& argv,
                                 const std::string& dir, pid_t parent,
                                 int max_memory_mb) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);
  setpgid(0, 0);
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
#ifndef BUDGETDOC_ASAN_BUILD
  if (max_memory_mb > 0) {
    rlim_t limit = static_cast<rlim_t>(max_memory_mb) << 20;
    struct rlimit as;
    if (getrlimit(RLIMIT_AS, &as) == 0 &&
        (as.rlim_max == RLIM_INFINITY || limit < as.rlim_max)) {
      as.rlim_cur = as.rlim_max = limit;
      setrlimit(RLIMIT_AS, &as);
    }
  }
#else
  (void)max_memory_mb;
#endif
  int null = open("/dev/null", O_RDWR);
  int log = open((dir + "/converter.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                 0600);
  if (null >= 0) dup2(null, STDIN_FILENO);
  if (log >= 0) {
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
  }
  if (chdir(dir.c_str()) != 0) _exit(127);
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // A private HOME: LibreOffice writes there even with its own profile.
  setenv("HOME", dir.c_str(), 1);
  execv(args[0], args.data());
  _exit(127);
}

}  // namespace

Result<std::string> ConvertToDocx(std::string_view bytes,
                                  const ConvertOptions& options) {
  std::string soffice = options.soffice;
  if (soffice.empty()) soffice = FindOnPath("soffice");
  if (soffice.empty()) soffice = FindOnPath("libreoffice");
  if (soffice.empty() || !IsExecutable(soffice)) {
    return Status::Unsupported(
        "legacy Word document (.doc/.wps): converting it needs LibreOffice, "
        "which is not installed; install the Debian package " +
        std::string(kConverterPackage) + " (or save the file as .docx)");
  }
  std::string parent = options.temp_dir;
  if (parent.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    parent = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
  }
  std::string pattern = parent + "/budgetdoc-convert-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) {
    return Status::IoError("convert: cannot create a temporary directory in " +
                           parent + ": " + std::strerror(errno));
  }
  TempDir dir(buf.data());
  const std::string input = dir.path() + "/input.doc";
  {
    std::ofstream f(input, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) return Status::IoError("convert: cannot write " + input);
  }
  std::vector<std::string> argv = {
      soffice,
      "-env:UserInstallation=file://" + dir.path() + "/profile",
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "docx:MS Word 2007 XML",
      "--outdir",
      dir.path() + "/out",
      input};
  pid_t self = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    return Status::IoError(std::string("convert: fork failed: ") +
                           std::strerror(errno));
  }
  if (pid == 0) ConverterChild(argv, dir.path(), self, options.max_memory_mb);
  setpgid(pid, pid);  // also in the parent: no race with the kill below
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::seconds(std::max(1, options.timeout_sec));
  int status = 0;
  bool timed_out = false;
  while (true) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // helpers LibreOffice left behind
  if (timed_out) {
    return Status::ResourceExhausted(
        "convert: LibreOffice did not finish within " +
        std::to_string(options.timeout_sec) + " s");
  }
  Result<std::string> docx = ReadFile(dir.path() + "/out/input.docx");
  if (!docx.ok() || docx->empty()) {
    std::string why =
        WIFSIGNALED(status)
            ? "killed by signal " + std::to_string(WTERMSIG(status))
            : "exit code " + std::to_string(WEXITSTATUS(status));
    return Status::Corrupt(
        "legacy Word document: LibreOffice could not convert it (" + why +
        "): damaged, or not a document LibreOffice reads");
  }
  return docx;
}

void UseLibreOffice(const ConvertOptions& convert, ExtractOptions* options) {
  options->convert_to_docx = [convert](std::string_view bytes) {
    return ConvertToDocx(bytes, convert);
  };
}

}  // namespace budgetdoc
