// For fuzz targets whose inputs reach code run in forked children: FreeXL
// (extract/xls_reader.cc) and Poppler's pages (extract/pdf_page_budget.h)
// are not safe on damaged files, so the readers run them in a child and
// turn the child's death into a Status. Under libFuzzer a sanitizer report
// in such a child would still run libFuzzer's death callback there, which
// writes a crash artifact (and prints final stats) for an input the reader
// handled. ForgetDeathCallbackInChildren() makes every child forget it; the
// child's report still goes to the log, where scripts/fuzz counts them.
// Call it from LLVMFuzzerInitialize. No effect without a sanitizer.
#ifndef BUDGETDOC_TESTS_FUZZ_FORKED_CHILDREN_H_
#define BUDGETDOC_TESTS_FUZZ_FORKED_CHILDREN_H_

#include <pthread.h>

extern "C" void __sanitizer_set_death_callback(void (*callback)(void))
    __attribute__((weak));

inline void ForgetDeathCallbackInChildren() {
  pthread_atfork(nullptr, nullptr, [] {
    if (&__sanitizer_set_death_callback != nullptr)
      __sanitizer_set_death_callback(nullptr);
  });
}

#endif  // BUDGETDOC_TESTS_FUZZ_FORKED_CHILDREN_H_
