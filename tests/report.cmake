# Briefing notes (issue 7, docs/REPORTS.md): the C test (catalogue, numbers
# by language, HTML well formed and self-contained, no untranslated label,
# numbers from summary.csv, Markdown and charts, batch folders, errors,
# out of memory), the command line (tests/report/run_cli.sh), and a
# screenshot in headless Chromium, skipped when Chromium is absent.
vigil_unit_test(test_report ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_report.c)
set_tests_properties(test_report PROPERTIES LABELS report TIMEOUT 600)

find_program(VIGIL_BASH bash)
if(NOT VIGIL_BASH)
  message(WARNING "bash not found: the report command-line tests are not registered")
  return()
endif()

set(VIGIL_REPORT_DIR ${CMAKE_CURRENT_BINARY_DIR}/report_fixture)
add_test(NAME report.cli
         COMMAND ${VIGIL_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/report/run_cli.sh
                 $<TARGET_FILE:vigil> ${VIGIL_REPORT_DIR}
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(report.cli PROPERTIES LABELS report FIXTURES_SETUP report_run
  ENVIRONMENT "LC_ALL=C;OPENBLAS_NUM_THREADS=1" TIMEOUT 300)

add_test(NAME report.screenshot
         COMMAND ${VIGIL_BASH} ${CMAKE_SOURCE_DIR}/scripts/screenshot-report
                 ${VIGIL_REPORT_DIR}/covid --out ${VIGIL_REPORT_DIR}/screenshots
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(report.screenshot PROPERTIES LABELS report FIXTURES_REQUIRED report_run
  SKIP_RETURN_CODE 77 TIMEOUT 300)
