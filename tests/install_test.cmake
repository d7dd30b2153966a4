# `cmake --install` into a fresh prefix installs the binary, the man page
# made from the help text, and the docs; the installed binary runs, and the
# man page has a section for every command `budgetdoc --help` lists (and
# formats without warnings when groff is installed).
#   cmake -DBUILD_DIR=build -P tests/install_test.cmake
cmake_minimum_required(VERSION 3.25)
string(RANDOM LENGTH 10 token)
set(tmp "$ENV{TMPDIR}")
if(NOT tmp)
  set(tmp /tmp)
endif()
set(prefix "${tmp}/budgetdoc_install_test_${token}")
file(REMOVE_RECURSE "${prefix}")

function(fail msg)
  file(REMOVE_RECURSE "${prefix}")
  message(FATAL_ERROR "${msg}")
endfunction()

execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  fail("cmake --install failed (${rc}):\n${out}\n${err}")
endif()

foreach(f bin/budgetdoc share/man/man1/budgetdoc.1 share/doc/budgetdoc/README.md
          share/doc/budgetdoc/output_schema.md share/doc/budgetdoc/architecture.md)
  if(NOT EXISTS "${prefix}/${f}")
    fail("not installed: ${f}")
  endif()
endforeach()

execute_process(COMMAND "${prefix}/bin/budgetdoc" --version
  RESULT_VARIABLE rc OUTPUT_VARIABLE version)
if(NOT rc EQUAL 0 OR NOT version MATCHES "^budgetdoc [0-9]")
  fail("installed budgetdoc --version: ${rc} ${version}")
endif()

execute_process(COMMAND "${prefix}/bin/budgetdoc" --help OUTPUT_VARIABLE overview)
file(READ "${prefix}/share/man/man1/budgetdoc.1" page)
string(FIND "${overview}" "\ncommands:\n" start)
string(SUBSTRING "${overview}" ${start} -1 block)
string(FIND "${block}" "\n\n" end)
string(SUBSTRING "${block}" 0 ${end} block)
string(REGEX MATCHALL "\n  [a-z][a-z-]*" names "${block}")
list(LENGTH names count)
if(count LESS 6)
  fail("budgetdoc --help lists ${count} commands")
endif()
foreach(n IN LISTS names)
  string(STRIP "${n}" n)
  string(FIND "${page}" ".SS budgetdoc ${n}\n" at)
  if(at EQUAL -1)
    fail("the man page has no section for ${n}")
  endif()
endforeach()
foreach(needle ".TH BUDGETDOC 1" "\\-\\-format" "\\-\\-no\\-bom" "\\-\\-include")
  string(FIND "${page}" "${needle}" at)
  if(at EQUAL -1)
    fail("the man page lacks '${needle}'")
  endif()
endforeach()

find_program(GROFF groff)
find_program(PRECONV preconv)
if(GROFF AND PRECONV)
  execute_process(
    COMMAND ${PRECONV} "${prefix}/share/man/man1/budgetdoc.1"
    COMMAND ${GROFF} -man -Tutf8 -ww -z
    RESULT_VARIABLE rc ERROR_VARIABLE warnings)
  if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
    fail("groff on the man page (${rc}):\n${warnings}")
  endif()
else()
  message(STATUS "groff not installed: the man page is not formatted")
endif()
file(REMOVE_RECURSE "${prefix}")
