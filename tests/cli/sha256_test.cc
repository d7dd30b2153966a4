// cli/sha256.h: the FIPS 180-4 test vectors through Nettle.
#include "cli/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace budgetdoc {
namespace {

TEST(Sha256Test, MatchesFipsTestVectors) {
  struct Case {
    std::string input;
    const char* digest;
  };
  const Case kCases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      {std::string(64, 'x'),  // exactly one block: padding needs a second
       "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Sha256Hex(c.input), c.digest) << c.input.size() << " bytes";
  }
}

}  // namespace
}  // namespace budgetdoc
