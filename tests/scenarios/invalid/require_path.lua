-- expect: tests/scenarios/invalid/require_path.lua:2: bad argument #1 to 'require' (invalid module name '../secret': letters, digits and '_' only)
local m = require "../secret"
