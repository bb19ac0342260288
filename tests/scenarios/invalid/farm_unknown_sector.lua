-- expect: tests/scenarios/invalid/farm_unknown_sector.lua:2: policy.family_farm_support: unknown sector 'farming' (sectors are agriculture, industry, services, the table's sector codes, or '*')
policy.family_farm_support { region = "SSA", sector = "farming", from = 2022, coverage = 0.2, effectiveness = 0.2 }
