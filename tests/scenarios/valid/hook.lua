-- A hook that fires once per draw when child labour in Sub-Saharan Africa
-- exceeds 90 million (tests/unit/test_scenario.c, test_hooks).
scenario { years = {2020, 2030}, seed = 5 }

local fired = false

on_year(function(year, state)
    if year == 2020 then
        param.set("draw_random", math.random())
    end
    if not fired and state.child_labour["Sub-Saharan Africa"] > 90e6 then
        fired = true
        policy.social_protection { region = "Sub-Saharan Africa", from = year + 1,
                                   coverage = "+20%" }
        param.set("alpha", 2)
    end
end)
