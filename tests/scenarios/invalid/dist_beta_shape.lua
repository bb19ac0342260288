-- expect: tests/scenarios/invalid/dist_beta_shape.lua:2: beta: both shape parameters must be > 0 (got 0, 2)
local d = beta(0, 2)
