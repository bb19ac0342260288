-- Reads a global that was never declared (a typo for a local).
local scenario_years = 10
local n = scenario_yeras
