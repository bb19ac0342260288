-- expect: tests/scenarios/invalid/gdp_positional.lua:2: shock.gdp: unexpected value at position 1: write key = value
shock.gdp { "SSA", -2 }
