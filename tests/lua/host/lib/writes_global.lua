-- A module that assigns to an undeclared global.
counter = 1
return true
