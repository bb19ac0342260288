-- expect: tests/scenarios/invalid/gdp_growth_string.lua:2: shock.gdp: growth must be a number or a distribution (got string)
shock.gdp { region = "SSA", year = 2020, growth = "-2" }
