-- expect: tests/scenarios/invalid/social_neither.lua:2: policy.social_protection: give one of coverage or change
policy.social_protection { region = "*", from = 2021 }
