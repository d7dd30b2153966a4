// ReadXls: a legacy Excel workbook (.xls, BIFF5/BIFF8) into a Document,
// through Debian's FreeXL: the only file that includes <freexl.h>. Each
// sheet becomes a Table through AddSheet (extract/sheet_grid.h), as in a
// .xlsx. FreeXL opens files by path only, so the bytes go into an anonymous
// in-memory file (memfd) opened as /proc/self/fd/N: nothing touches disk.
// What FreeXL does not report, we cannot use: number formats (numbers are
// printed with at most 15 significant digits, so a cell shown as "23.45%"
// reads 0.2345), merged ranges and hidden sheets (noted in one info
// finding).
// FreeXL 1.0.6 is not safe on damaged files (issue 21): it runs in a
// forked child (ReadSheetsInChild), so a crash makes the file kCorrupt and
// what it leaks goes with the child; its unchecked directory names are
// refused before it runs (CheckDirectoryNames).
// Tested by tests/extract/xls_reader_test.cc and corrupt_workbook_test.cc.
#include "base/file_io.h"
#include "extract/number_format.h"
#include "extract/readers.h"
#include "extract/sheet_grid.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <freexl.h>
#include <map>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace budgetdoc {
namespace {

// An anonymous memory file holding the bytes; closed on destruction.
class MemoryFile {
 public:
  MemoryFile() = default;
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  ~MemoryFile() {
    if (fd_ >= 0) ::close(fd_);
  }

  Status Write(std::string_view bytes) {
    fd_ = ::memfd_create("budgetdoc-xls", MFD_CLOEXEC);
    if (fd_ < 0) return Status::IoError("xls: cannot create a memory file");
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) return Status::IoError("xls: cannot write a memory file");
      done += static_cast<size_t>(n);
    }
    return Status::Ok();
  }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_ = -1;
};

class XlsHandle {
 public:
  XlsHandle() = default;
  XlsHandle(const XlsHandle&) = delete;
  XlsHandle& operator=(const XlsHandle&) = delete;
  ~XlsHandle() {
    if (handle_ != nullptr) freexl_close(handle_);
  }
  const void** out() { return &handle_; }
  const void* get() const { return handle_; }

 private:
  const void* handle_ = nullptr;
};

std::string FreexlError(int code) {
  switch (code) {
    case FREEXL_INSUFFICIENT_MEMORY:
      return "out of memory";
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_INVALID_SECTOR_SIZE:
      return "not a valid OLE compound file (bad header)";
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
      return "damaged OLE compound file (allocation table)";
    case FREEXL_BIFF_INVALID_BOF:
      return "damaged BIFF stream (bad BOF record)";
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX:
      return "damaged shared string table";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return "no workbook stream";
    case FREEXL_INVALID_CHARACTER:
      return "text in an unknown character set";
    default:
      return "unreadable (FreeXL error " + std::to_string(code) + ")";
  }
}

std::string CellText(const FreeXL_CellValue& v) {
  char buf[64];
  switch (v.type) {
    case FREEXL_CELL_INT:
      std::snprintf(buf, sizeof buf, "%d", v.value.int_value);
      return buf;
    case FREEXL_CELL_DOUBLE:
      // The file stores an IEEE double; 15 significant digits print it as
      // it was typed, then General drops the trailing zeros.
      std::snprintf(buf, sizeof buf, "%.15g", v.value.double_value);
      return FormatNumber(buf, "General");
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return v.value.text_value != nullptr ? v.value.text_value : "";
    default:
      return "";
  }
}

// Decimal places of a number as CellText prints a stored double ("31.94"
// -> 2); -1 for text that is not such a number.
int DecimalsOf(std::string_view text) {
  size_t dot = text.find('.');
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
  if (digits.empty()) return -1;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (digits[i] != '.' && (digits[i] < '0' || digits[i] > '9')) return -1;
  }
  return dot == std::string_view::npos
             ? 0
             : static_cast<int>(text.size() - dot - 1);
}

// FreeXL knows no number formats, so a stored 9 would print as "9" where
// Excel shows "9.00" beside "22.94" (and a whole number among amounts reads
// as a row number). The numbers of a column print with the most decimal
// places (up to 4) any of its stored numbers has.
void AlignColumnDecimals(const std::vector<bool>& stored_number,
                         std::vector<SheetCell>* cells) {
  std::map<int, int> places;  // column -> decimals
  for (size_t i = 0; i < cells->size(); ++i) {
    if (!stored_number[i]) continue;
    int d = DecimalsOf((*cells)[i].text);
    if (d > 0)
      places[(*cells)[i].col] =
          std::max(places[(*cells)[i].col], std::min(d, 4));
  }
  for (size_t i = 0; i < cells->size(); ++i) {
    SheetCell& c = (*cells)[i];
    auto it = places.find(c.col);
    if (!stored_number[i] || it == places.end()) continue;
    int d = DecimalsOf(c.text);
    if (d < 0 || d >= it->second) continue;
    if (d == 0) c.text += '.';
    c.text.append(static_cast<size_t>(it->second - d), '0');
  }
}

uint32_t Le32(std::string_view bytes, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

// FreeXL 1.0.6 finds the Workbook stream by converting the name of each
// entry of the compound file's first directory sector with the entry's own
// 16-bit name length, unchecked: a length over 64 (the name field's size)
// makes it read up to 64 KiB past the sector, which it holds on the stack.
// Such an entry breaks the format (names are at most 32 UTF-16 units, NUL
// included), so the file is refused before FreeXL sees it. A header FreeXL
// itself refuses (signature, sector size) or a directory sector it cannot
// read is left to it.
Status CheckDirectoryNames(std::string_view bytes) {
  constexpr size_t kHeader = 512, kEntry = 128, kNameField = 64;
  if (bytes.size() < kHeader) return Status::Ok();
  int shift = static_cast<unsigned char>(bytes[0x1E]) |
              (static_cast<unsigned char>(bytes[0x1F]) << 8);
  if (shift != 9 && shift != 12) return Status::Ok();
  const size_t sector = size_t{1} << shift;
  // As FreeXL computes it: sector numbers count from the end of the header
  // sector, in 32-bit arithmetic.
  uint32_t first = Le32(bytes, 0x30);
  size_t at =
      static_cast<uint32_t>((first + 1u) * static_cast<uint32_t>(sector));
  if (at > bytes.size() || bytes.size() - at < sector) return Status::Ok();
  for (size_t e = at; e < at + sector; e += kEntry) {
    size_t length =
        static_cast<unsigned char>(bytes[e + kNameField]) |
        (static_cast<unsigned char>(bytes[e + kNameField + 1]) << 8);
    if (length > kNameField) {
      return Status::Corrupt(
          "xls: damaged OLE compound file (directory entry " +
          std::to_string((e - at) / kEntry) + " claims a name of " +
          std::to_string(length) + " bytes, more than 64)");
    }
  }
  return Status::Ok();
}

// The sheets of a workbook as FreeXL reads them, in sheet order, each
// grid's numbers aligned (AlignColumnDecimals). Runs FreeXL in this
// process: call it through ReadSheetsInChild.
Status ReadSheetsWithFreexl(std::string_view bytes,
                            std::vector<SheetGrid>* grids) {
  MemoryFile file;
  BUDGETDOC_RETURN_IF_ERROR(file.Write(bytes));
  XlsHandle xls;
  int rc = freexl_open(file.path().c_str(), xls.out());
  if (rc != FREEXL_OK) return Status::Corrupt("xls: " + FreexlError(rc));
  unsigned int password = 0;
  if (freexl_get_info(xls.get(), FREEXL_BIFF_PASSWORD, &password) ==
          FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED) {
    return Status::Unsupported(
        "xls: the workbook is password-protected (open it and save an "
        "unprotected copy)");
  }
  unsigned int sheets = 0;
  rc = freexl_get_info(xls.get(), FREEXL_BIFF_SHEET_COUNT, &sheets);
  if (rc != FREEXL_OK) return Status::Corrupt("xls: " + FreexlError(rc));
  for (unsigned short s = 0; s < sheets && s < 4096; ++s) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(xls.get(), s, &name) != FREEXL_OK) continue;
    SheetGrid grid;
    grid.name = name != nullptr ? name : "Sheet" + std::to_string(s + 1);
    if (freexl_select_active_worksheet(xls.get(), s) != FREEXL_OK) continue;
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(xls.get(), &rows, &cols) != FREEXL_OK)
      continue;
    if (static_cast<size_t>(rows) * cols > kMaxGridCells) {
      return Status::ResourceExhausted(
          "xls: sheet '" + grid.name + "' claims " + std::to_string(rows) +
          " x " + std::to_string(cols) + " cells, more than " +
          std::to_string(kMaxGridCells));
    }
    std::vector<bool> stored_number;  // per grid cell
    for (unsigned int r = 0; r < rows; ++r) {
      for (unsigned short c = 0; c < cols; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(xls.get(), r, c, &v) != FREEXL_OK) continue;
        std::string text = CellText(v);
        if (text.empty()) continue;
        grid.cells.push_back(
            SheetCell{static_cast<int>(r), static_cast<int>(c), text});
        stored_number.push_back(v.type == FREEXL_CELL_INT ||
                                v.type == FREEXL_CELL_DOUBLE);
      }
    }
    AlignColumnDecimals(stored_number, &grid.cells);
    grids->push_back(std::move(grid));
  }
  return Status::Ok();
}

// The child's answer on the pipe: the status (code, message), then each
// grid (name, cells as row, column, text); integers 4 bytes little-endian,
// strings length-prefixed.
void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
void PutString(std::string_view s, std::string* out) {
  PutU32(static_cast<uint32_t>(s.size()), out);
  out->append(s);
}

std::string EncodeSheets(const Status& status,
                         const std::vector<SheetGrid>& grids) {
  std::string out;
  PutU32(static_cast<uint32_t>(status.code()), &out);
  PutString(status.message(), &out);
  PutU32(static_cast<uint32_t>(grids.size()), &out);
  for (const SheetGrid& g : grids) {
    PutString(g.name, &out);
    PutU32(static_cast<uint32_t>(g.cells.size()), &out);
    for (const SheetCell& c : g.cells) {
      PutU32(static_cast<uint32_t>(c.row), &out);
      PutU32(static_cast<uint32_t>(c.col), &out);
      PutString(c.text, &out);
    }
  }
  return out;
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
  bool String(std::string* out) {
    uint32_t n;
    if (!U32(&n) || s_.size() < n) return false;
    out->assign(s_.substr(0, n));
    s_.remove_prefix(n);
    return true;
  }
  bool AtEnd() const { return s_.empty(); }

 private:
  std::string_view s_;
};

// False on malformed bytes (a child that died mid-write).
bool DecodeSheets(std::string_view bytes, Status* status,
                  std::vector<SheetGrid>* grids) {
  Reader r(bytes);
  uint32_t code, count;
  std::string message;
  if (!r.U32(&code) || !r.String(&message) || !r.U32(&count)) return false;
  switch (static_cast<StatusCode>(code)) {
    case StatusCode::kOk:
      *status = Status::Ok();
      break;
    case StatusCode::kCorrupt:
      *status = Status::Corrupt(message);
      break;
    case StatusCode::kUnsupported:
      *status = Status::Unsupported(message);
      break;
    case StatusCode::kResourceExhausted:
      *status = Status::ResourceExhausted(message);
      break;
    case StatusCode::kIoError:
      *status = Status::IoError(message);
      break;
    default:
      *status = Status::Internal(message);
      break;
  }
  for (uint32_t i = 0; i < count; ++i) {
    SheetGrid g;
    uint32_t cells;
    if (!r.String(&g.name) || !r.U32(&cells)) return false;
    for (uint32_t j = 0; j < cells; ++j) {
      uint32_t row, col;
      SheetCell c;
      if (!r.U32(&row) || !r.U32(&col) || !r.String(&c.text)) return false;
      c.row = static_cast<int>(row);
      c.col = static_cast<int>(col);
      g.cells.push_back(std::move(c));
    }
    grids->push_back(std::move(g));
  }
  return r.AtEnd();
}

// FreeXL 1.0.6 is not safe on damaged files: besides the directory names
// (CheckDirectoryNames), its sheet bookkeeping gives a sheet a cell array
// sized for another (a sheet list pointing away from a sheet's records, a
// second or garbled DIMENSION record), which reads out of bounds and leaks
// (issue 21: a SEGV and leaks found by xls_fuzzer). So it runs in a forked
// child that sends the sheets back through a pipe: a child that crashes
// or writes garbage makes the file kCorrupt, and whatever FreeXL leaked
// goes with the child. Call from a single-threaded process (fork).
Status ReadSheetsInChild(std::string_view bytes,
                         std::vector<SheetGrid>* grids) {
  int fds[2];
  if (pipe(fds) != 0)
    return Status::IoError("xls: cannot create a pipe for the reader");
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return Status::IoError("xls: cannot start the reader process");
  }
  if (pid == 0) {
    close(fds[0]);
    std::vector<SheetGrid> read;
    Status status = ReadSheetsWithFreexl(bytes, &read);
    _exit(WriteAllToFd(fds[1], EncodeSheets(status, read)) ? 0 : 1);
  }
  close(fds[1]);
  std::string answer;
  char buf[65536];
  for (;;) {
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n > 0) {
      answer.append(buf, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(fds[0]);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  Status status;
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0 &&
      DecodeSheets(answer, &status, grids)) {
    return status;
  }
  grids->clear();
  std::string how =
      WIFSIGNALED(wstatus)
          ? "crashed (signal " + std::to_string(WTERMSIG(wstatus)) + ")"
          : "failed (exit " + std::to_string(WEXITSTATUS(wstatus)) + ")";
  return Status::Corrupt("xls: damaged workbook: FreeXL " + how +
                         " reading it");
}

}  // namespace

Result<Document> ReadXls(std::string_view bytes, const ExtractOptions&) {
  BUDGETDOC_RETURN_IF_ERROR(CheckDirectoryNames(bytes));
  std::vector<SheetGrid> grids;
  BUDGETDOC_RETURN_IF_ERROR(ReadSheetsInChild(bytes, &grids));
  Document doc;
  doc.format = Format::kXls;
  for (const SheetGrid& grid : grids) {
    BUDGETDOC_RETURN_IF_ERROR(AddSheet(grid, &doc).WithContext("xls"));
  }
  Finding note;
  note.severity = Severity::kInfo;
  note.rule = "extract.xls.limits";
  note.message =
      "read with FreeXL: number formats, merged cells and hidden sheets are "
      "not known (numbers as stored, with the decimal places of their "
      "column; every sheet read)";
  doc.findings.push_back(std::move(note));
  if (doc.tables.empty()) {
    Finding f;
    f.severity = Severity::kWarning;
    f.rule = "extract.xls.empty";
    f.message = "the workbook has no sheet with cells";
    doc.findings.push_back(std::move(f));
  }
  return doc;
}

}  // namespace budgetdoc
