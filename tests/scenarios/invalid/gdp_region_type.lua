-- expect: tests/scenarios/invalid/gdp_region_type.lua:2: shock.gdp: region must be a string (got number)
shock.gdp { region = 7, [2020] = -2 }
