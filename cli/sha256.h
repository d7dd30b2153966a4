// SHA-256 of a byte string, the content key of the batch database. The only
// user of Nettle (Debian's nettle-dev).
// Tested by tests/cli/sha256_test.cc.
#ifndef BUDGETDOC_CLI_SHA256_H_
#define BUDGETDOC_CLI_SHA256_H_

#include <string>
#include <string_view>

namespace budgetdoc {

// Lowercase hex SHA-256 (FIPS 180-4), 64 characters.
std::string Sha256Hex(std::string_view data);

}  // namespace budgetdoc

#endif  // BUDGETDOC_CLI_SHA256_H_
