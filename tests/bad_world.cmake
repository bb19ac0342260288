# Bad-world tests (issue 3): every folder of tests/bad_world/ is one case, a
# world whose world.csv, concordance, labour baseline, calibration, groups or
# risk list is malformed, run by tests/run_bad_world.sh (see
# tests/bad_world/README.md). A case is named bad_world.<folder>;
# `ctest -R bad_world` runs them all.
find_program(VIGIL_BASH bash)
if(NOT VIGIL_BASH)
  message(WARNING "bash not found: the bad-world tests (tests/bad_world/) are not registered")
  return()
endif()

file(GLOB VIGIL_BAD_WORLD_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/bad_world/*)
list(SORT VIGIL_BAD_WORLD_CASES)
foreach(dir ${VIGIL_BAD_WORLD_CASES})
  if(NOT IS_DIRECTORY ${dir})
    continue()
  endif()
  get_filename_component(case ${dir} NAME)
  add_test(NAME bad_world.${case}
           COMMAND ${VIGIL_BASH} ${CMAKE_CURRENT_LIST_DIR}/run_bad_world.sh
                   $<TARGET_FILE:vigil> ${CMAKE_CURRENT_LIST_DIR}/bad_world ${case}
                   ${CMAKE_CURRENT_BINARY_DIR}/bad-world-out)
  # VIGIL_SHARED points nowhere: no case may depend on the shared data
  set_tests_properties(bad_world.${case} PROPERTIES LABELS bad_world
    ENVIRONMENT "LC_ALL=C;OPENBLAS_NUM_THREADS=1;VIGIL_SHARED=${CMAKE_CURRENT_BINARY_DIR}/no-shared")
endforeach()
