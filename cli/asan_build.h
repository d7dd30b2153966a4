// BUDGETDOC_ASAN_BUILD: defined when compiled with AddressSanitizer, whose
// shadow memory needs a huge address space, so address-space limits
// (RLIMIT_AS) on child processes are not applied (cli/worker.cc,
// cli/convert.cc).
#ifndef BUDGETDOC_CLI_ASAN_BUILD_H_
#define BUDGETDOC_CLI_ASAN_BUILD_H_

#if defined(__SANITIZE_ADDRESS__)
#define BUDGETDOC_ASAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BUDGETDOC_ASAN_BUILD 1
#endif
#endif

#endif  // BUDGETDOC_CLI_ASAN_BUILD_H_
