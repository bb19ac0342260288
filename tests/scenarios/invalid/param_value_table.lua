-- expect: tests/scenarios/invalid/param_value_table.lua:2: param.set: alpha must be a number or a distribution (got table)
param.set("alpha", {1, 2})
