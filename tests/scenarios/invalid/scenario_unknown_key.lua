-- expect: tests/scenarios/invalid/scenario_unknown_key.lua:2: scenario: unknown key 'nmae' (did you mean 'name'?)
scenario { nmae = "x" }
