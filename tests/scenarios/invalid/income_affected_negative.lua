-- expect: tests/scenarios/invalid/income_affected_negative.lua:2: shock.income: affected must be a share in [0, 1] (got -0.5)
shock.income { region = "*", year = 2020, loss = 0.1, affected = -0.5 }
