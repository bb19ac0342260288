-- expect: tests/scenarios/invalid/gdp_bad_key_type.lua:2: shock.gdp: keys must be names or years (as in [2020] = value)
shock.gdp { region = "SSA", [true] = 1 }
