-- expect: tests/scenarios/invalid/dd_misspelt_key.lua:2: policy.due_diligence: unknown key 'effect' (did you mean 'effectiveness'?)
policy.due_diligence { importer = "FRA", from = 2020, coverage = 0.3, effect = 0.2 }
