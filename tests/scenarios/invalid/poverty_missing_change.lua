-- expect: tests/scenarios/invalid/poverty_missing_change.lua:2: shock.poverty: missing required key 'change'
shock.poverty { region = "*", year = 2020 }
