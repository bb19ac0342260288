-- expect: tests/scenarios/invalid/dist_not_number.lua:2: bad argument #1 to 'normal' (number expected, got string)
local d = normal("a", 1)
