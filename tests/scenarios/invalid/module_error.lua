-- expect: tests/scenarios/lib/badmod.lua:4: shock.poverty: change must be in [-100, 100] (got 300)
-- An error in a lever called by a module is placed in the module.
local badmod = require "badmod"
badmod.shock()
