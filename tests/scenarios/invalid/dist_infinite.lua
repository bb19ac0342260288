-- expect: tests/scenarios/invalid/dist_infinite.lua:2: normal: the parameters must be finite numbers
local d = normal(1/0, 1)
