-- expect: tests/scenarios/invalid/ban_nothing_named.lua:2: trade.ban: give at least one of origin, sector or goods
trade.ban { importer = "EU27", from = 2028 }
