-- expect: tests/scenarios/invalid/tariff_elasticity.lua:2: trade.tariff: elasticity must be in [0.01, 50] (got 0)
trade.tariff { importer = "NAM", origin = "CHN", from = 2021, rate = 0.25, elasticity = 0 }
