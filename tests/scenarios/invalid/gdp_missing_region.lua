-- expect: tests/scenarios/invalid/gdp_missing_region.lua:2: shock.gdp: missing required key 'region'
shock.gdp { [2020] = -2.0 }
