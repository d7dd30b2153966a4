#include "cli/forked_map.h"

#include "base/file_io.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <map>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace budgetdoc {
namespace {

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

uint32_t GetU32(std::string_view s) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<uint32_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return v;
}

// A frame: task index, 1 if a result follows, its length, its bytes.
[[noreturn]] void ChildMain(int fd, const std::vector<size_t>& mine,
                            const ForkedTask& task) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  for (size_t t : mine) {
    std::optional<std::string> r = task(t);
    std::string frame;
    PutU32(static_cast<uint32_t>(t), &frame);
    PutU32(r ? 1 : 0, &frame);
    PutU32(r ? static_cast<uint32_t>(r->size()) : 0, &frame);
    if (r) frame += *r;
    if (!WriteAllToFd(fd, frame)) _exit(1);
  }
  _exit(0);
}

struct Child {
  pid_t pid = -1;
  int fd = -1;
  std::string buf;
  std::chrono::steady_clock::time_point deadline;
  bool done = false;
};

}  // namespace

std::vector<std::optional<std::string>> ForkedMap(
    const std::vector<int>& groups, const ForkedTask& task,
    const ForkedMapOptions& options) {
  const size_t n = groups.size();
  std::vector<std::optional<std::string>> out(n);
  if (n == 0) return out;
  // Deal the groups to the workers.
  std::map<int, size_t> worker_of;
  size_t workers = static_cast<size_t>(std::max(options.workers, 1));
  std::vector<std::vector<size_t>> share(workers);
  for (size_t t = 0; t < n; ++t) {
    auto [it, added] = worker_of.emplace(groups[t], worker_of.size() % workers);
    share[it->second].push_back(t);
  }
  std::erase_if(share, [](const std::vector<size_t>& s) { return s.empty(); });
  using Clock = std::chrono::steady_clock;
  auto budget = std::chrono::milliseconds(options.budget_ms);
  std::vector<Child> children;
  for (const std::vector<size_t>& mine : share) {
    int fds[2];
    pid_t pid = -1;
    if (pipe(fds) == 0) {
      pid = fork();
      if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
      }
    }
    if (pid < 0) {  // no pipe or no fork: here, in order
      for (size_t t : mine) out[t] = task(t);
      continue;
    }
    if (pid == 0) {
      close(fds[0]);
      for (const Child& c : children) close(c.fd);
      ChildMain(fds[1], mine, task);
    }
    close(fds[1]);
    Child c;
    c.pid = pid;
    c.fd = fds[0];
    c.deadline = Clock::now() + budget;
    children.push_back(std::move(c));
  }
  for (;;) {
    std::vector<pollfd> fds;
    std::vector<Child*> polled;
    int wait_ms = -1;
    Clock::time_point now = Clock::now();
    for (Child& c : children) {
      if (c.done) continue;
      if (options.budget_ms > 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        c.deadline - now)
                        .count();
        if (left <= 0) {  // stalled: its unfinished tasks stay empty
          kill(c.pid, SIGKILL);
          c.done = true;
          continue;
        }
        wait_ms = wait_ms < 0 ? static_cast<int>(left)
                              : std::min(wait_ms, static_cast<int>(left));
      }
      fds.push_back({c.fd, POLLIN, 0});
      polled.push_back(&c);
    }
    if (fds.empty()) break;
    int ready = poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR) break;
    for (size_t i = 0; ready > 0 && i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      Child& c = *polled[i];
      char chunk[65536];
      ssize_t got = ::read(c.fd, chunk, sizeof chunk);
      if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (got <= 0) {
        c.done = true;
        continue;
      }
      c.buf.append(chunk, static_cast<size_t>(got));
      while (c.buf.size() >= 12) {
        uint32_t t = GetU32(c.buf);
        uint32_t has = GetU32(std::string_view(c.buf).substr(4));
        uint32_t len = GetU32(std::string_view(c.buf).substr(8));
        if (c.buf.size() < 12 + static_cast<size_t>(len)) break;
        if (t < n && has == 1) out[t] = c.buf.substr(12, len);
        c.buf.erase(0, 12 + static_cast<size_t>(len));
        c.deadline = Clock::now() + budget;
      }
    }
  }
  for (Child& c : children) {
    close(c.fd);
    int status = 0;
    while (waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  return out;
}

}  // namespace budgetdoc
