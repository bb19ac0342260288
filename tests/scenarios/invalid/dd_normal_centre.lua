-- expect: tests/scenarios/invalid/dd_normal_centre.lua:2: policy.due_diligence: coverage: normal(1.5, 0.1) is centred on 1.5, outside [0, 1]
policy.due_diligence { importer = "FRA", from = 2020, coverage = normal(1.5, 0.1), effectiveness = 0.2 }
