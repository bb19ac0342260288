-- expect: tests/scenarios/invalid/poverty_out_of_range.lua:2: shock.poverty: change must be in [-100, 100] (got 150)
shock.poverty { region = "*", year = 2020, change = 150 }
