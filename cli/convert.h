// Legacy word-processing files (.doc, .wps) to DOCX with LibreOffice, run
// headless in a child process under the worker's limits (cli/worker.h): an
// address-space cap, a wall-clock timeout after which its whole process
// group is SIGKILLed, its own process group and profile, and a fresh
// temporary directory that holds the input, the output and LibreOffice's
// profile and is removed afterwards. The converter only ever sees the copy
// of the bytes written into that directory.
// Tested by tests/cli/convert_test.cc.
#ifndef BUDGETDOC_CLI_CONVERT_H_
#define BUDGETDOC_CLI_CONVERT_H_

#include "base/result.h"
#include "extract/extract.h"

#include <string>
#include <string_view>

namespace budgetdoc {

struct ConvertOptions {
  // Wall-clock limit for one conversion (LibreOffice's start included).
  int timeout_sec = 120;
  // Address-space limit of the converter in MiB (0 = none; not applied in
  // AddressSanitizer builds). LibreOffice reserves far more address space
  // than it uses, so this is the worker's cap, not less.
  int max_memory_mb = 4096;
  // The LibreOffice program; "" = the first of soffice, libreoffice on PATH.
  std::string soffice;
  // Parent of the temporary directory; "" = $TMPDIR or /tmp.
  std::string temp_dir;
};

// The Debian package that provides the converter, named in messages.
inline constexpr std::string_view kConverterPackage =
    "libreoffice-writer-nogui";

// Converts a .doc/.wps (bytes) to DOCX bytes. Unsupported, naming
// kConverterPackage, when LibreOffice is not installed; ResourceExhausted
// on timeout; Corrupt when LibreOffice produces nothing.
Result<std::string> ConvertToDocx(std::string_view bytes,
                                  const ConvertOptions& options);

// Sets options->convert_to_docx to ConvertToDocx with these limits.
void UseLibreOffice(const ConvertOptions& convert, ExtractOptions* options);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_CONVERT_H_
