-- expect: tests/scenarios/invalid/ban_unknown_goods.lua:2: trade.ban: unknown goods list 'forced_labor_risk' (did you mean 'forced_labour_risk'?)
trade.ban { importer = "EU27", goods = "forced_labor_risk", from = 2028 }
