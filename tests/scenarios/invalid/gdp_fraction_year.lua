-- expect: tests/scenarios/invalid/gdp_fraction_year.lua:2: shock.gdp: year must be a whole year (got 2020.5)
shock.gdp { region = "SSA", year = 2020.5, growth = -2 }
