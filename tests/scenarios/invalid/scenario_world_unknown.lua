-- expect: tests/scenarios/invalid/scenario_world_unknown.lua:2: scenario: unknown world 'stylized' (did you mean 'stylised'?)
scenario { world = "stylized" }
