-- expect: tests/scenarios/invalid/scenario_after_lever.lua:3: scenario: scenario { ... } must come before the first lever (line 2)
shock.gdp { region = "*", [2020] = -1 }
scenario { name = "late" }
