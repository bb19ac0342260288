-- expect: tests/scenarios/invalid/dd_firm_share.lua:2: policy.due_diligence: firm_share must be a share in [0, 1] (got 2)
policy.due_diligence { importer = "FRA", from = 2020, coverage = 0.3, effectiveness = 0.2, firm_share = 2 }
