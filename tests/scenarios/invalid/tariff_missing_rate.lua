-- expect: tests/scenarios/invalid/tariff_missing_rate.lua:2: trade.tariff: missing required key 'rate'
trade.tariff { importer = "NAM", origin = "CHN", from = 2021 }
