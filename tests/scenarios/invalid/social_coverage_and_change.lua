-- expect: tests/scenarios/invalid/social_coverage_and_change.lua:2: policy.social_protection: give coverage or change, not both
policy.social_protection { region = "*", from = 2021, coverage = 0.3, change = 0.1 }
