-- expect: tests/scenarios/invalid/gdp_missing_year.lua:2: shock.gdp: missing the year: give year = Y, from = Y (and to), or values by year ([Y] = value)
shock.gdp { region = "SSA", growth = -2 }
