-- expect: tests/scenarios/invalid/tariff_rate_negative.lua:2: trade.tariff: rate must be in [0, 10] (got -0.1)
trade.tariff { importer = "NAM", origin = "CHN", from = 2021, rate = -0.1 }
