// ClassPath: the 类/款/项 names printed as a path in prose,
// "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）".
// Pure. Tested by tests/schema/narrative_test.cc (ClassPathTest).
#ifndef BUDGETDOC_SCHEMA_CLASS_PATH_H_
#define BUDGETDOC_SCHEMA_CLASS_PATH_H_

#include <string>
#include <string_view>

namespace budgetdoc {

struct ClassPath {
  std::string lei, kuan, xiang;
  // The 款 was printed with the word （类）: 「A（类）B（类）C（项）」, names
  // back to back, is read as 类 A, 款 B, 项 C (check: code.level_word).
  bool kuan_marked_lei = false;
  bool empty() const { return lei.empty() && kuan.empty() && xiang.empty(); }
};

// Splits the last 类 … 项 run of `text` into its names. Returns false when
// the text has no （类）/（款）/（项） marker or no name stands before any
// marker
// ("（项）”105.65万元", the tail of a path whose names ended the previous
// line): true guarantees at least one non-empty name.
bool ParseClassPath(std::string_view text, ClassPath* out);

// Drops a list number ("1.", "2、", "（一）", "(3)", "一、") at the start.
std::string StripListNumber(std::string_view s);

}  // namespace budgetdoc

#endif  // BUDGETDOC_SCHEMA_CLASS_PATH_H_
