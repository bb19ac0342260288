-- expect: tests/scenarios/invalid/social_to_outside.lua:2: policy.social_protection: to = 2040 is outside the run (2020-2030)
policy.social_protection { region = "*", from = 2021, to = 2040, coverage = 0.3 }
