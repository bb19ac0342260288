-- expect: tests/scenarios/invalid/social_text_and_change.lua:2: policy.social_protection: give coverage or change, not both
policy.social_protection { region = "*", from = 2021, coverage = "-10%", change = 0.1 }
