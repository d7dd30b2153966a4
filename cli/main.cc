#include <cstdio>
int main() {
  std::puts("budgetdoc");
  return 0;
}
