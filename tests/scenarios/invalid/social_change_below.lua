-- expect: tests/scenarios/invalid/social_change_below.lua:2: policy.social_protection: coverage change must be in [-1, 10] (got -1.5)
policy.social_protection { region = "*", from = 2021, coverage = "-150%" }
