-- expect: tests/scenarios/invalid/many_unknown_keys.lua:4: shock.gdp: unknown key 'delta' (valid keys: region, year, from, to, growth)
-- Several unknown keys: the alphabetically first is reported, whatever
-- order pairs() would give.
shock.gdp { zeta = 1, region = "SSA", gamma = 2, delta = 3, [2020] = 1, omega = 4 }
