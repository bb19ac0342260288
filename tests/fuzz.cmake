# Fuzz harnesses (issue 8; tests/fuzz/README.md). scripts/fuzz builds them
# with libFuzzer and runs them by hand; here each harness is linked with
# tests/fuzz/replay.c instead, and the ctest case fuzz.<harness> replays its
# whole corpus (seeds and every regression input found so far), in the
# normal build and, in the ASan build, under ASan + UBSan + LeakSanitizer.
# Inputs of tests/fuzz/pending/ (bugs reported, not yet fixed) are not
# replayed.
set(VIGIL_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR}/fuzz)
foreach(h fuzz_csv fuzz_tidy fuzz_scenario)
  add_executable(replay_${h} ${VIGIL_FUZZ_DIR}/replay.c ${VIGIL_FUZZ_DIR}/${h}.c
                 ${VIGIL_FUZZ_DIR}/fuzz_util.c)
  target_compile_options(replay_${h} PRIVATE ${VIGIL_CFLAGS})
  target_include_directories(replay_${h} PRIVATE ${VIGIL_FUZZ_DIR})
  target_link_libraries(replay_${h} PRIVATE vigilcore)
  add_test(NAME fuzz.${h} COMMAND replay_${h} ${VIGIL_FUZZ_DIR}/corpus/${h})
  set_tests_properties(fuzz.${h} PROPERTIES LABELS fuzz TIMEOUT 600
    ENVIRONMENT "LC_ALL=C;OPENBLAS_NUM_THREADS=1;VIGIL_SOURCE=${CMAKE_SOURCE_DIR}")
endforeach()

# The libFuzzer binaries themselves (clang only): scripts/fuzz configures a
# build with -DVIGIL_FUZZ=ON, -DVIGIL_SANITIZE=ON and
# CMAKE_C_FLAGS=-fsanitize=fuzzer-no-link, then builds fuzz_csv ... here.
option(VIGIL_FUZZ "Build the libFuzzer harnesses (clang; see scripts/fuzz)" OFF)
if(VIGIL_FUZZ)
  foreach(h fuzz_csv fuzz_tidy fuzz_scenario)
    # fuzz_alloc.c: alloc.c with its 1 MiB CSV buffers kept (speed; see there)
    add_executable(${h} ${VIGIL_FUZZ_DIR}/${h}.c ${VIGIL_FUZZ_DIR}/fuzz_util.c
                   ${VIGIL_FUZZ_DIR}/fuzz_alloc.c)
    target_include_directories(${h} PRIVATE ${VIGIL_FUZZ_DIR})
    target_link_libraries(${h} PRIVATE vigilcore)
    target_link_options(${h} PRIVATE -fsanitize=fuzzer)
  endforeach()
endif()
