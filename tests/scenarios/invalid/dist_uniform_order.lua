-- expect: tests/scenarios/invalid/dist_uniform_order.lua:2: uniform: min must be <= max (got 0.9 > 0.1)
local d = uniform(0.9, 0.1)
