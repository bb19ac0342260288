# The scenario language (issue 4): the C unit test (every lever, every
# invalid fixture of tests/scenarios/invalid/ with its exact message, hooks,
# determinism, fault injection), and `vigil check` on every shipped
# scenario and on a few command-line cases (tests/scenarios/run_check.sh).
vigil_unit_test(test_scenario ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_scenario.c)
set_tests_properties(test_scenario PROPERTIES LABELS scenario)

find_program(VIGIL_BASH bash)
if(NOT VIGIL_BASH)
  message(WARNING "bash not found: the `vigil check` tests are not registered")
  return()
endif()

file(GLOB VIGIL_SHIPPED_SCENARIOS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/scenarios/*.lua)
list(SORT VIGIL_SHIPPED_SCENARIOS)
foreach(f ${VIGIL_SHIPPED_SCENARIOS})
  get_filename_component(name ${f} NAME_WE)
  add_test(NAME scenario.check.${name}
           COMMAND $<TARGET_FILE:vigil> check scenarios/${name}.lua
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(scenario.check.${name} PROPERTIES LABELS scenario
    ENVIRONMENT "LC_ALL=C;OPENBLAS_NUM_THREADS=1")
endforeach()

add_test(NAME scenario.cli
         COMMAND ${VIGIL_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/scenarios/run_check.sh
                 $<TARGET_FILE:vigil>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(scenario.cli PROPERTIES LABELS scenario
  ENVIRONMENT "LC_ALL=C;OPENBLAS_NUM_THREADS=1")
