-- expect: tests/scenarios/invalid/victim_identified.lua:2: policy.victim_identification: identified must be a share in [0, 1] (got -0.1)
policy.victim_identification { region = "Arab States", from = 2022, identified = -0.1 }
