# Bad-input tests (issue 2): every folder of tests/bad/ is one case, run by
# tests/run_bad_case.sh (see tests/bad/README.md). A case is named
# bad.<folder>; `ctest -R bad` runs them all.
find_program(VIGIL_BASH bash)
if(NOT VIGIL_BASH)
  message(WARNING "bash not found: the bad-input tests (tests/bad/) are not registered")
  return()
endif()

file(GLOB VIGIL_BAD_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/bad/*)
list(SORT VIGIL_BAD_CASES)
foreach(dir ${VIGIL_BAD_CASES})
  if(NOT IS_DIRECTORY ${dir})
    continue()
  endif()
  get_filename_component(case ${dir} NAME)
  add_test(NAME bad.${case}
           COMMAND ${VIGIL_BASH} ${CMAKE_CURRENT_LIST_DIR}/run_bad_case.sh
                   $<TARGET_FILE:vigil> ${CMAKE_CURRENT_LIST_DIR}/bad ${case}
                   ${CMAKE_CURRENT_BINARY_DIR}/bad-out
                   ${CMAKE_CURRENT_LIST_DIR}/data/textbook)
  set_tests_properties(bad.${case} PROPERTIES LABELS bad
    ENVIRONMENT "LC_ALL=C;OPENBLAS_NUM_THREADS=1")
endforeach()
