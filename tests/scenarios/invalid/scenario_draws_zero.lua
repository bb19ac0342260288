-- expect: tests/scenarios/invalid/scenario_draws_zero.lua:2: scenario: draws must be a whole number in [1, 10000000]
scenario { draws = 0 }
