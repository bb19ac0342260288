# MRIO core: known answers, identities, solves, allocation failures; and the
# cross-check against pymrio's results on the shared tables.
vigil_unit_test(test_mrio ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_mrio.c)
vigil_unit_test(test_pymrio ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_pymrio.c)
vigil_unit_test(test_csvio ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_csvio.c)
