-- expect: tests/scenarios/invalid/dist_arg_count.lua:2: uniform takes 2 numbers (got 1 argument)
local d = uniform(1)
