-- A module whose lever call is invalid (tests/scenarios/invalid/module_error.lua).
local m = {}
function m.shock()
    shock.poverty { region = "*", year = 2020, change = 300 }
end
return m
