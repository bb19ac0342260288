-- expect: tests/scenarios/invalid/social_missing_from.lua:2: policy.social_protection: missing required key 'from'
policy.social_protection { region = "*", coverage = 0.3 }
