#include "cli/limits.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define BUDGETDOC_ASAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BUDGETDOC_ASAN_BUILD 1
#endif
#endif

namespace budgetdoc {
namespace {

// The message the SIGALRM handler writes. A signal handler can only reach
// static storage, and may only call async-signal-safe functions (write,
// _exit), so the text is copied here before the alarm is armed: the one
// mutable global of the CLI, owned by ScopedDeadline.
char g_deadline_message[1024];
size_t g_deadline_length = 0;

void OnDeadline(int) {
  ssize_t ignored = write(STDERR_FILENO, g_deadline_message, g_deadline_length);
  (void)ignored;
  _exit(2);
}

}  // namespace

bool ApplyMemoryLimit(int max_memory_mb) {
#ifdef BUDGETDOC_ASAN_BUILD
  (void)max_memory_mb;
  return true;
#else
  if (max_memory_mb <= 0) return true;
  rlim_t limit = static_cast<rlim_t>(max_memory_mb) << 20;
  struct rlimit as = {limit, limit};
  return setrlimit(RLIMIT_AS, &as) == 0;
#endif
}

ScopedDeadline::ScopedDeadline(int seconds, const std::string& message) {
  if (seconds <= 0) return;
  std::string text = message + "\n";
  g_deadline_length = std::min(text.size(), sizeof(g_deadline_message));
  std::memcpy(g_deadline_message, text.data(), g_deadline_length);
  struct sigaction sa {};
  sa.sa_handler = OnDeadline;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, nullptr);
  alarm(static_cast<unsigned>(seconds));
  armed_ = true;
}

ScopedDeadline::~ScopedDeadline() {
  if (armed_) alarm(0);
}

}  // namespace budgetdoc
