# Lists of goods at risk (docs/WORLD.md, "Risk lists"): scripts/build-risk-list
# reproduces the stylised world's forced_labour_risk list from its own tables
# (no shared data needed), and rebuilds the WIOD 2011 list byte for byte, with
# which the EU forced-labour ban checks and runs on that world
# (tests/risk_list/run.sh; exit 77, skipped, when ../shared's WIOD is absent).
find_program(VIGIL_PYTHON3 python3)
find_program(VIGIL_BASH bash)
if(NOT VIGIL_PYTHON3 OR NOT VIGIL_BASH)
  message(WARNING "python3 or bash not found: the risk-list tests are not registered")
  return()
endif()

foreach(which stylised wiod2011)
  add_test(NAME risk_list.${which}
           COMMAND ${VIGIL_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/risk_list/run.sh ${which}
                   $<TARGET_FILE:vigil> ${VIGIL_PYTHON3}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(risk_list.${which} PROPERTIES LABELS risk_list
    SKIP_RETURN_CODE 77 TIMEOUT 180
    ENVIRONMENT "VIGIL_SHARED=${VIGIL_SHARED_DIR};LC_ALL=C;OPENBLAS_NUM_THREADS=1")
endforeach()
