-- expect: tests/scenarios/invalid/scenario_name_type.lua:2: scenario: name must be a string (got number)
scenario { name = 42 }
