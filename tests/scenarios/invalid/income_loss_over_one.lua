-- expect: tests/scenarios/invalid/income_loss_over_one.lua:2: shock.income: loss must be a share in [0, 1] (got 1.2)
shock.income { region = "*", year = 2020, loss = 1.2 }
