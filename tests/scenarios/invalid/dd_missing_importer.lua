-- expect: tests/scenarios/invalid/dd_missing_importer.lua:2: policy.due_diligence: missing required key 'importer'
policy.due_diligence { from = 2020, coverage = 0.3, effectiveness = 0.2 }
