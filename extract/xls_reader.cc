// ReadXls: a legacy Excel workbook (.xls, BIFF5/BIFF8) into a Document,
// through Debian's FreeXL: the only file that includes <freexl.h>. Each
// sheet becomes a Table through AddSheet (extract/sheet_grid.h), as in a
// .xlsx. FreeXL opens files by path only, so the bytes go into an anonymous
// in-memory file (memfd) opened as /proc/self/fd/N: nothing touches disk.
// What FreeXL does not report, we cannot use: number formats (numbers are
// printed with at most 15 significant digits, so a cell shown as "23.45%"
// reads 0.2345), merged ranges and hidden sheets (noted in one info
// finding).
// FreeXL 1.0.6 leaks a cell array when a listed sheet has no DIMENSION
// record where FreeXL looks for it (a sheet list pointing elsewhere, a
// substream without one): memory lost until the process ends, bounded by
// that sheet's grid. Readers of many workbooks in one process should
// isolate it as `batch` and `serve` do (cli/worker.h). Its unchecked
// directory names are refused up front (CheckDirectoryNames).
// Tested by tests/extract/xls_reader_test.cc and corrupt_workbook_test.cc.
#include "extract/number_format.h"
#include "extract/readers.h"
#include "extract/sheet_grid.h"

#include <cstdint>
#include <cstdio>
#include <freexl.h>
#include <map>
#include <string>
#include <sys/mman.h>
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

}  // namespace

Result<Document> ReadXls(std::string_view bytes, const ExtractOptions&) {
  BUDGETDOC_RETURN_IF_ERROR(CheckDirectoryNames(bytes));
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
  Document doc;
  doc.format = Format::kXls;
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
