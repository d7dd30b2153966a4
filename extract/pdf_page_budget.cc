#include "extract/pdf_page_budget.h"

#include "base/file_io.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace budgetdoc {
namespace {

// ---- Wire format: little-endian fixed-width fields, length-prefixed
// strings. One frame = u32 length + encoded page.

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
void PutDouble(double d, std::string* out) {
  uint64_t v;
  std::memcpy(&v, &d, sizeof v);
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
void PutString(std::string_view s, std::string* out) {
  PutU32(static_cast<uint32_t>(s.size()), out);
  out->append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool U32(uint32_t* v) {
    if (s_.size() < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i)
      *v |= static_cast<uint32_t>(static_cast<unsigned char>(s_[i])) << (8 * i);
    s_.remove_prefix(4);
    return true;
  }
  bool Int(int* v) {
    uint32_t u;
    if (!U32(&u)) return false;
    *v = static_cast<int>(static_cast<int32_t>(u));
    return true;
  }
  bool Double(double* d) {
    if (s_.size() < 8) return false;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= static_cast<uint64_t>(static_cast<unsigned char>(s_[i])) << (8 * i);
    std::memcpy(d, &v, sizeof v);
    s_.remove_prefix(8);
    return true;
  }
  bool String(std::string* out) {
    uint32_t n;
    if (!U32(&n) || s_.size() < n) return false;
    out->assign(s_.substr(0, n));
    s_.remove_prefix(n);
    return true;
  }
  bool done() const { return s_.empty(); }

 private:
  std::string_view s_;
};

// Reads pages from `first` on and writes one frame per page; never returns.
[[noreturn]] void ChildMain(int fd, int first, int count,
                            const PageReadFn& read) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  for (int i = first; i < count; ++i) {
    BudgetedPage page;
    page.input.number = i + 1;
    if (!read(i, &page.input, &page.messages)) {
      page.outcome = PageOutcome::kMissing;
      page.input = PdfPageInput();
      page.input.number = i + 1;
    }
    std::string payload = EncodeBudgetedPage(page);
    std::string frame;
    PutU32(static_cast<uint32_t>(payload.size()), &frame);
    frame += payload;
    if (!WriteAllToFd(fd, frame)) _exit(1);
  }
  _exit(0);
}

}  // namespace

std::string EncodeBudgetedPage(const BudgetedPage& page) {
  std::string out;
  const PdfPageInput& in = page.input;
  PutU32(static_cast<uint32_t>(page.outcome), &out);
  PutU32(static_cast<uint32_t>(in.number), &out);
  PutDouble(in.width, &out);
  PutDouble(in.height, &out);
  PutU32(static_cast<uint32_t>(in.rotation), &out);
  PutU32(in.image_only ? 1 : 0, &out);
  PutU32(static_cast<uint32_t>(in.words.size()), &out);
  for (const PdfWord& w : in.words) {
    PutString(w.text, &out);
    for (double d : {w.x0, w.y0, w.x1, w.y1, w.font_size}) PutDouble(d, &out);
    PutU32(w.space_after ? 1 : 0, &out);
    PutU32(static_cast<uint32_t>(w.rotation), &out);
  }
  PutU32(static_cast<uint32_t>(page.messages.count), &out);
  PutU32(static_cast<uint32_t>(page.messages.first.size()), &out);
  for (const std::string& m : page.messages.first) PutString(m, &out);
  return out;
}

bool DecodeBudgetedPage(std::string_view bytes, BudgetedPage* page) {
  Reader r(bytes);
  uint32_t outcome, image_only, words, count, kept;
  PdfPageInput& in = page->input;
  if (!r.U32(&outcome) || outcome > static_cast<uint32_t>(PageOutcome::kFailed))
    return false;
  page->outcome = static_cast<PageOutcome>(outcome);
  if (!r.Int(&in.number) || !r.Double(&in.width) || !r.Double(&in.height) ||
      !r.Int(&in.rotation) || !r.U32(&image_only) || !r.U32(&words)) {
    return false;
  }
  in.image_only = image_only != 0;
  // Each word takes at least 52 bytes: a bound before reserving.
  if (words > bytes.size() / 52) return false;
  in.words.resize(words);
  for (PdfWord& w : in.words) {
    uint32_t space;
    if (!r.String(&w.text) || !r.Double(&w.x0) || !r.Double(&w.y0) ||
        !r.Double(&w.x1) || !r.Double(&w.y1) || !r.Double(&w.font_size) ||
        !r.U32(&space) || !r.Int(&w.rotation)) {
      return false;
    }
    w.space_after = space != 0;
  }
  if (!r.U32(&count) || !r.U32(&kept) || kept > bytes.size() / 4) return false;
  page->messages.count = count;
  page->messages.first.resize(kept);
  for (std::string& m : page->messages.first) {
    if (!r.String(&m)) return false;
  }
  return r.done();
}

std::vector<BudgetedPage> ReadPagesWithBudget(int count, int budget_ms,
                                              const PageReadFn& read) {
  std::vector<BudgetedPage> pages(static_cast<size_t>(std::max(count, 0)));
  for (int i = 0; i < count; ++i) {
    pages[static_cast<size_t>(i)].input.number = i + 1;
  }
  if (budget_ms <= 0) {
    for (int i = 0; i < count; ++i) {
      BudgetedPage& p = pages[static_cast<size_t>(i)];
      if (!read(i, &p.input, &p.messages)) {
        p.outcome = PageOutcome::kMissing;
        p.input = PdfPageInput();
        p.input.number = i + 1;
      }
    }
    return pages;
  }
  using Clock = std::chrono::steady_clock;
  int next = 0;
  while (next < count) {
    int fds[2];
    if (pipe(fds) != 0) {
      // No pipe: read the rest here, without a budget.
      for (int i = next; i < count; ++i) {
        BudgetedPage& p = pages[static_cast<size_t>(i)];
        if (!read(i, &p.input, &p.messages)) p.outcome = PageOutcome::kMissing;
      }
      return pages;
    }
    pid_t pid = fork();
    if (pid < 0) {
      close(fds[0]);
      close(fds[1]);
      for (int i = next; i < count; ++i) {
        BudgetedPage& p = pages[static_cast<size_t>(i)];
        if (!read(i, &p.input, &p.messages)) p.outcome = PageOutcome::kMissing;
      }
      return pages;
    }
    if (pid == 0) {
      close(fds[0]);
      ChildMain(fds[1], next, count, read);
    }
    close(fds[1]);
    std::string buf;
    Clock::time_point deadline =
        Clock::now() + std::chrono::milliseconds(budget_ms);
    bool timed_out = false, eof = false;
    while (!eof && next < count) {
      // Every complete frame is a page read.
      while (buf.size() >= 4) {
        uint32_t n = 0;
        for (int i = 0; i < 4; ++i)
          n |= static_cast<uint32_t>(static_cast<unsigned char>(buf[i]))
               << (8 * i);
        if (buf.size() < 4 + static_cast<size_t>(n)) break;
        BudgetedPage page;
        if (!DecodeBudgetedPage(std::string_view(buf).substr(4, n), &page) ||
            page.input.number != next + 1) {
          eof = true;  // a garbled frame: treat as the child dying
          break;
        }
        pages[static_cast<size_t>(next)] = std::move(page);
        ++next;
        buf.erase(0, 4 + static_cast<size_t>(n));
        deadline = Clock::now() + std::chrono::milliseconds(budget_ms);
      }
      if (eof || next >= count) break;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - Clock::now())
                      .count();
      if (left <= 0) {
        timed_out = true;
        break;
      }
      pollfd pfd{fds[0], POLLIN, 0};
      int ready = poll(&pfd, 1, static_cast<int>(left));
      if (ready < 0 && errno != EINTR) {
        eof = true;
        break;
      }
      if (ready <= 0) continue;
      char chunk[65536];
      ssize_t got = ::read(fds[0], chunk, sizeof chunk);
      if (got > 0) {
        buf.append(chunk, static_cast<size_t>(got));
      } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        eof = true;
      }
    }
    close(fds[0]);
    if (timed_out || next < count) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (next < count) {
      // The page being read when the child stopped: too slow or fatal.
      BudgetedPage& p = pages[static_cast<size_t>(next)];
      p.outcome = timed_out ? PageOutcome::kTimedOut : PageOutcome::kFailed;
      ++next;
    }
  }
  return pages;
}

}  // namespace budgetdoc
