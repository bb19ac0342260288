# The Lua host (issue 4): sandbox, limits, require, seeded RNG, exact script
# error messages, allocation failures. Fixtures in tests/lua/host/.
vigil_unit_test(test_lua_host ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_lua_host.c)
