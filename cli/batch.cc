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
#include <dirent.h>
#include <fnmatch.h>
#include <glob.h>
#include <map>
#include <sys/resource.h>
#include <sys/stat.h>

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

  // outcome: ok, failed, skipped; detail is appended to the path.
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

// Everything the parent knows about a document it handed to a worker.
struct Pending {
  std::string sha256;
  int64_t size = -1;
  std::string format;
  double read_ms = 0;
};

// The failures, sorted; printed even with --quiet.
void PrintFailures(const BatchSummary& summary, std::ostream& err) {
  constexpr size_t kListed = 20;
  if (!summary.failures.empty()) {
    std::vector<std::pair<std::string, std::string>> sorted = summary.failures;
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
}

// The summary lines of a run (not with --quiet), then the failures.
void PrintSummary(const BatchOptions& o, const BatchSummary& summary,
                  std::ostream& err) {
  if (o.quiet) return PrintFailures(summary, err);
  char rate[64];
  size_t processed = summary.ok + summary.failed;
  std::snprintf(rate, sizeof(rate), "%.2f",
                summary.seconds > 0
                    ? static_cast<double>(processed) / summary.seconds
                    : 0.0);
  err << "batch: " << summary.inputs << " inputs: " << summary.ok << " ok, "
      << summary.failed << " failed, " << summary.skipped
      << " skipped (unchanged) in " << FormatSeconds(summary.seconds) << " ("
      << rate << " doc/s, -j" << o.jobs << ")\n";
  if (summary.excluded > 0) {
    err << "batch: " << summary.excluded
        << " files skipped by name (--include/--exclude; by default only "
           "report formats are taken)\n";
  }
  if (summary.other_shards > 0) {
    err << "batch: " << summary.other_shards << " inputs belong to other shards"
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
  err << "batch: database " << o.db_path << ", run " << summary.run_id
      << "; cpu " << FormatSeconds(cpu(self)) << " here, "
      << FormatSeconds(cpu(children)) << " in workers\n";
  PrintFailures(summary, err);
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

  BUDGETDOC_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> store,
                             SqliteStore::Open(o.db_path));

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

  RunRecord run;
  run.tool_version = o.tool_version;
  run.schema_version = kSchemaVersion;
  run.started_at = NowUtc();
  run.options = RunOptionsJson(o, inputs.size());
  BUDGETDOC_ASSIGN_OR_RETURN(summary.run_id, store->BeginRun(run));

  size_t total = inputs.size();
  Progress progress(o.progress, err, total);
  WorkerPool pool(o.worker);
  std::map<size_t, Pending> pending;

  auto base_record = [&](const BatchInput& in) {
    DocumentRecord rec;
    rec.path = in.path;
    rec.source = in.source;
    rec.size = in.size;
    rec.tool_version = o.tool_version;
    rec.schema_version = kSchemaVersion;
    rec.processed_at = NowUtc();
    return rec;
  };
  auto record = [&](const DocumentRecord& rec) -> Status {
    BUDGETDOC_RETURN_IF_ERROR(store->WriteDocument(summary.run_id, rec));
    if (rec.ok) {
      ++summary.ok;
      const Json* facts = rec.rows.Find("facts");
      size_t n = facts != nullptr ? facts->array().size() : 0;
      progress.Record("ok", rec.path,
                      " (" + std::to_string(n) + " facts, " +
                          FormatSeconds(rec.wall_ms / 1000) + ")");
    } else {
      ++summary.failed;
      summary.failures.emplace_back(rec.path, rec.error);
      progress.Record("failed", rec.path, ": " + rec.error);
    }
    return Status::Ok();
  };
  auto failed = [&](const BatchInput& in, std::string kind,
                    std::string reason) -> Status {
    DocumentRecord rec = base_record(in);
    rec.error_kind = std::move(kind);
    rec.error = std::move(reason);
    return record(rec);
  };

  size_t next = 0;
  // Hands inputs to workers until every slot is busy; failures found before
  // a worker is needed (and skipped files) are recorded on the way.
  auto fill = [&]() -> Status {
    while (pool.active() < static_cast<size_t>(o.jobs) &&
           next < inputs.size()) {
      size_t id = next++;
      const BatchInput& in = inputs[id];
      if (!in.excluded.empty()) {
        BUDGETDOC_RETURN_IF_ERROR(
            store->RecordExcluded(summary.run_id, in.path, in.excluded));
        ++summary.excluded;
        progress.Record("skipped", in.path, " (" + in.excluded + ")");
        continue;
      }
      if (!in.problem.empty()) {
        BUDGETDOC_RETURN_IF_ERROR(failed(in, in.problem_kind, in.problem));
        continue;
      }
      // The parent reads and hashes a file only when it must decide about
      // it (a stored row to compare with, or content sharding); otherwise
      // the worker reads and hashes it, in parallel.
      std::optional<StoredDocument> stored;
      if (!o.force) {
        BUDGETDOC_ASSIGN_OR_RETURN(stored, store->Find(in.path));
      }
      Pending p;
      p.size = in.size;
      std::string bytes;
      bool parent_reads = o.shard_by_content || stored.has_value();
      if (parent_reads) {
        SteadyClock::time_point t0 = SteadyClock::now();
        Result<std::string> read = ReadFile(in.path);
        if (!read.ok()) {
          bool too_large =
              read.status().code() == StatusCode::kResourceExhausted;
          BUDGETDOC_RETURN_IF_ERROR(
              failed(in, too_large ? "too_large" : "unreadable",
                     read.status().message()));
          continue;
        }
        bytes = std::move(read).value();
        p.sha256 = Sha256Hex(bytes);
        p.size = static_cast<int64_t>(bytes.size());
        p.format = std::string(SniffedFormatName(SniffFormat(bytes)));
        p.read_ms = SecondsSince(t0) * 1000;
        if (o.shard_by_content &&
            !InShard(p.sha256, o.shard_index, o.shard_count)) {
          ++summary.other_shards;
          progress.SetTotal(--total);
          continue;
        }
        if (stored && stored->sha256 == p.sha256 &&
            stored->tool_version == o.tool_version &&
            stored->schema_version == kSchemaVersion &&
            (stored->ok || !o.retry_failed)) {
          BUDGETDOC_RETURN_IF_ERROR(
              store->RecordSkipped(summary.run_id, in.path, in.source));
          ++summary.skipped;
          progress.Record("skipped", in.path, " (unchanged)");
          continue;
        }
      }
      Status launched = pool.Launch(
          id, in.path,
          parent_reads ? std::optional<std::string_view>(bytes) : std::nullopt);
      if (!launched.ok()) {
        if (pool.active() > 0) {
          --next;  // try again when a worker has finished
          return Status::Ok();
        }
        DocumentRecord rec = base_record(in);
        rec.sha256 = p.sha256;
        rec.size = p.size;
        rec.format = p.format;
        rec.error_kind = "worker";
        rec.error = "could not start a worker: " + launched.message();
        BUDGETDOC_RETURN_IF_ERROR(record(rec));
        continue;
      }
      pending[id] = std::move(p);
    }
    return Status::Ok();
  };
  while (next < inputs.size() || pool.active() > 0) {
    BUDGETDOC_RETURN_IF_ERROR(fill());
    if (pool.active() == 0) continue;
    std::vector<WorkerResult> finished = pool.Wait(200);
    // Start the next documents before writing these, so that no core waits
    // for the database.
    if (!finished.empty()) BUDGETDOC_RETURN_IF_ERROR(fill());
    for (WorkerResult& r : finished) {
      const BatchInput& in = inputs[r.id];
      Pending& p = pending[r.id];
      DocumentRecord rec = base_record(in);
      rec.sha256 = p.sha256.empty() ? r.sha256 : p.sha256;
      rec.size = r.size >= 0 ? r.size : p.size;
      rec.format = p.format.empty() ? r.sniffed_format : p.format;
      rec.read_ms = p.sha256.empty() ? r.read_ms : p.read_ms;
      rec.analyze_ms = r.analyze_ms;
      rec.wall_ms = r.wall_ms;
      rec.peak_rss_kb = r.peak_rss_kb;
      rec.ok = r.ok;
      rec.error = std::move(r.error);
      rec.error_kind = std::move(r.error_kind);
      if (r.ok) {
        if (!r.format.empty()) rec.format = r.format;
        rec.rows = std::move(r.rows);
      }
      pending.erase(r.id);
      BUDGETDOC_RETURN_IF_ERROR(record(rec));
    }
    progress.Tick();
  }
  progress.Finish();

  summary.inputs = summary.ok + summary.failed + summary.skipped;
  summary.seconds = SecondsSince(start);
  // The runs row counts run_inputs rows: excluded files are skipped there.
  RunCounts counts;
  counts.inputs = static_cast<int64_t>(summary.inputs + summary.excluded);
  counts.ok = static_cast<int64_t>(summary.ok);
  counts.failed = static_cast<int64_t>(summary.failed);
  counts.skipped = static_cast<int64_t>(summary.skipped + summary.excluded);
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

  PrintSummary(o, summary, err);
  return summary;
}

}  // namespace budgetdoc
