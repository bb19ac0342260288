-- on_year fails in year 7 (2026) of draw 300, and only there: the run
-- stops with the hook's file:line, the year and the draw, and writes nothing
scenario { name = "fails late", years = {2020, 2030} }
shock.gdp { region = "Sub-Saharan Africa", [2020] = normal(-3, 1) }
on_year(function(year, state)
  if state.draw == 300 and year == 2026 then
    local cl = state.child_labour["World"]
    error(string.format("child labour %s in %d of draw %d",
                        cl > 0 and "positive" or "zero", year, state.draw))
  end
end)
