-- expect: tests/scenarios/invalid/dist_triangular_mode.lua:2: triangular: needs min <= mode <= max (got 0, 2, 1)
local d = triangular(0, 2, 1)
