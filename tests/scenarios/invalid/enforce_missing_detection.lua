-- expect: tests/scenarios/invalid/enforce_missing_detection.lua:2: policy.enforcement: missing required key 'detection'
policy.enforcement { region = "Asia and the Pacific", from = 2022 }
