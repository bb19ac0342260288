-- expect: tests/scenarios/invalid/gdp_unknown_region.lua:2: shock.gdp: unknown region 'Sub-Saharn Africa' (did you mean 'Sub-Saharan Africa'?)
shock.gdp { region = "Sub-Saharn Africa", [2020] = -2.0 }
