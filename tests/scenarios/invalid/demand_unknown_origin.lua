-- expect: tests/scenarios/invalid/demand_unknown_origin.lua:2: shock.demand: unknown region 'CHA' (did you mean 'CHN'?)
shock.demand { region = "FRA", origin = "CHA", year = 2020, change = -0.1 }
