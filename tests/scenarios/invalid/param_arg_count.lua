-- expect: tests/scenarios/invalid/param_arg_count.lua:2: param.set: takes a name and a value: param.set("name", value) (got 1 argument)
param.set("alpha")
