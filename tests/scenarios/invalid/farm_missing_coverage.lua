-- expect: tests/scenarios/invalid/farm_missing_coverage.lua:2: policy.family_farm_support: missing required key 'coverage'
policy.family_farm_support { region = "SSA", from = 2022, effectiveness = 0.2 }
