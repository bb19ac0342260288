-- expect: tests/scenarios/invalid/gdp_misspelt_key.lua:2: shock.gdp: unknown key 'regoin' (did you mean 'region'?)
shock.gdp { regoin = "SSA", [2020] = -2.0 }
