// The libzip firewall: the only file that includes <zip.h>.
#include "extract/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <utility>

namespace budgetdoc {
namespace {

std::string ZipErrorText(zip_error_t* error) {
  const char* s = zip_error_strerror(error);
  return s != nullptr ? std::string(s) : std::string("unknown libzip error");
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.0f", v);
  return buf;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

struct ZipArchive::Impl {
  zip_t* za = nullptr;
  ZipLimits limits;
  size_t total_read = 0;
  std::vector<std::string> names;

  ~Impl() {
    if (za != nullptr) zip_discard(za);
  }

  // Index of `name`, or -1.
  zip_int64_t Locate(std::string_view name) const {
    if (!name.empty() && name.front() == '/') name.remove_prefix(1);
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return static_cast<zip_int64_t>(i);
    }
    for (size_t i = 0; i < names.size(); ++i) {
      if (EqualsIgnoreCase(names[i], name)) return static_cast<zip_int64_t>(i);
    }
    return -1;
  }
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::Open(std::string_view bytes, ZipLimits limits) {
  // libzip opens zero bytes as an empty archive; a real one has at least
  // its 22-byte end of central directory record.
  if (bytes.size() < 22) {
    return Status::Corrupt("zip: not a zip archive or truncated (" +
                           std::to_string(bytes.size()) + " bytes)");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    std::string msg = ZipErrorText(&error);
    zip_error_fini(&error);
    return Status::Internal("zip: cannot create a memory source: " + msg);
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (za == nullptr) {
    int code = zip_error_code_zip(&error);
    std::string msg = ZipErrorText(&error);
    zip_error_fini(&error);
    zip_source_free(src);
    if (code == ZIP_ER_NOZIP) {
      return Status::Corrupt(
          "zip: not a zip archive or truncated (no end of central directory "
          "record)");
    }
    return Status::Corrupt("zip: cannot open archive: " + msg);
  }
  zip_error_fini(&error);
  auto impl = std::make_unique<Impl>();
  impl->za = za;
  impl->limits = limits;
  zip_int64_t n = zip_get_num_entries(za, 0);
  if (n < 0) return Status::Corrupt("zip: cannot count entries");
  if (static_cast<size_t>(n) > limits.max_entries) {
    return Status::ResourceExhausted("zip: " + std::to_string(n) +
                                     " entries exceed max_zip_entries (" +
                                     std::to_string(limits.max_entries) + ")");
  }
  impl->names.reserve(static_cast<size_t>(n));
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(za, static_cast<zip_uint64_t>(i), 0);
    impl->names.emplace_back(name != nullptr ? name : "");
  }
  return ZipArchive(std::move(impl));
}

std::vector<std::string> ZipArchive::Names() const { return impl_->names; }

bool ZipArchive::Has(std::string_view name) const {
  return impl_->Locate(name) >= 0;
}

size_t ZipArchive::total_read() const { return impl_->total_read; }

Result<std::string> ZipArchive::ReadEntry(std::string_view name) {
  const std::string where(name);
  zip_int64_t index = impl_->Locate(name);
  if (index < 0) return Status::NotFound(where + ": no such zip entry");
  const ZipLimits& lim = impl_->limits;
  const auto idx = static_cast<zip_uint64_t>(index);

  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->za, idx, 0, &st) != 0) {
    return Status::Corrupt(where + ": cannot stat zip entry: " +
                           ZipErrorText(zip_get_error(impl_->za)));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
      st.encryption_method != ZIP_EM_NONE) {
    return Status::Unsupported(where + ": zip entry is encrypted");
  }
  const size_t left =
      lim.max_total_bytes - std::min(lim.max_total_bytes, impl_->total_read);
  const bool have_comp = (st.valid & ZIP_STAT_COMP_SIZE) != 0;
  const double comp = have_comp ? static_cast<double>(st.comp_size) : 0.0;
  // Declared sizes first: refuse before inflating anything.
  if (st.valid & ZIP_STAT_SIZE) {
    if (st.size > lim.max_entry_bytes) {
      return Status::ResourceExhausted(
          where + ": uncompressed size " + std::to_string(st.size) +
          " bytes exceeds max_entry_bytes (" +
          std::to_string(lim.max_entry_bytes) + ")");
    }
    if (st.size > left) {
      return Status::ResourceExhausted(
          where + ": uncompressed size " + std::to_string(st.size) +
          " bytes exceeds what is left of max_total_bytes (" +
          std::to_string(lim.max_total_bytes) + ")");
    }
    if (have_comp && st.size > kRatioFloorBytes &&
        static_cast<double>(st.size) >
            lim.max_compression_ratio * std::max(comp, 1.0)) {
      return Status::ResourceExhausted(
          where + ": compression ratio " +
          Num(static_cast<double>(st.size) / std::max(comp, 1.0)) +
          ":1 exceeds max_compression_ratio (" +
          Num(lim.max_compression_ratio) + ")");
    }
  }

  zip_file_t* zf = zip_fopen_index(impl_->za, idx, 0);
  if (zf == nullptr) {
    zip_error_t* e = zip_get_error(impl_->za);
    int code = zip_error_code_zip(e);
    std::string msg = ZipErrorText(e);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ||
        code == ZIP_ER_ENCRNOTSUPP) {
      return Status::Unsupported(where + ": zip entry is encrypted");
    }
    if (code == ZIP_ER_COMPNOTSUPP) {
      return Status::Unsupported(where +
                                 ": unsupported zip compression method");
    }
    return Status::Corrupt(where + ": cannot open zip entry: " + msg);
  }
  // Caps while inflating: declared sizes can lie.
  double ratio_cap = have_comp ? std::max(static_cast<double>(kRatioFloorBytes),
                                          lim.max_compression_ratio * comp)
                               : 1e300;
  std::string out;
  if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<size_t>(st.size));
  char buf[65536];
  Status status;
  while (true) {
    zip_int64_t got = zip_fread(zf, buf, sizeof(buf));
    if (got < 0) {
      zip_error_t* e = zip_file_get_error(zf);
      status = Status::Corrupt(
          where + ": cannot inflate zip entry: " + ZipErrorText(e));
      break;
    }
    if (got == 0) break;
    out.append(buf, static_cast<size_t>(got));
    if (out.size() > lim.max_entry_bytes) {
      status = Status::ResourceExhausted(
          where + ": inflated data passed max_entry_bytes (" +
          std::to_string(lim.max_entry_bytes) +
          ") although its declared size is " + std::to_string(st.size));
      break;
    }
    if (out.size() > left) {
      status = Status::ResourceExhausted(
          where + ": inflated data passed max_total_bytes (" +
          std::to_string(lim.max_total_bytes) + ")");
      break;
    }
    if (static_cast<double>(out.size()) > ratio_cap) {
      status = Status::ResourceExhausted(
          where + ": inflated data passed max_compression_ratio (" +
          Num(lim.max_compression_ratio) + ":1 of " + Num(comp) +
          " compressed bytes) although its declared size is " +
          std::to_string(st.size));
      break;
    }
  }
  zip_fclose(zf);
  if (!status.ok()) return status;
  if ((st.valid & ZIP_STAT_SIZE) && out.size() != st.size) {
    return Status::Corrupt(where + ": inflated " + std::to_string(out.size()) +
                           " bytes but the zip declares " +
                           std::to_string(st.size));
  }
  impl_->total_read += out.size();
  return out;
}

// ---- Test support ----

namespace {

struct ZeroSource {
  zip_uint64_t size = 0;
  zip_uint64_t pos = 0;
  zip_error_t error;
};

zip_int64_t ZeroCallback(void* user, void* data, zip_uint64_t len,
                         zip_source_cmd_t cmd) {
  auto* z = static_cast<ZeroSource*>(user);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      z->pos = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      zip_uint64_t n = std::min(len, z->size - z->pos);
      std::memset(data, 0, static_cast<size_t>(n));
      z->pos += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = z->size;
      st->mtime = 0;
      st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
      return sizeof(*st);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&z->error, data, len);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&z->error);
      delete z;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(
          ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
          ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&z->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

}  // namespace

Result<std::string> WriteZipForTest(
    const std::vector<ZipEntryForTest>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (out == nullptr) return Status::Internal("zip: cannot create a buffer");
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    zip_source_free(out);
    return Status::Internal("zip: cannot open for writing: " +
                            ZipErrorText(&error));
  }
  zip_source_keep(out);
  auto fail = [&](const std::string& what) {
    std::string msg = what + ": " + ZipErrorText(zip_get_error(za));
    zip_discard(za);
    zip_source_free(out);
    return Status::Internal("zip: " + msg);
  };
  for (const ZipEntryForTest& e : entries) {
    zip_source_t* s = nullptr;
    if (e.zero_bytes > 0) {
      auto* z = new ZeroSource;
      z->size = e.zero_bytes;
      zip_error_init(&z->error);
      s = zip_source_function(za, ZeroCallback, z);
      if (s == nullptr) {
        zip_error_fini(&z->error);
        delete z;
      }
    } else {
      // libzip copies nothing: the entry's data must live until zip_close,
      // which it does (entries outlives this function's zip_close call).
      s = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
    }
    if (s == nullptr) return fail("cannot create source for " + e.name);
    zip_int64_t idx = zip_file_add(za, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(s);
      return fail("cannot add " + e.name);
    }
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx),
                             e.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                             e.deflate ? 9 : 0);
    zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), 315532800, 0);
  }
  if (zip_close(za) != 0) return fail("cannot write archive");
  std::string bytes;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(out, &st) != 0 || zip_source_open(out) != 0) {
    zip_source_free(out);
    return Status::Internal("zip: cannot reopen the written archive");
  }
  bytes.resize(static_cast<size_t>(st.size));
  zip_int64_t got = zip_source_read(out, bytes.data(), bytes.size());
  zip_source_close(out);
  zip_source_free(out);
  if (got < 0 || static_cast<size_t>(got) != bytes.size()) {
    return Status::Internal("zip: short read of the written archive");
  }
  return bytes;
}

}  // namespace budgetdoc
