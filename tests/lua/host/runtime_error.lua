-- A runtime error inside a function: message first, then the traceback.
local function shock(region)
  return region.gdp * 2
end
shock(nil)
