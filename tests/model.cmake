# The projection model: calibration targets, invariants, directions, decomposition.
vigil_unit_test(test_model ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_model.c)
