-- expect: tests/scenarios/invalid/dd_unknown_importer.lua:2: policy.due_diligence: unknown region 'France' (`vigil world` lists the regions; '*' means all)
policy.due_diligence { importer = "France", from = 2020, coverage = 0.3, effectiveness = 0.2 }
