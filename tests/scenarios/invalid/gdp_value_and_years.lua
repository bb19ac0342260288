-- expect: tests/scenarios/invalid/gdp_value_and_years.lua:2: shock.gdp: give growth either as a value or by year ([2020] = ...), not both
shock.gdp { region = "SSA", growth = 1, [2020] = -2 }
