// budgetdoc: parse nothing here; forward to RunCli and map exceptions from
// the standard library (e.g. bad_alloc) to exit code 2.
#include "cli/cli.h"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return budgetdoc::RunCli(args, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "budgetdoc: internal error: " << e.what() << "\n";
    return 2;
  }
}
