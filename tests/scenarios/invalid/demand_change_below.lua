-- expect: tests/scenarios/invalid/demand_change_below.lua:2: shock.demand: change must be in [-1, 10] (got -1.5)
shock.demand { region = "FRA", year = 2020, change = -1.5 }
