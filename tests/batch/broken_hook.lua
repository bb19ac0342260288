-- broken_hook.lua: a hook that fails in one draw only (draw 7), for the
-- tests of errors in worker processes and of a batch with a broken scenario.
scenario { name = "Broken hook", years = {2020, 2024} }
shock.gdp { region = "*", year = 2020, growth = normal(-2, 0.5) }
on_year(function(year, state)
    if state.draw == 7 and year == 2022 then
        error("deliberate failure")
    end
end)
