-- expect: tests/scenarios/invalid/enforce_prosecution.lua:2: policy.enforcement: prosecution must be a share in [0, 1] (got 2)
policy.enforcement { region = "Asia and the Pacific", from = 2022, detection = 0.1, prosecution = 2 }
