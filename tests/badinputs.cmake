# Bad inputs that fit no other corpus (issue 8; tests/badinputs/README.md):
# worlds, scenarios and tables with BOMs and CRLF (accepted), empty files,
# NUL bytes, huge numbers, very long fields, labels with quotes and commas,
# region lists that do not match, a hook failing in year 7 of draw 300.
# Each folder is one case, badinput.<folder>, run by tests/badinputs/run.sh.
find_program(VIGIL_BASH bash)
if(NOT VIGIL_BASH)
  message(WARNING "bash not found: the tests of tests/badinputs/ are not registered")
  return()
endif()
file(GLOB VIGIL_BADINPUT_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/badinputs/*)
list(SORT VIGIL_BADINPUT_CASES)
foreach(dir ${VIGIL_BADINPUT_CASES})
  if(NOT IS_DIRECTORY ${dir})
    continue()
  endif()
  get_filename_component(case ${dir} NAME)
  add_test(NAME badinput.${case}
           COMMAND ${VIGIL_BASH} ${CMAKE_CURRENT_LIST_DIR}/badinputs/run.sh
                   $<TARGET_FILE:vigil> ${CMAKE_CURRENT_LIST_DIR}/badinputs ${case}
                   ${CMAKE_CURRENT_BINARY_DIR}/badinputs-out)
  set_tests_properties(badinput.${case} PROPERTIES LABELS badinput TIMEOUT 300
    ENVIRONMENT "LC_ALL=C;OPENBLAS_NUM_THREADS=1;VIGIL_SHARED=${CMAKE_CURRENT_BINARY_DIR}/no-shared")
endforeach()
