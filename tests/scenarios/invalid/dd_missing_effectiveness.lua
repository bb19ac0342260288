-- expect: tests/scenarios/invalid/dd_missing_effectiveness.lua:2: policy.due_diligence: missing required key 'effectiveness'
policy.due_diligence { importer = "FRA", from = 2020, coverage = 0.3 }
