-- Hooks that fail in given years (tests/unit/test_scenario.c, test_hook_errors).
local kept

on_year(function(year, state)
    if year == 2021 then shock.gdp { region = "*", year = year, growth = 1 } end
    if year == 2022 then policy.enforcement { region = "Africa", from = 2020, detection = 0.1 } end
    if year == 2023 then local x = state.child_labor end
    if year == 2024 then kept = state end
    if year == 2025 then local x = kept.child_labour end
    if year == 2026 then state.child_labour["Oceania"] = 0 end
    if year == 2027 then error("boom") end
    if year == 2028 then scenario { name = "late" } end
    if year == 2029 then while true do end end
    if year == 2030 then param.set("alpha", 1) end
end)
