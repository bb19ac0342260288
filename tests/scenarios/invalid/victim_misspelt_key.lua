-- expect: tests/scenarios/invalid/victim_misspelt_key.lua:2: policy.victim_identification: unknown key 'trainned' (did you mean 'trained'?)
policy.victim_identification { region = "Arab States", from = 2022, identified = 0.3, trainned = 0.5 }
