-- expect: tests/scenarios/invalid/gdp_out_of_range.lua:2: shock.gdp: growth must be in [-100, 100] (got 500)
shock.gdp { region = "SSA", year = 2020, growth = 500 }
