-- expect: tests/scenarios/invalid/scenario_years_shape.lua:2: scenario: years must be {from, to}, as in years = {2020, 2030}
scenario { years = 2020 }
