-- expect: tests/scenarios/invalid/ban_unknown_importer.lua:2: trade.ban: unknown region 'EU28' (did you mean 'EU26'?)
trade.ban { importer = "EU28", goods = "forced_labour_risk", from = 2028 }
