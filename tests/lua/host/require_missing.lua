-- A module that does not exist.
local x = require 'missing'
