-- A runaway loop (tests/unit/test_scenario.c, test_limits).
while true do end
