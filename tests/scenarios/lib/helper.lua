-- A helper module (tests/scenarios/valid/all_levers.lua): levers with the
-- same timing for several regions.
local helper = {}

function helper.gdp_for(regions, values)
    for _, r in ipairs(regions) do
        shock.gdp { region = r, [2020] = values[1], [2021] = values[2] }
    end
end

return helper
