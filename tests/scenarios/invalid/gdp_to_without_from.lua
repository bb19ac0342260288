-- expect: tests/scenarios/invalid/gdp_to_without_from.lua:2: shock.gdp: 'to' needs 'from'
shock.gdp { region = "SSA", to = 2022, growth = -2 }
