-- expect: tests/scenarios/invalid/gdp_year_and_by_year.lua:2: shock.gdp: give either year/from/to or values by year, not both
shock.gdp { region = "SSA", year = 2020, [2021] = -2 }
