-- expect: tests/scenarios/invalid/tariff_from_outside.lua:2: trade.tariff: from = 2019 is outside the run (2020-2030)
trade.tariff { importer = "NAM", origin = "CHN", from = 2019, rate = 0.25 }
