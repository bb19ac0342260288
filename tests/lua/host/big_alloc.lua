-- One allocation far beyond the limit (refused outright).
local s = string.rep('x', 1 << 30)
