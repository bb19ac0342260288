-- conditional_policy.lua: a policy that reacts to the projection.
--
-- Question: with the Covid shock of covid_2020_2022.lua, suppose each
-- government watches child labour in its region and, the first time it
-- rises more than 5 % above its 2020 level, widens children's cash-benefit
-- coverage by half of its baseline level from the next year on. How much
-- child labour does such a trigger rule avoid, and where does it fire?
--
-- Sources: the GDP shock: scenarios/lib/covid.lua. The rule is
-- illustrative (not a policy anyone adopted).
--
-- Caveats:
-- * on_year hooks run once a year in every draw with the state of that
--   year (state.child_labour[region], persons); a lever called in a hook
--   can only act in later years. The trigger's memory (fired, base) is
--   reset for every draw: the file runs again in a fresh Lua state.
-- * The regions are those of the state (SDG regions for child labour,
--   then "World"); the rule skips "World".
local covid = require "covid"

scenario {
    name = "Conditional social protection",
    description = "Covid shock; a region widens children's cash-benefit "
        .. "coverage by 50 % the year after child labour exceeds 105 % of its 2020 level.",
    years = {2020, 2030},
    draws = 200,
    seed = 87,
}

covid.gdp_shock()

local base, fired = {}, {}

on_year(function(year, state)
    for _, region in ipairs(state.regions) do
        local now = state.child_labour[region]
        if year == 2020 then
            base[region] = now
        elseif region ~= "World" and not fired[region] and year < 2030
               and now > 1.05 * base[region] then
            fired[region] = year
            policy.social_protection { region = region, from = year + 1,
                                       coverage = "+50%" }
        end
    end
end)
