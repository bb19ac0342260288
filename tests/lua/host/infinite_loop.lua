-- Never ends: the instruction budget stops it.
local n = 0
while true do end
