-- expect: tests/scenarios/invalid/social_year_key.lua:2: policy.social_protection: unknown key 'year': policies start with 'from' (and may end with 'to')
policy.social_protection { region = "*", year = 2021, coverage = 0.3 }
