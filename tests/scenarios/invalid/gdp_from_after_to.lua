-- expect: tests/scenarios/invalid/gdp_from_after_to.lua:2: shock.gdp: from = 2025 is after to = 2022
shock.gdp { region = "SSA", from = 2025, to = 2022, growth = 1 }
