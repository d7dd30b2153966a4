#include "cli/batch.h"

#include "base/file_io.h"
#include "extract/extract.h"
#include "output/cross_store.h"
#include "output/csv_writer.h"
#include "schema/version.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <dirent.h>
#include <fnmatch.h>
#include <glob.h>
#include <map>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <type_traits>
#include <unistd.h>

namespace budgetdoc {
namespace {

using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// ISO 8601 UTC, e.g. "2024-05-01T08:30:00Z".
std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// ---- Manifests ----

// Manifest column names (lowercase) → the SourceMeta field they fill.
enum class ManifestField {
  kPath,
  kReportId,
  kSourceUrl,
  kRegion,
  kYear,
  kCrawledAt
};
struct ManifestAlias {
  const char* name;
  ManifestField field;
};
constexpr ManifestAlias kManifestAliases[] = {
    {"path", ManifestField::kPath},
    {"file", ManifestField::kPath},
    {"local_path", ManifestField::kPath},
    {"report_id", ManifestField::kReportId},
    {"source_url", ManifestField::kSourceUrl},
    {"url", ManifestField::kSourceUrl},
    {"region", ManifestField::kRegion},
    {"region_code", ManifestField::kRegion},
    {"year", ManifestField::kYear},
    {"fiscal_year", ManifestField::kYear},
    {"crawled_at", ManifestField::kCrawledAt},
    {"crawl_time", ManifestField::kCrawledAt},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

const ManifestAlias* FindAlias(std::string_view name) {
  std::string lower = Lower(Trim(name));
  for (const ManifestAlias& a : kManifestAliases) {
    if (lower == a.name) return &a;
  }
  return nullptr;
}

std::string JoinPath(const std::string& base, const std::string& path) {
  if (base.empty() || path.empty() || path[0] == '/') return path;
  return base.back() == '/' ? base + path : base + "/" + path;
}

// Sets one manifest value; errors name the line.
Status SetManifestValue(std::string_view column, const std::string& value,
                        size_t line, ManifestEntry* e) {
  const ManifestAlias* alias = FindAlias(column);
  if (alias == nullptr) {
    if (!value.empty()) e->source.extra[Trim(column)] = value;
    return Status::Ok();
  }
  switch (alias->field) {
    case ManifestField::kPath:
      e->path = value;
      break;
    case ManifestField::kReportId:
      e->source.report_id = value;
      break;
    case ManifestField::kSourceUrl:
      e->source.source_url = value;
      break;
    case ManifestField::kRegion:
      e->source.region = value;
      break;
    case ManifestField::kCrawledAt:
      e->source.crawled_at = value;
      break;
    case ManifestField::kYear: {
      if (value.empty()) break;
      char* end = nullptr;
      long y = std::strtol(value.c_str(), &end, 10);
      if (*end != '\0' || y < 1900 || y > 2200) {
        return Status::InvalidArgument("manifest: line " +
                                       std::to_string(line) + ": year '" +
                                       value + "' is not a year");
      }
      e->source.year = static_cast<int>(y);
      break;
    }
  }
  return Status::Ok();
}

Result<std::vector<ManifestEntry>> ParseJsonLinesManifest(
    std::string_view text, const std::string& base_dir) {
  std::vector<ManifestEntry> entries;
  size_t line = 0;
  while (!text.empty()) {
    ++line;
    size_t nl = text.find('\n');
    std::string_view l = text.substr(0, nl);
    text =
        nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (Trim(l).empty() || Trim(l) == "\r") continue;
    Result<Json> j = Json::Parse(l);
    if (!j.ok() || j->type() != Json::Type::kObject) {
      return Status::InvalidArgument(
          "manifest: line " + std::to_string(line) + ": " +
          (j.ok() ? std::string("not a JSON object") : j.status().message()));
    }
    ManifestEntry e;
    for (const auto& [key, value] : j->object()) {
      std::string v;
      if (value.type() == Json::Type::kString ||
          value.type() == Json::Type::kNumber) {
        v = value.text();
      } else if (!value.is_null()) {
        v = value.Dump();
      }
      BUDGETDOC_RETURN_IF_ERROR(SetManifestValue(key, v, line, &e));
    }
    if (e.path.empty()) {
      return Status::InvalidArgument("manifest: line " + std::to_string(line) +
                                     ": no \"path\"");
    }
    e.path = JoinPath(base_dir, e.path);
    entries.push_back(std::move(e));
  }
  return entries;
}

Result<std::vector<ManifestEntry>> ParseCsvManifest(
    std::string_view text, const std::string& base_dir) {
  BUDGETDOC_ASSIGN_OR_RETURN(auto records, ParseCsv(text));
  std::vector<ManifestEntry> entries;
  if (records.empty()) return entries;
  const std::vector<std::string>& header = records[0];
  int path_column = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    const ManifestAlias* a = FindAlias(header[i]);
    if (a != nullptr && a->field == ManifestField::kPath && path_column < 0) {
      path_column = static_cast<int>(i);
    }
  }
  size_t first = 1;
  if (path_column < 0) {
    // No header: a plain list of paths, one per line.
    for (const auto& r : records) {
      if (r.size() != 1) {
        std::string names;
        for (const std::string& h : header) {
          names += (names.empty() ? "" : ", ") + h;
        }
        return Status::InvalidArgument(
            "manifest: line 1: the header has no path column (columns: " +
            names + ")");
      }
    }
    first = 0;
  }
  for (size_t r = first; r < records.size(); ++r) {
    ManifestEntry e;
    // Record numbers match line numbers unless fields contain newlines.
    size_t line = r + 1;
    if (path_column < 0) {
      e.path = Trim(records[r][0]);
    } else {
      for (size_t i = 0; i < records[r].size() && i < header.size(); ++i) {
        BUDGETDOC_RETURN_IF_ERROR(
            SetManifestValue(header[i], records[r][i], line, &e));
      }
      e.path = Trim(e.path);
    }
    if (e.path.empty()) {
      return Status::InvalidArgument("manifest: line " + std::to_string(line) +
                                     ": empty path");
    }
    e.path = JoinPath(base_dir, e.path);
    entries.push_back(std::move(e));
  }
  return entries;
}

// ---- Input expansion ----

std::string CleanPath(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  while (p.size() > 2 && p.compare(0, 2, "./") == 0) p.erase(0, 2);
  return p;
}

bool HasGlobChars(const std::string& p) {
  return p.find_first_of("*?[") != std::string::npos;
}

std::string FileTypeName(mode_t m) {
  if (S_ISFIFO(m)) return "a named pipe (fifo)";
  if (S_ISSOCK(m)) return "a socket";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  return "not a regular file";
}

class Collector {
 public:
  explicit Collector(const InputFilter& filter) : filter_(filter) {}

  std::vector<BatchInput> Take() { return std::move(inputs_); }

  void Arg(const std::string& raw, const SourceMeta& source) {
    std::string path = CleanPath(raw);
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      int e = errno;
      struct stat lst;
      if (e == ENOENT && HasGlobChars(path)) {
        Glob(path, source);
      } else if (e == ENOENT && lstat(path.c_str(), &lst) == 0) {
        Problem(path, source, "not_found",
                "dangling symbolic link (its target does not exist)");
      } else {
        Problem(path, source, e == ENOENT ? "not_found" : "unreadable",
                std::strerror(e));
      }
      return;
    }
    Stated(path, st, source);
  }

 private:
  void Stated(const std::string& path, const struct stat& st,
              const SourceMeta& source) {
    if (S_ISDIR(st.st_mode)) {
      Walk(path, source);
    } else if (S_ISREG(st.st_mode)) {
      BatchInput in;
      in.path = path;
      in.source = source;
      in.size = static_cast<int64_t>(st.st_size);
      Add(std::move(in));
    } else {
      Problem(path, source, "not_regular", FileTypeName(st.st_mode));
    }
  }

  void Glob(const std::string& pattern, const SourceMeta& source) {
    glob_t g{};
    int rc = glob(pattern.c_str(), 0, nullptr, &g);
    if (rc != 0) {
      globfree(&g);
      Problem(pattern, source, "no_match",
              rc == GLOB_NOMATCH ? "no file matches the pattern"
                                 : "the pattern could not be expanded");
      return;
    }
    std::vector<std::string> matches(g.gl_pathv, g.gl_pathv + g.gl_pathc);
    globfree(&g);
    for (const std::string& m : matches) {
      std::string path = CleanPath(m);
      struct stat st;
      if (stat(path.c_str(), &st) != 0) {
        Problem(path, source, "unreadable", std::strerror(errno));
      } else if (S_ISDIR(st.st_mode) || !Excluded(path)) {
        Stated(path, st, source);
      }
    }
  }

  void Walk(const std::string& dir, const SourceMeta& source) {
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) {
      Problem(dir, source, "unreadable",
              std::string("cannot read directory: ") + std::strerror(errno));
      return;
    }
    std::vector<std::string> names;
    for (;;) {
      errno = 0;
      dirent* ent = readdir(d);
      if (ent == nullptr) break;
      std::string name = ent->d_name;
      if (name != "." && name != "..") names.push_back(std::move(name));
    }
    int read_error = errno;
    closedir(d);
    if (read_error != 0) {
      Problem(dir, source, "unreadable",
              std::string("error while listing the directory: ") +
                  std::strerror(read_error));
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      std::string child = dir == "/" ? "/" + name : dir + "/" + name;
      struct stat lst;
      if (lstat(child.c_str(), &lst) != 0) {
        Problem(child, source, "unreadable", std::strerror(errno));
        continue;
      }
      if (!S_ISDIR(lst.st_mode) && Excluded(child)) continue;
      if (S_ISLNK(lst.st_mode)) {
        struct stat st;
        if (stat(child.c_str(), &st) != 0) {
          Problem(child, source, "not_found",
                  "dangling symbolic link (its target does not exist)");
        } else if (S_ISDIR(st.st_mode)) {
          Problem(child, source, "not_regular",
                  "symbolic link to a directory (not followed inside a "
                  "directory walk; name it as an input to include it)");
        } else {
          Stated(child, st, source);
        }
        continue;
      }
      Stated(child, lst, source);
    }
  }

  void Problem(const std::string& path, const SourceMeta& source,
               const std::string& kind, const std::string& reason) {
    BatchInput in;
    in.path = path;
    in.source = source;
    in.problem_kind = kind;
    in.problem = reason;
    Add(std::move(in));
  }

  // Adds `path` as excluded when the filter leaves it out.
  bool Excluded(const std::string& path) {
    std::string reason = ExcludedReason(filter_, path);
    if (reason.empty()) return false;
    BatchInput in;
    in.path = path;
    in.excluded = std::move(reason);
    Add(std::move(in));
    return true;
  }

  // Keeps the first occurrence of a path, except that a file named one by
  // one takes the place of the same file excluded by a walk before.
  void Add(BatchInput in) {
    auto [it, added] = seen_.emplace(in.path, inputs_.size());
    if (added) {
      inputs_.push_back(std::move(in));
    } else if (!inputs_[it->second].excluded.empty() && in.excluded.empty()) {
      inputs_[it->second] = std::move(in);
    }
  }

  const InputFilter& filter_;
  std::vector<BatchInput> inputs_;
  std::map<std::string, size_t> seen_;  // path → index in inputs_
};

// ---- Progress ----

std::string Clock(double seconds) {
  if (seconds < 0 || seconds > 99 * 3600) return "--:--";
  int s = static_cast<int>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof(buf), "%d:%02d:%02d", s / 3600, s / 60 % 60,
                  s % 60);
  } else {
    std::snprintf(buf, sizeof(buf), "%d:%02d", s / 60, s % 60);
  }
  return buf;
}

class Progress {
 public:
  Progress(ProgressMode mode, std::ostream& err, size_t total)
      : mode_(mode), err_(err), total_(total), start_(SteadyClock::now()) {}

  void SetTotal(size_t total) { total_ = total; }

  // outcome: ok, failed, skipped, other; detail is appended to the path.
  void Record(std::string_view outcome, const std::string& path,
              const std::string& detail) {
    ++done_;
    if (outcome == "failed") ++failed_;
    if (mode_ == ProgressMode::kLines) {
      err_ << "[" << done_ << "/" << total_ << "] " << outcome << " " << path
           << detail << "\n";
      err_.flush();
    } else if (mode_ == ProgressMode::kBar) {
      if (outcome == "failed") {
        err_ << "\r\033[Kfailed " << path << detail << "\n";
      }
      Draw(/*force=*/outcome == "failed");
    }
  }

  // An event that does not finish an input (a retry).
  void Note(std::string_view what, const std::string& path,
            const std::string& detail) {
    if (mode_ == ProgressMode::kLines) {
      err_ << "[" << done_ << "/" << total_ << "] " << what << " " << path
           << detail << "\n";
      err_.flush();
    } else if (mode_ == ProgressMode::kBar) {
      err_ << "\r\033[K" << what << " " << path << detail << "\n";
      Draw(/*force=*/true);
    }
  }

  void Tick() {
    if (mode_ == ProgressMode::kBar) Draw(false);
  }

  void Finish() {
    if (mode_ == ProgressMode::kBar) {
      Draw(true);
      err_ << "\n";
    }
  }

 private:
  void Draw(bool force) {
    SteadyClock::time_point now = SteadyClock::now();
    if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    double elapsed = SecondsSince(start_);
    double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
    double eta =
        rate > 0 ? static_cast<double>(total_ - std::min(done_, total_)) / rate
                 : -1;
    constexpr int kWidth = 28;
    int filled =
        total_ == 0
            ? kWidth
            : static_cast<int>(kWidth * std::min(done_, total_) / total_);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(kWidth, '-');
    char line[200];
    std::snprintf(line, sizeof(line),
                  "\r[%s] %zu/%zu  %.1f doc/s  ETA %s  failed %zu\033[K",
                  bar.c_str(), done_, total_, rate, Clock(eta).c_str(),
                  failed_);
    err_ << line;
    err_.flush();
  }

  ProgressMode mode_;
  std::ostream& err_;
  size_t total_;
  size_t done_ = 0;
  size_t failed_ = 0;
  SteadyClock::time_point start_;
  SteadyClock::time_point last_draw_{};
};

std::string FormatSeconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f s", s);
  return buf;
}

Json RunOptionsJson(const BatchOptions& o, size_t inputs) {
  Json j = Json::MakeObject();
  j.Set("jobs", Json::Int(o.jobs));
  j.Set("timeout_sec", Json::Int(o.worker.timeout_sec));
  j.Set("max_memory_mb", Json::Int(o.worker.max_memory_mb));
  j.Set("force", Json::Bool(o.force));
  j.Set("retry_failed", Json::Bool(o.retry_failed));
  Json kinds = Json::MakeArray();
  for (const std::string& k : o.retry_kinds) kinds.Push(Json::Str(k));
  j.Set("retry_kinds", std::move(kinds));
  j.Set("lease_sec", Json::Int(o.lease_sec));
  j.Set("shard", Json::Str(std::to_string(o.shard_index + 1) + "/" +
                           std::to_string(o.shard_count)));
  j.Set("shard_by", Json::Str(o.shard_by_content ? "content" : "path"));
  j.Set("manifest",
        o.manifest_path.empty() ? Json::Null() : Json::Str(o.manifest_path));
  Json paths = Json::MakeArray();
  for (size_t i = 0; i < o.paths.size() && i < 50; ++i) {
    paths.Push(Json::Str(o.paths[i]));
  }
  j.Set("paths", std::move(paths));
  j.Set("path_count", Json::Int(static_cast<int64_t>(o.paths.size())));
  j.Set("inputs", Json::Int(static_cast<int64_t>(inputs)));
  return j;
}

}  // namespace

bool ParseShard(std::string_view text, int* index, int* count) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  auto parse = [](std::string_view s, int* out) {
    if (s.empty() || s.size() > 6) return false;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
  };
  int k = 0, n = 0;
  if (!parse(text.substr(0, slash), &k) || !parse(text.substr(slash + 1), &n)) {
    return false;
  }
  if (n < 1 || k < 1 || k > n) return false;
  *index = k - 1;
  *count = n;
  return true;
}

bool InShard(std::string_view sha256_hex, int index, int count) {
  if (count <= 1) return true;
  uint64_t v = 0;
  for (size_t i = 0; i < 16 && i < sha256_hex.size(); ++i) {
    char c = sha256_hex[i];
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    v = (v << 4) | static_cast<uint64_t>(d & 0xF);
  }
  return v % static_cast<uint64_t>(count) == static_cast<uint64_t>(index);
}

Result<std::vector<ManifestEntry>> ParseManifest(std::string_view text,
                                                 const std::string& base_dir) {
  std::string_view probe = text;
  if (probe.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    probe.remove_prefix(kUtf8Bom.size());
  }
  size_t first = probe.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && probe[first] == '{') {
    return ParseJsonLinesManifest(probe, base_dir);
  }
  return ParseCsvManifest(probe, base_dir);
}

std::string ExcludedReason(const InputFilter& filter, const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  auto matches = [&](const std::string& pattern) {
    const std::string& subject =
        pattern.find('/') == std::string::npos ? name : path;
    return fnmatch(pattern.c_str(), subject.c_str(), FNM_CASEFOLD) == 0;
  };
  bool included = false;
  if (filter.include.empty()) {
    for (const char* p : kReportPatterns) included = included || matches(p);
    if (!included) {
      return "not a report format by its name (--include GLOB takes it)";
    }
  } else {
    for (const std::string& p : filter.include) {
      included = included || matches(p);
    }
    if (!included) return "matches no --include pattern";
  }
  for (const std::string& p : filter.exclude) {
    if (matches(p)) return "matches --exclude " + p;
  }
  return "";
}

std::vector<BatchInput> CollectInputs(
    const std::vector<std::string>& paths,
    const std::vector<ManifestEntry>& manifest, const InputFilter& filter) {
  Collector c(filter);
  for (const std::string& p : paths) c.Arg(p, SourceMeta());
  for (const ManifestEntry& e : manifest) c.Arg(e.path, e.source);
  return c.Take();
}

namespace {

// Candidates offered to the store per claim: the next inputs of this run in
// its order; the store claims the first one nobody holds.
constexpr size_t kClaimWindow = 16;
// How often to look again at an input another worker holds.
constexpr auto kRecheck = std::chrono::milliseconds(500);

// Every error_kind a document can end with (docs/batch.md lists them).
constexpr std::string_view kFailureKinds[] = {
    "not_found",        "unreadable",    "not_regular", "no_match",
    "too_large",        "corrupt",       "unsupported", "limit_exceeded",
    "invalid_argument", "io_error",      "internal",    "crash",
    "timeout",          "out_of_memory", "killed",      "worker",
};

// Failures a second attempt may cure: the worker was killed from outside
// or ran out of time (a loaded machine), not refused by the pipeline.
bool IsTransient(std::string_view kind) {
  return kind == "timeout" || kind == "killed";
}

std::string HostName() {
  char buf[256] = {};
  if (gethostname(buf, sizeof(buf) - 1) != 0) return "localhost";
  return buf;
}

// The process's PID namespace ("pid:[4026531836]"), so that a process id
// is only compared with others from the same namespace.
std::string PidNamespace() {
  char buf[64] = {};
  ssize_t n = readlink("/proc/self/ns/pid", buf, sizeof(buf) - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : "pid:[?]";
}

// Whether `owner` is a default worker id of a process on this machine (same
// host, same PID namespace) that no longer exists: its claims can be taken
// at once instead of after their lease.
bool IsDeadLocalOwner(const std::string& owner) {
  // "host:pid@pid:[ns]/run"
  std::string prefix = HostName() + ":";
  if (owner.rfind(prefix, 0) != 0) return false;
  size_t at = owner.find('@', prefix.size());
  size_t slash = owner.rfind('/');
  if (at == std::string::npos || slash == std::string::npos || slash < at) {
    return false;
  }
  if (owner.substr(at + 1, slash - at - 1) != PidNamespace()) return false;
  std::string pid_text = owner.substr(prefix.size(), at - prefix.size());
  char* end = nullptr;
  long pid = std::strtol(pid_text.c_str(), &end, 10);
  if (pid_text.empty() || *end != '\0' || pid <= 0) return false;
  return kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// One run of the batch: the inputs, the store, the workers and what became
// of each input.
class BatchRun {
 public:
  BatchRun(const BatchOptions& o, std::ostream& err, Store& store,
           std::vector<BatchInput> inputs, BatchSummary* summary)
      : o_(o),
        store_(store),
        inputs_(std::move(inputs)),
        summary_(*summary),
        progress_(o.progress, err, inputs_.size()),
        pool_(o.worker) {}

  ~BatchRun() {
    // On an early return (the database failed) give back what this process
    // holds, so that others need not wait for the leases to expire.
    if (!finished_ && !lease_.owner.empty()) {
      (void)store_.ReleaseClaims(lease_.owner);
    }
  }

  Status Run() {
    RunRecord run;
    run.tool_version = o_.tool_version;
    run.schema_version = kSchemaVersion;
    run.started_at = NowUtc();
    run.options = RunOptionsJson(o_, inputs_.size());
    std::string worker =
        o_.worker_id.empty() ? DefaultWorkerId() : o_.worker_id;
    run.worker = worker;
    BUDGETDOC_ASSIGN_OR_RETURN(summary_.run_id,
                               Db([&] { return store_.BeginRun(run); }));
    lease_.owner = worker + "/" + std::to_string(summary_.run_id);
    lease_.ms = int64_t{o_.lease_sec} * 1000;

    BUDGETDOC_ASSIGN_OR_RETURN(int64_t since,
                               Db([&] { return store_.ClockMs(); }));
    // Files the input filter leaves out are recorded at once and never
    // queued: no worker, no claim, no document row.
    std::vector<QueueInput> queued;
    queued.reserve(inputs_.size());
    for (size_t i = 0; i < inputs_.size(); ++i) {
      const BatchInput& in = inputs_[i];
      if (!in.excluded.empty()) {
        BUDGETDOC_RETURN_IF_ERROR(Db([&] {
          return store_.RecordExcluded(summary_.run_id, in.path, in.excluded);
        }));
        ++summary_.excluded;
        progress_.Record("skipped", in.path, " (" + in.excluded + ")");
        continue;
      }
      queued.push_back({in.path, in.size});
      todo_.push_back(i);
    }
    BUDGETDOC_RETURN_IF_ERROR(
        Db([&] { return store_.Register(queued, since); }));
    last_renew_ = SteadyClock::now();

    while (!todo_.empty() || !deferred_.empty() || !retries_.empty() ||
           pool_.active() > 0) {
      BUDGETDOC_RETURN_IF_ERROR(Fill());
      BUDGETDOC_RETURN_IF_ERROR(RenewIfDue());
      if (pool_.active() > 0) {
        std::vector<WorkerResult> finished = pool_.Wait(200);
        // Start the next documents before writing these, so that no core
        // waits for the database.
        if (!finished.empty()) BUDGETDOC_RETURN_IF_ERROR(Fill());
        for (WorkerResult& r : finished) {
          BUDGETDOC_RETURN_IF_ERROR(Finished(std::move(r)));
        }
      } else if (todo_.empty() && retries_.empty() && !deferred_.empty()) {
        // Only inputs other workers hold are left: wait for them to finish
        // them, or for their leases to expire.
        std::this_thread::sleep_until(deferred_.front().recheck);
      } else if (stalled_) {
        // Every candidate was being claimed by another transaction.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      Recheck();
      progress_.Tick();
    }
    progress_.Finish();
    finished_ = true;
    return Status::Ok();
  }

 private:
  // Everything the parent knows about a document it handed to a worker.
  struct Pending {
    std::string sha256;
    int64_t size = -1;
    std::string format;
    double read_ms = 0;
    std::string first_error;  // the first attempt's reason, when retried
  };
  struct Deferred {
    size_t id;
    SteadyClock::time_point recheck;
  };

  static std::string DefaultWorkerId() {
    return HostName() + ":" + std::to_string(getpid()) + "@" + PidNamespace();
  }

  // Calls the store, adding the time it takes to the summary.
  template <typename F>
  std::invoke_result_t<F&> Db(F&& call) {
    SteadyClock::time_point t0 = SteadyClock::now();
    std::invoke_result_t<F&> result = call();
    summary_.db_seconds += SecondsSince(t0);
    return result;
  }

  DocumentRecord BaseRecord(const BatchInput& in) const {
    DocumentRecord rec;
    rec.path = in.path;
    rec.source = in.source;
    rec.size = in.size;
    rec.tool_version = o_.tool_version;
    rec.schema_version = kSchemaVersion;
    rec.processed_at = NowUtc();
    rec.worker = lease_.owner;
    return rec;
  }

  void Fail(const std::string& path, const std::string& reason,
            std::string_view how) {
    ++summary_.failed;
    summary_.failures.emplace_back(path, reason + std::string(how));
  }

  // Writes the document and completes its claim.
  Status Record(const DocumentRecord& rec) {
    BUDGETDOC_ASSIGN_OR_RETURN(bool written, Db([&] {
                                 return store_.WriteDocument(summary_.run_id,
                                                             rec, lease_.owner);
                               }));
    if (!written) {
      // The lease expired (this process was stalled) and another worker
      // took the document: its result counts, not this one.
      ++summary_.others;
      progress_.Record("other", rec.path,
                       " (its claim expired and another worker took it)");
      return Status::Ok();
    }
    if (rec.ok) {
      ++summary_.ok;
      const Json* facts = rec.rows.Find("facts");
      size_t n = facts != nullptr ? facts->array().size() : 0;
      progress_.Record("ok", rec.path,
                       " (" + std::to_string(n) + " facts, " +
                           FormatSeconds(rec.wall_ms / 1000) + ")");
    } else {
      Fail(rec.path, rec.error, "");
      progress_.Record("failed", rec.path, ": " + rec.error);
    }
    return Status::Ok();
  }

  Status Failed(const BatchInput& in, std::string kind, std::string reason) {
    DocumentRecord rec = BaseRecord(in);
    rec.error_kind = std::move(kind);
    rec.error = std::move(reason);
    return Record(rec);
  }

  // An input another worker completed while this run was going.
  void DoneElsewhere(const BatchInput& in, const CandidateState& s) {
    if (s.ok) {
      ++summary_.others;
      progress_.Record("other", in.path, " (done by another worker)");
    } else {
      ++summary_.failed_by_others;
      Fail(in.path, s.error, " [by another worker]");
      progress_.Record("failed", in.path,
                       ": " + s.error + " [by another worker]");
    }
  }

  // Whether an unchanged stored failure is to be processed again.
  bool Retries(const StoredDocument& stored) const {
    if (!o_.retry_failed) return false;
    if (o_.retry_kinds.empty()) return true;
    return std::find(o_.retry_kinds.begin(), o_.retry_kinds.end(),
                     stored.error_kind) != o_.retry_kinds.end();
  }

  // Claims inputs and hands them to workers until every slot is busy;
  // failures found before a worker is needed, skipped files and inputs
  // other workers completed are recorded on the way.
  Status Fill() {
    stalled_ = false;
    while (pool_.active() < static_cast<size_t>(o_.jobs)) {
      if (!retries_.empty()) {
        size_t id = retries_.front();
        if (!pool_.Launch(id, inputs_[id].path, std::nullopt, 2).ok()) {
          if (pool_.active() > 0) return Status::Ok();  // try again later
          Pending& p = pending_[id];
          DocumentRecord rec = BaseRecord(inputs_[id]);
          rec.attempt = 2;
          rec.error_kind = "worker";
          rec.error = "could not start a worker for the second attempt (" +
                      p.first_error + ")";
          pending_.erase(id);
          retries_.pop_front();
          BUDGETDOC_RETURN_IF_ERROR(Record(rec));
          continue;
        }
        retries_.pop_front();
        continue;
      }
      if (todo_.empty()) return Status::Ok();
      size_t n = std::min(kClaimWindow, todo_.size());
      std::vector<std::string> candidates;
      for (size_t i = 0; i < n; ++i) {
        candidates.push_back(inputs_[todo_[i]].path);
      }
      BUDGETDOC_ASSIGN_OR_RETURN(std::vector<CandidateState> states, Db([&] {
                                   return store_.Claim(candidates, lease_);
                                 }));
      std::deque<size_t> rest;
      std::optional<size_t> claimed;
      bool moved = false;
      for (size_t i = 0; i < n; ++i) {
        size_t id = todo_[i];
        const CandidateState& s = states[i];
        switch (s.kind) {
          case CandidateState::Kind::kClaimed:
            claimed = id;
            moved = true;
            break;
          case CandidateState::Kind::kDone:
            DoneElsewhere(inputs_[id], s);
            moved = true;
            break;
          case CandidateState::Kind::kHeld:
            if (IsDeadLocalOwner(s.owner)) {
              BUDGETDOC_RETURN_IF_ERROR(
                  Db([&] { return store_.ExpireClaims(s.owner); }));
              rest.push_back(id);
            } else {
              deferred_.push_back(
                  {id, SteadyClock::now() +
                           std::min<std::chrono::milliseconds>(
                               kRecheck, std::chrono::milliseconds(
                                             s.lease_left_ms + 1))});
            }
            moved = true;
            break;
          case CandidateState::Kind::kAvailable:
            rest.push_back(id);
            break;
          case CandidateState::Kind::kUnknown:
            return Status::Internal(store_.name() + ": " + inputs_[id].path +
                                    ": not in the queue after registering");
        }
      }
      rest.insert(rest.end(), todo_.begin() + static_cast<ptrdiff_t>(n),
                  todo_.end());
      todo_ = std::move(rest);
      std::sort(deferred_.begin(), deferred_.end(),
                [](const Deferred& a, const Deferred& b) {
                  return a.recheck < b.recheck;
                });
      if (claimed) {
        BUDGETDOC_RETURN_IF_ERROR(Start(*claimed));
        if (launch_blocked_) {
          launch_blocked_ = false;
          return Status::Ok();
        }
      } else if (!moved) {
        stalled_ = true;  // every candidate is being claimed right now
        return Status::Ok();
      }
    }
    return Status::Ok();
  }

  // Takes a claimed input: records what needs no worker, launches the rest.
  Status Start(size_t id) {
    const BatchInput& in = inputs_[id];
    if (!in.problem.empty()) return Failed(in, in.problem_kind, in.problem);
    // The parent reads and hashes a file only when it must decide about it
    // (a stored row to compare with, or content sharding); otherwise the
    // worker reads and hashes it, in parallel.
    std::optional<StoredDocument> stored;
    if (!o_.force) {
      BUDGETDOC_ASSIGN_OR_RETURN(stored,
                                 Db([&] { return store_.Find(in.path); }));
    }
    Pending p;
    p.size = in.size;
    std::string bytes;
    bool parent_reads = o_.shard_by_content || stored.has_value();
    if (parent_reads) {
      SteadyClock::time_point t0 = SteadyClock::now();
      Result<std::string> read = ReadFile(in.path);
      if (!read.ok()) {
        bool too_large = read.status().code() == StatusCode::kResourceExhausted;
        return Failed(in, too_large ? "too_large" : "unreadable",
                      read.status().message());
      }
      bytes = std::move(read).value();
      p.sha256 = Sha256Hex(bytes);
      p.size = static_cast<int64_t>(bytes.size());
      p.format = std::string(SniffedFormatName(SniffFormat(bytes)));
      p.read_ms = SecondsSince(t0) * 1000;
      if (o_.shard_by_content &&
          !InShard(p.sha256, o_.shard_index, o_.shard_count)) {
        ++summary_.other_shards;
        progress_.SetTotal(inputs_.size() - summary_.other_shards);
        return Db([&] { return store_.ReleaseClaims(lease_.owner, in.path); });
      }
      if (stored && stored->sha256 == p.sha256 &&
          stored->tool_version == o_.tool_version &&
          stored->schema_version == kSchemaVersion &&
          (stored->ok || !Retries(*stored))) {
        BUDGETDOC_ASSIGN_OR_RETURN(bool written, Db([&] {
                                     return store_.RecordSkipped(
                                         summary_.run_id, in.path, in.source,
                                         lease_.owner);
                                   }));
        if (!written) {
          ++summary_.others;
          progress_.Record("other", in.path,
                           " (its claim expired and another worker took it)");
        } else if (stored->ok) {
          ++summary_.skipped;
          progress_.Record("skipped", in.path, " (unchanged)");
        } else {
          // Still failed: counted as a failure, not hidden as skipped.
          ++summary_.failed_earlier;
          Fail(in.path, stored->error, " [unchanged since an earlier run]");
          progress_.Record(
              "failed", in.path,
              ": " + stored->error + " [unchanged since an earlier run]");
        }
        return Status::Ok();
      }
    }
    Status launched = pool_.Launch(
        id, in.path,
        parent_reads ? std::optional<std::string_view>(bytes) : std::nullopt);
    if (!launched.ok()) {
      if (pool_.active() > 0) {
        // Give the claim back and try again when a worker has finished.
        todo_.push_front(id);
        launch_blocked_ = true;
        return Db([&] { return store_.ReleaseClaims(lease_.owner, in.path); });
      }
      DocumentRecord rec = BaseRecord(in);
      rec.sha256 = p.sha256;
      rec.size = p.size;
      rec.format = p.format;
      rec.error_kind = "worker";
      rec.error = "could not start a worker: " + launched.message();
      return Record(rec);
    }
    pending_[id] = std::move(p);
    return Status::Ok();
  }

  Status Finished(WorkerResult r) {
    const BatchInput& in = inputs_[r.id];
    Pending& p = pending_[r.id];
    DocumentRecord rec = BaseRecord(in);
    rec.sha256 = p.sha256.empty() ? r.sha256 : p.sha256;
    rec.size = r.size >= 0 ? r.size : p.size;
    rec.format = p.format.empty() ? r.sniffed_format : p.format;
    rec.read_ms = p.sha256.empty() ? r.read_ms : p.read_ms;
    rec.analyze_ms = r.analyze_ms;
    rec.wall_ms = r.wall_ms;
    rec.peak_rss_kb = r.peak_rss_kb;
    rec.attempt = r.attempt;
    rec.ok = r.ok;
    rec.error = std::move(r.error);
    rec.error_kind = std::move(r.error_kind);
    if (!rec.ok && r.attempt == 1 && IsTransient(rec.error_kind)) {
      // Once more, with the claim still held; the attempt is on record.
      BUDGETDOC_RETURN_IF_ERROR(
          Db([&] { return store_.RecordAttempt(summary_.run_id, rec); }));
      p.first_error = rec.error;
      ++summary_.retried;
      retries_.push_back(r.id);
      progress_.Note("retry", in.path, ": " + rec.error);
      return Status::Ok();
    }
    if (r.attempt > 1 && !rec.ok) {
      rec.error += " (attempt " + std::to_string(r.attempt) + " of " +
                   std::to_string(r.attempt) + "; attempt 1: " + p.first_error +
                   ")";
    }
    if (r.ok) {
      if (!r.format.empty()) rec.format = r.format;
      rec.rows = std::move(r.rows);
    }
    pending_.erase(r.id);
    return Record(rec);
  }

  // Keeps this process's claims alive while it works.
  Status RenewIfDue() {
    SteadyClock::time_point now = SteadyClock::now();
    if (now - last_renew_ < std::chrono::milliseconds(lease_.ms / 3)) {
      return Status::Ok();
    }
    last_renew_ = now;
    return Db([&] { return store_.RenewClaims(lease_); });
  }

  // Inputs others held whose time to look again has come go back to the
  // end of the list.
  void Recheck() {
    SteadyClock::time_point now = SteadyClock::now();
    while (!deferred_.empty() && deferred_.front().recheck <= now) {
      todo_.push_back(deferred_.front().id);
      deferred_.erase(deferred_.begin());
    }
  }

  const BatchOptions& o_;
  Store& store_;
  std::vector<BatchInput> inputs_;
  BatchSummary& summary_;
  Progress progress_;
  WorkerPool pool_;
  Lease lease_;
  std::deque<size_t> todo_;            // not claimed yet, in order
  std::vector<Deferred> deferred_;     // held by others; sorted by recheck
  std::deque<size_t> retries_;         // claimed, to be tried once more
  std::map<size_t, Pending> pending_;  // claimed, at a worker
  SteadyClock::time_point last_renew_;
  bool stalled_ = false;         // no candidate could be claimed just now
  bool launch_blocked_ = false;  // fork failed with workers still running
  bool finished_ = false;
};

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The failures, sorted; printed even with --quiet.
void PrintFailures(const BatchSummary& s, std::ostream& err) {
  constexpr size_t kListed = 20;
  if (s.failures.empty()) return;
  std::vector<std::pair<std::string, std::string>> sorted = s.failures;
  std::sort(sorted.begin(), sorted.end());
  err << "failed:\n";
  for (size_t i = 0; i < sorted.size() && i < kListed; ++i) {
    err << "  " << sorted[i].first << ": " << sorted[i].second << "\n";
  }
  if (sorted.size() > kListed) {
    err << "  ... and " << sorted.size() - kListed
        << " more (budgetdoc export --table documents)\n";
  }
}

// The summary lines of a run (not with --quiet), then the failures.
void PrintSummary(const BatchOptions& o, const BatchSummary& s,
                  const std::string& db, std::ostream& err) {
  if (o.quiet) return PrintFailures(s, err);
  char rate[64];
  size_t processed = s.ok + s.failed - s.failed_earlier - s.failed_by_others;
  std::snprintf(
      rate, sizeof(rate), "%.2f",
      s.seconds > 0 ? static_cast<double>(processed) / s.seconds : 0.0);
  err << "batch: " << s.inputs << " inputs: " << s.ok << " ok, " << s.failed
      << " failed, " << s.skipped << " skipped (unchanged)";
  if (s.others > 0) err << ", " << s.others << " by other workers";
  err << " in " << FormatSeconds(s.seconds) << " (" << rate << " doc/s, -j"
      << o.jobs << ")\n";
  if (s.failed_earlier > 0 || s.failed_by_others > 0) {
    err << "batch: of the failed, " << s.failed_earlier
        << " unchanged since an earlier run (not retried; --retry-failed "
           "retries them) and "
        << s.failed_by_others << " by other workers\n";
  }
  if (s.retried > 0) {
    err << "batch: " << Plural(s.retried, "document", "documents")
        << " tried a second time after a killed or timed-out worker\n";
  }
  if (s.excluded > 0) {
    err << "batch: " << s.excluded
        << " files skipped by name (--include/--exclude; by default only "
           "report formats are taken)\n";
  }
  if (s.other_shards > 0) {
    err << "batch: " << s.other_shards << " inputs belong to other shards"
        << " (this is shard " << o.shard_index + 1 << "/" << o.shard_count
        << ")\n";
  }
  struct rusage self {
  }, children{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  auto cpu = [](const struct rusage& r) {
    return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
           static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
  };
  char per_input[64];
  std::snprintf(per_input, sizeof(per_input), "%.1f",
                s.inputs > 0 ? s.db_seconds * 1000 / s.inputs : 0.0);
  err << "batch: database " << db << ", run " << s.run_id << "; "
      << FormatSeconds(s.db_seconds) << " in database calls (" << per_input
      << " ms per input); cpu " << FormatSeconds(cpu(self)) << " here, "
      << FormatSeconds(cpu(children)) << " in workers\n";
  PrintFailures(s, err);
}

}  // namespace

bool IsFailureKind(std::string_view kind) {
  return std::find(std::begin(kFailureKinds), std::end(kFailureKinds), kind) !=
         std::end(kFailureKinds);
}

std::string FailureKindList() {
  std::string out;
  for (std::string_view k : kFailureKinds) {
    out += (out.empty() ? "" : ", ") + std::string(k);
  }
  return out;
}

Result<BatchSummary> RunBatch(const BatchOptions& o, std::ostream& err) {
  SteadyClock::time_point start = SteadyClock::now();
  if (o.jobs < 1) {
    return Status::InvalidArgument("batch: -j must be at least 1");
  }
  if (o.shard_count < 1 || o.shard_index < 0 ||
      o.shard_index >= o.shard_count) {
    return Status::InvalidArgument("batch: bad shard");
  }
  if (o.worker.timeout_sec < 1) {
    return Status::InvalidArgument("batch: --timeout must be at least 1");
  }
  if (o.lease_sec < 1) {
    return Status::InvalidArgument("batch: --lease must be at least 1");
  }
  for (const std::string& kind : o.retry_kinds) {
    if (!IsFailureKind(kind)) {
      return Status::InvalidArgument("batch: --retry-failed: unknown kind '" +
                                     kind + "' (kinds: " + FailureKindList() +
                                     ")");
    }
  }

  std::vector<ManifestEntry> manifest;
  if (!o.manifest_path.empty()) {
    std::string text;
    std::string base_dir;
    if (o.manifest_text) {
      text = *o.manifest_text;
    } else if (o.manifest_path == "-") {
      return Status::InvalidArgument("batch: manifest '-' needs its text");
    } else {
      BUDGETDOC_ASSIGN_OR_RETURN(text, ReadFile(o.manifest_path));
    }
    if (o.manifest_path != "-") {
      size_t slash = o.manifest_path.find_last_of('/');
      if (slash != std::string::npos) {
        base_dir = o.manifest_path.substr(0, slash + 1);
      }
    }
    Result<std::vector<ManifestEntry>> parsed = ParseManifest(text, base_dir);
    if (!parsed.ok()) {
      return parsed.status().WithContext(
          o.manifest_path == "-" ? "<stdin>" : o.manifest_path);
    }
    manifest = std::move(parsed).value();
  }
  if (o.paths.empty() && manifest.empty() && o.manifest_path.empty()) {
    return Status::InvalidArgument("batch: no inputs given");
  }

  BUDGETDOC_ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                             OpenStore(o.db_path));

  std::vector<BatchInput> all = CollectInputs(o.paths, manifest, o.filter);
  BatchSummary summary;
  std::vector<BatchInput> inputs;
  // Inputs that need no worker: a problem or excluded by the filter.
  auto instant = [](const BatchInput& in) {
    return !in.problem.empty() || !in.excluded.empty();
  };
  for (BatchInput& in : all) {
    if (!o.shard_by_content || instant(in)) {
      if (!InShard(Sha256Hex(in.path), o.shard_index, o.shard_count)) {
        ++summary.other_shards;
        continue;
      }
    }
    inputs.push_back(std::move(in));
  }
  // Problems and excluded files first (instant), then the largest files
  // first so that parallel workers finish together; ties in path order.
  // Deterministic.
  std::stable_sort(inputs.begin(), inputs.end(),
                   [&](const BatchInput& a, const BatchInput& b) {
                     bool pa = instant(a), pb = instant(b);
                     if (pa != pb) return pa;
                     if (a.size != b.size) return a.size > b.size;
                     return a.path < b.path;
                   });

  {
    BatchRun run(o, err, *store, std::move(inputs), &summary);
    BUDGETDOC_RETURN_IF_ERROR(run.Run());
  }

  summary.inputs =
      summary.ok + summary.failed + summary.skipped + summary.others;
  summary.seconds = SecondsSince(start);
  // The runs row counts run_inputs rows: excluded files are skipped there.
  RunCounts counts;
  counts.inputs = static_cast<int64_t>(summary.inputs + summary.excluded);
  counts.ok = static_cast<int64_t>(summary.ok);
  counts.failed = static_cast<int64_t>(summary.failed);
  counts.skipped = static_cast<int64_t>(summary.skipped + summary.excluded);
  counts.others = static_cast<int64_t>(summary.others);
  // Reports in several files (cli/batch_bundles.h), then checks across
  // documents (output/cross_store.h), after all of them.
  BundleRunOptions bundles;
  bundles.mode = o.bundles;
  bundles.run_id = summary.run_id;
  bundles.tool_version = o.tool_version;
  bundles.processed_at = NowUtc();
  bundles.pipeline = o.worker.pipeline;
  BUDGETDOC_RETURN_IF_ERROR(UpdateBundles(*store, bundles).status());
  if (o.cross_checks) {
    BUDGETDOC_RETURN_IF_ERROR(
        UpdateCrossFindings(*store, summary.run_id, o.worker.pipeline.check)
            .status());
  }
  BUDGETDOC_RETURN_IF_ERROR(store->FinishRun(summary.run_id, counts, NowUtc()));
  PrintSummary(o, summary, store->name(), err);
  return summary;
}

}  // namespace budgetdoc
