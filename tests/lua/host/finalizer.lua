-- A finalizer would run with hooks off: refused.
setmetatable({}, { __gc = function() while true do end end })
