-- expect: tests/scenarios/invalid/dist_normal_sd.lua:2: normal: the standard deviation must be >= 0 (got -0.1)
local d = normal(0.2, -0.1)
