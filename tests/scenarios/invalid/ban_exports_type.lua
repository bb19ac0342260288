-- expect: tests/scenarios/invalid/ban_exports_type.lua:2: trade.ban: exports must be true or false (got number)
trade.ban { importer = "EU27", goods = "forced_labour_risk", from = 2028, exports = 1 }
