-- A module is locked like a scenario.
local ok = require 'writes_global'
