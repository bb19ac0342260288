-- expect: tests/scenarios/invalid/formal_effectiveness.lua:2: policy.formalisation: effectiveness must be a share in [0, 1] (got 1.5)
policy.formalisation { region = "IND", from = 2022, coverage = 0.1, effectiveness = 1.5 }
