-- expect: tests/scenarios/invalid/gdp_year_outside.lua:2: shock.gdp: [2031] is outside the run (2020-2030)
shock.gdp { region = "SSA", [2020] = -2.0, [2031] = 1 }
