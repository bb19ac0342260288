-- expect: tests/scenarios/invalid/dd_normal_mass.lua:2: policy.due_diligence: coverage: normal(0.5, 100) puts less than 1% of its mass inside [0, 1]
policy.due_diligence { importer = "FRA", from = 2020, coverage = normal(0.5, 100), effectiveness = 0.2 }
