-- expect: tests/scenarios/invalid/dd_uniform_outside.lua:2: policy.due_diligence: coverage: uniform(0.5, 1.5) goes outside [0, 1]
policy.due_diligence { importer = "FRA", from = 2020, coverage = uniform(0.5, 1.5), effectiveness = 0.2 }
