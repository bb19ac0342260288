-- expect: tests/scenarios/invalid/demand_unknown_sector.lua:2: shock.demand: unknown sector 'agricultur' (did you mean 'agriculture'?)
shock.demand { region = "FRA", sector = "agricultur", year = 2020, change = -0.1 }
