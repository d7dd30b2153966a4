#include "cli/worker.h"

#include "base/file_io.h"
#include "cli/asan_build.h"
#include "cli/limits.h"
#include "extract/extract.h"
#include "output/json_writer.h"
#include "output/schema_json.h"
#include "output/store.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <optional>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace budgetdoc {
namespace {

// A child's result larger than this is refused (and the child killed).
constexpr size_t kMaxResultBytes = size_t{1} << 30;
// Kept from a child's stderr to explain a crash.
constexpr size_t kStderrTailBytes = 2048;

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - start)
      .count();
}

Json Millis(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", ms);
  return Json::Number(buf);
}

// The analysis of one document as the worker reports it: a status object
// ({"ok", "format" | "code", "error", "analyze_ms"}) and, when ok, the
// rows for the store.
struct Analyzed {
  Json status = Json::MakeObject();
  Json rows;
  std::optional<std::string> payload;  // WorkerOptions::payload's text
};

Analyzed AnalyzeForWorker(const std::string& path, std::string_view bytes,
                          const WorkerOptions& worker) {
  const PipelineOptions& options = worker.pipeline;
  auto start = std::chrono::steady_clock::now();
  PipelineOptions o = options;
  if (o.extract.source_name.empty()) o.extract.source_name = path;
  Result<Analysis> a = AnalyzeBytes(bytes, o);
  Analyzed out;
  if (!a.ok()) {
    out.status.Set("ok", Json::Bool(false));
    out.status.Set("code", Json::Str(ErrorKindName(a.status().code())));
    out.status.Set("error", Json::Str(a.status().message()));
  } else if (worker.payload) {
    out.status.Set("ok", Json::Bool(true));
    out.status.Set("format", Json::Str(FormatName(a->nd.doc.format)));
    out.payload = worker.payload(bytes, *a);
  } else {
    out.status.Set("ok", Json::Bool(true));
    out.status.Set("format", Json::Str(FormatName(a->nd.doc.format)));
    // Pages scanned or garbled: the document was read in part.
    size_t unreadable = UnreadablePages(a->nd.doc).size();
    out.status.Set("unreadable_pages",
                   Json::Int(static_cast<int64_t>(unreadable)));
    out.status.Set("partial", Json::Bool(unreadable > 0));
    out.rows = StoreRowsOf(*a);
  }
  out.status.Set("analyze_ms", Millis(MsSince(start)));
  return out;
}

// Everything the child does; never returns. `given` is the file content
// when the parent read it, nullopt when the child is to read it.
[[noreturn]] void ChildMain(int fd, pid_t parent, const std::string& path,
                            std::optional<std::string_view> given, int attempt,
                            const WorkerOptions& options) {
  // Die with the parent, even if it is SIGKILLed.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(1);
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  ApplyMemoryLimit(options.max_memory_mb);
  bool header_written = false;
  // Reports running out of memory without allocating.
  auto out_of_memory = [&] {
    if (!header_written) WriteAllToFd(fd, "{}\n");
    char buf[160];
    int n = std::snprintf(buf, sizeof(buf),
                          "{\"ok\":false,\"code\":\"out_of_memory\",\"error\":"
                          "\"out of memory (worker limit %d MiB)\"}",
                          options.max_memory_mb);
    WriteAllToFd(fd, std::string_view(buf, static_cast<size_t>(n)));
    _exit(0);
  };
  std::string owned;
  std::string_view bytes;
  std::string json;
  try {
    // The header line: what the parent needs even if the analysis crashes
    // (content hash, size, sniffed format), or {} when the parent knows it.
    if (given) {
      bytes = *given;
      if (!WriteAllToFd(fd, "{}\n")) _exit(1);
      header_written = true;
    } else {
      auto start = std::chrono::steady_clock::now();
      Result<std::string> read = ReadFile(path);
      if (!read.ok()) {
        Json j = Json::MakeObject();
        j.Set("ok", Json::Bool(false));
        j.Set("code",
              Json::Str(read.status().code() == StatusCode::kResourceExhausted
                            ? "too_large"
                            : "unreadable"));
        j.Set("error", Json::Str(read.status().message()));
        _exit(WriteAllToFd(fd, "{}\n" + j.Dump()) ? 0 : 1);
      }
      owned = std::move(read).value();
      bytes = owned;
      Json header = Json::MakeObject();
      header.Set("sha256", Json::Str(Sha256Hex(bytes)));
      header.Set("size", Json::Int(static_cast<int64_t>(bytes.size())));
      header.Set("sniffed_format",
                 Json::Str(SniffedFormatName(SniffFormat(bytes))));
      header.Set("read_ms", Millis(MsSince(start)));
      if (!WriteAllToFd(fd, header.Dump() + "\n")) _exit(1);
      header_written = true;
    }

    if (options.hook != nullptr)
      options.hook->BeforeAnalyze(path, attempt, options);
    Analyzed result = AnalyzeForWorker(path, bytes, options);
    json = result.status.Dump();
    if (result.payload) {
      json += "\n";
      json += *result.payload;
    } else if (!result.rows.is_null()) {
      json += "\n";
      json += result.rows.Dump();
    }
  } catch (const std::bad_alloc&) {
    out_of_memory();
  } catch (const std::exception& e) {
    std::string msg = header_written ? "" : "{}\n";
    msg += "{\"ok\":false,\"code\":\"internal\",\"error\":";
    AppendJsonString(std::string("internal error: ") + e.what(), &msg);
    msg += "}";
    WriteAllToFd(fd, msg);
    _exit(0);
  }
  _exit(WriteAllToFd(fd, json) ? 0 : 1);
}

std::string LastLine(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  size_t nl = text.find_last_of('\n');
  if (nl != std::string_view::npos) text.remove_prefix(nl + 1);
  return std::string(text.substr(0, 300));
}

bool LooksLikeOutOfMemory(const std::string& stderr_tail) {
  std::string lower = stderr_tail;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return lower.find("bad_alloc") != std::string::npos ||
         lower.find("out of memory") != std::string::npos ||
         lower.find("cannot allocate memory") != std::string::npos;
}

}  // namespace

Json StoreRowsOf(const Analysis& a) {
  Json full = Json::MakeObject();
  full.Set("title",
           a.ex.meta.title.empty() ? Json::Null() : Json::Str(a.ex.meta.title));
  full.Set("extraction", ExtractionToJson(a.nd, a.ex));
  full.Set("checks", CheckReportToJson(a.report));
  Json notes = Json::MakeArray();
  for (const auto* list :
       {&a.nd.doc.findings, &a.nd.findings, &a.ex.findings}) {
    for (const Finding& f : *list) notes.Push(FindingToJson(f));
  }
  full.Set("notes", std::move(notes));
  return StoreRowsFromResult(full);
}

struct WorkerPool::Worker {
  size_t id = 0;
  int attempt = 1;
  pid_t pid = -1;
  std::string path;
  int out_fd = -1;  // the result pipe
  int err_fd = -1;  // the child's stderr
  std::string out;
  std::string err_tail;
  Clock::time_point start;
  Clock::time_point deadline;
  bool timed_out = false;
  bool too_large = false;
  bool reaped = false;
  int wait_status = 0;
  struct rusage usage {};
};

WorkerPool::WorkerPool(WorkerOptions options) : options_(std::move(options)) {}

WorkerPool::~WorkerPool() {
  for (auto& [pid, w] : workers_) {
    if (!w.reaped) {
      kill(w.pid, SIGKILL);
      TryReap(w, /*block=*/true);
    }
    if (w.out_fd >= 0) close(w.out_fd);
    if (w.err_fd >= 0) close(w.err_fd);
  }
}

Status WorkerPool::Launch(size_t id, const std::string& path,
                          std::optional<std::string_view> bytes, int attempt) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    return Status::IoError(std::string("pipe: ") + std::strerror(errno));
  }
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    int e = errno;
    close(out_pipe[0]);
    close(out_pipe[1]);
    return Status::IoError(std::string("pipe: ") + std::strerror(e));
  }
  pid_t parent = getpid();
  std::fflush(nullptr);  // nothing buffered is written twice
  Clock::time_point start = Clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      close(fd);
    }
    return Status::IoError(std::string("fork: ") + std::strerror(e));
  }
  if (pid == 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    dup2(err_pipe[1], STDERR_FILENO);
    close(err_pipe[1]);
    // Other workers' pipes inherited from the parent are not ours.
    for (const auto& [other_pid, w] : workers_) {
      if (w.out_fd >= 0) close(w.out_fd);
      if (w.err_fd >= 0) close(w.err_fd);
    }
    ChildMain(out_pipe[1], parent, path, bytes, attempt, options_);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  for (int fd : {out_pipe[0], err_pipe[0]}) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  Worker w;
  w.id = id;
  w.attempt = attempt;
  w.pid = pid;
  w.path = path;
  w.out_fd = out_pipe[0];
  w.err_fd = err_pipe[0];
  w.start = start;
  w.deadline = w.start + std::chrono::seconds(options_.timeout_sec);
  workers_.emplace(pid, std::move(w));
  return Status::Ok();
}

bool WorkerPool::TryReap(Worker& w, bool block) {
  if (w.reaped) return true;
  for (;;) {
    pid_t r = wait4(w.pid, &w.wait_status, block ? 0 : WNOHANG, &w.usage);
    if (r == w.pid) {
      w.reaped = true;
      return true;
    }
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {  // not our child any more (cannot happen); treat as gone
      w.reaped = true;
      w.wait_status = 0;
      return true;
    }
    return false;
  }
}

std::vector<WorkerResult> WorkerPool::Wait(int max_wait_ms) {
  std::vector<WorkerResult> done;
  Clock::time_point wait_end =
      Clock::now() + std::chrono::milliseconds(max_wait_ms);
  for (;;) {
    // Finished, timed out or oversized workers.
    Clock::time_point now = Clock::now();
    std::vector<pid_t> finished;
    for (auto& [pid, w] : workers_) {
      if (!w.reaped && (now >= w.deadline || w.too_large)) {
        w.timed_out = !w.too_large;
        kill(w.pid, SIGKILL);
        TryReap(w, /*block=*/true);
      }
      if (!w.reaped && w.out_fd < 0 && w.err_fd < 0) TryReap(w, false);
      if (w.reaped) finished.push_back(pid);
    }
    for (pid_t pid : finished) {
      auto it = workers_.find(pid);
      done.push_back(Finish(it->second));
      workers_.erase(it);
    }
    now = Clock::now();
    if (!done.empty() || workers_.empty() || now >= wait_end) return done;

    // Sleep in poll() until output arrives, a deadline passes or the wait
    // ends; a short nap while a child with closed pipes is being reaped.
    Clock::time_point until = wait_end;
    std::vector<pollfd> fds;
    std::vector<std::pair<Worker*, bool>> owners;  // worker, is the result fd
    bool reaping = false;
    for (auto& [pid, w] : workers_) {
      until = std::min(until, w.deadline);
      if (w.out_fd >= 0) {
        fds.push_back({w.out_fd, POLLIN, 0});
        owners.push_back({&w, true});
      }
      if (w.err_fd >= 0) {
        fds.push_back({w.err_fd, POLLIN, 0});
        owners.push_back({&w, false});
      }
      if (w.out_fd < 0 && w.err_fd < 0) reaping = true;
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(until - now)
                  .count() +
              1;
    int timeout = static_cast<int>(std::clamp<int64_t>(ms, 0, 1000));
    if (reaping) timeout = std::min(timeout, 2);
    int n = poll(fds.data(), fds.size(), timeout);
    if (n < 0 && errno != EINTR) return done;
    for (size_t i = 0; n > 0 && i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      Worker& w = *owners[i].first;
      bool is_out = owners[i].second;
      int& fd = is_out ? w.out_fd : w.err_fd;
      char buf[65536];
      for (;;) {
        ssize_t got = read(fd, buf, sizeof(buf));
        if (got > 0) {
          if (is_out) {
            w.out.append(buf, static_cast<size_t>(got));
            if (w.out.size() > kMaxResultBytes) {
              w.too_large = true;
              break;
            }
          } else {
            w.err_tail.append(buf, static_cast<size_t>(got));
            if (w.err_tail.size() > 2 * kStderrTailBytes) {
              w.err_tail.erase(0, w.err_tail.size() - kStderrTailBytes);
            }
          }
          continue;
        }
        if (got < 0 && errno == EINTR) continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        close(fd);  // end of file (or an error: nothing more will come)
        fd = -1;
        break;
      }
    }
  }
}

WorkerResult WorkerPool::Finish(Worker& w) {
  if (w.out_fd >= 0) {
    close(w.out_fd);
    w.out_fd = -1;
  }
  if (w.err_fd >= 0) {
    close(w.err_fd);
    w.err_fd = -1;
  }
  WorkerResult r;
  r.id = w.id;
  r.attempt = w.attempt;
  r.wall_ms = MsSince(w.start);
  r.peak_rss_kb = w.usage.ru_maxrss;
  // The header line, when the child got that far.
  std::string_view body;
  size_t nl = w.out.find('\n');
  if (nl != std::string::npos) {
    Result<Json> header = Json::Parse(std::string_view(w.out).substr(0, nl));
    if (header.ok() && header->type() == Json::Type::kObject) {
      if (const Json* v = header->Find("sha256")) r.sha256 = v->text();
      if (const Json* v = header->Find("size")) {
        r.size = std::strtoll(v->text().c_str(), nullptr, 10);
      }
      if (const Json* v = header->Find("sniffed_format")) {
        r.sniffed_format = v->text();
      }
      if (const Json* v = header->Find("read_ms")) {
        r.read_ms = std::strtod(v->text().c_str(), nullptr);
      }
    }
    body = std::string_view(w.out).substr(nl + 1);
  }
  std::string stderr_line = LastLine(w.err_tail);
  auto with_stderr = [&](std::string msg) {
    if (!stderr_line.empty()) msg += " (stderr: " + stderr_line + ")";
    return msg;
  };
  if (w.timed_out) {
    r.error_kind = "timeout";
    r.error = "timeout: no result after " +
              std::to_string(options_.timeout_sec) +
              " s; worker killed with SIGKILL";
    return r;
  }
  if (w.too_large) {
    r.error_kind = "worker";
    r.error = "worker result larger than " +
              std::to_string(kMaxResultBytes >> 20) + " MiB; worker killed";
    return r;
  }
  if (WIFSIGNALED(w.wait_status)) {
    int sig = WTERMSIG(w.wait_status);
    const char* name = strsignal(sig);
    std::string desc = "signal " + std::to_string(sig) + " (" +
                       (name != nullptr ? name : "?") + ")";
    if (sig == SIGKILL) {
      r.error_kind = "killed";
      r.error = with_stderr("worker killed by " + desc +
                            " that budgetdoc did not send (the system's "
                            "out-of-memory killer, or an operator)");
    } else if (LooksLikeOutOfMemory(w.err_tail)) {
      r.error_kind = "out_of_memory";
      r.error = with_stderr("worker ran out of memory (limit " +
                            std::to_string(options_.max_memory_mb) +
                            " MiB) and died with " + desc);
    } else {
      r.error_kind = "crash";
      r.error = with_stderr("worker crashed: " + desc);
    }
    return r;
  }
  int code = WIFEXITED(w.wait_status) ? WEXITSTATUS(w.wait_status) : -1;
  // The status line, then (when ok) the rows.
  std::string_view rows_text;
  if (size_t nl2 = body.find('\n'); nl2 != std::string_view::npos) {
    rows_text = body.substr(nl2 + 1);
    body = body.substr(0, nl2);
  }
  Result<Json> parsed = Json::Parse(body);
  if (code != 0 || !parsed.ok() || parsed->type() != Json::Type::kObject) {
    r.error_kind =
        LooksLikeOutOfMemory(w.err_tail) ? "out_of_memory" : "worker";
    r.error = with_stderr(
        code != 0 ? "worker exited with status " + std::to_string(code)
                  : "worker result is not readable: " +
                        (parsed.ok() ? std::string("not an object")
                                     : parsed.status().message()));
    return r;
  }
  Json j = std::move(parsed).value();
  if (const Json* ms = j.Find("analyze_ms")) {
    r.analyze_ms = std::strtod(ms->text().c_str(), nullptr);
  }
  const Json* ok = j.Find("ok");
  if (ok != nullptr && ok->type() == Json::Type::kBool && ok->as_bool() &&
      options_.payload) {
    r.ok = true;
    if (const Json* f = j.Find("format")) r.format = f->text();
    r.payload = std::string(rows_text);
    return r;
  }
  if (ok != nullptr && ok->type() == Json::Type::kBool && ok->as_bool()) {
    Result<Json> rows = Json::Parse(rows_text);
    if (!rows.ok() || rows->type() != Json::Type::kObject) {
      r.error_kind = "worker";
      r.error =
          "worker rows are not readable: " +
          (rows.ok() ? std::string("not an object") : rows.status().message());
      return r;
    }
    r.ok = true;
    if (const Json* f = j.Find("format")) r.format = f->text();
    if (const Json* u = j.Find("unreadable_pages")) {
      r.unreadable_pages = std::strtol(u->text().c_str(), nullptr, 10);
    }
    r.rows = std::move(rows).value();
    return r;
  }
  const Json* code_name = j.Find("code");
  const Json* error = j.Find("error");
  r.error_kind = code_name != nullptr ? code_name->text() : "worker";
  r.error = error != nullptr ? error->text() : "worker reported a failure";
  return r;
}

}  // namespace budgetdoc
