# `vigil import` (issue 3): conversions compared file by file with their
# expected outputs, every error with its exact message, exit code and no
# output, and the help texts. Every folder of tests/data/icio/cases/ and
# tests/data/longcsv/cases/ is one case, run by tests/run_import_case.sh
# (docs/IMPORT.md, "Tests"); `ctest -R import` runs them with the C tests.
vigil_unit_test(test_import ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_import.c)
set_tests_properties(test_import PROPERTIES LABELS import)

find_program(VIGIL_BASH bash)
if(NOT VIGIL_BASH)
  message(WARNING "bash not found: the import cases are not registered")
  return()
endif()

foreach(family icio longcsv)
  set(cases_dir ${CMAKE_CURRENT_LIST_DIR}/data/${family}/cases)
  file(GLOB cases LIST_DIRECTORIES true CONFIGURE_DEPENDS ${cases_dir}/*)
  list(SORT cases)
  foreach(dir ${cases})
    if(NOT IS_DIRECTORY ${dir})
      continue()
    endif()
    get_filename_component(case ${dir} NAME)
    add_test(NAME import.${family}.${case}
             COMMAND ${VIGIL_BASH} ${CMAKE_CURRENT_LIST_DIR}/run_import_case.sh
                     $<TARGET_FILE:vigil> ${cases_dir} ${case}
                     ${CMAKE_CURRENT_BINARY_DIR}/import-out/${family})
    set_tests_properties(import.${family}.${case} PROPERTIES LABELS import
      ENVIRONMENT "LC_ALL=C;OPENBLAS_NUM_THREADS=1")
  endforeach()
endforeach()
