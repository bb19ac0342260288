# Fault injection (issue 8): every allocation site of loading the built-in
# world and of a small projection fails in turn (tests/unit/test_faults.c;
# the first 200 sites, then a sample of the rest, all of them with
# VIGIL_FAULTS_ALL=1), and a full disk or an unwritable --out.
vigil_unit_test(test_faults ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_faults.c)
set_tests_properties(test_faults PROPERTIES LABELS faults TIMEOUT 900)
