-- A module that requires itself.
local again = require 'loop'
return true
