-- expect: tests/scenarios/invalid/income_missing_loss.lua:2: shock.income: missing required key 'loss'
shock.income { region = "*", year = 2020 }
