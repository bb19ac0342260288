-- expect: tests/scenarios/invalid/dd_coverage_share.lua:2: policy.due_diligence: coverage must be a share in [0, 1] (got 1.5)
policy.due_diligence { importer = "FRA", from = 2020, coverage = 1.5, effectiveness = 0.2 }
