-- A helper module for the require tests: a table of functions.
local M = { seen = {} }
function M.double(x) return 2 * x end
return M
