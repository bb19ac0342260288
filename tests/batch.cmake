# Uncertainty and batches (issue 6): the C unit test (quantiles, moments of
# the draws, parallel draws = serial draws, errors in workers, the SQLite
# store) and the command-line cases of tests/batch/*.sh (a broken
# scenario, kill -9 then --resume, shards merged). `ctest -R batch`.
vigil_unit_test(test_batch ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_batch.c)
set_tests_properties(test_batch PROPERTIES LABELS batch)

find_program(VIGIL_BASH bash)
if(NOT VIGIL_BASH)
  message(WARNING "bash not found: the vigil batch tests are not registered")
  return()
endif()
foreach(case jobs broken kill_resume shards)
  add_test(NAME batch.${case}
           COMMAND ${VIGIL_BASH} ${CMAKE_CURRENT_LIST_DIR}/batch/${case}.sh
                   $<TARGET_FILE:vigil> ${CMAKE_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/batch-out/${case})
  set_tests_properties(batch.${case} PROPERTIES LABELS batch ENVIRONMENT "LC_ALL=C")
endforeach()
