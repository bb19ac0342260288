-- expect: tests/scenarios/invalid/dist_lognormal_sd.lua:2: lognormal: the standard deviation must be >= 0 (got -1)
local d = lognormal(0, -1)
