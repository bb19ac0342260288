# The built-in stylised world: the committed files are what scripts/build-world
# makes from scenarios/worlds/stylised/inputs.csv (exit 77: facts absent, skip).
find_program(VIGIL_PYTHON3 python3)
if(VIGIL_PYTHON3)
  add_test(NAME world.build_reproducible
           COMMAND ${VIGIL_PYTHON3} ${CMAKE_SOURCE_DIR}/scripts/build-world --check
                   --facts ${VIGIL_SHARED_DIR}/data/facts)
  set_tests_properties(world.build_reproducible PROPERTIES SKIP_RETURN_CODE 77)
endif()
vigil_unit_test(test_world ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_world.c)
