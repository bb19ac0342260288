-- expect: tests/scenarios/invalid/social_phase_in.lua:2: policy.social_protection: phase_in must be in [1, 50] (got 0)
policy.social_protection { region = "*", from = 2021, coverage = 0.3, phase_in = 0 }
