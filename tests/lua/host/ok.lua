-- A small valid scenario: locals, library calls, a module, the RNG.
local helper = require 'helper'
local total = 0
for i = 1, 10 do total = total + helper.double(i) end
assert(total == 110, "helper.double")
local label = string.format("%d draws", math.random(5, 9))
assert(#label > 0 and utf8.len(label) == #label)
table.insert(helper.seen, label)
