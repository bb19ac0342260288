-- expect: tests/scenarios/invalid/param_bad_name.lua:2: param.set: invalid parameter name '1abc' (letters, digits and '_', not starting with a digit)
param.set("1abc", 2)
