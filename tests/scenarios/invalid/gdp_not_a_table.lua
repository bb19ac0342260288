-- expect: tests/scenarios/invalid/gdp_not_a_table.lua:2: shock.gdp: expects one table: shock.gdp { key = value, ... } (got string)
shock.gdp("SSA", -2)
