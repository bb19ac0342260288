-- expect: tests/scenarios/invalid/scenario_twice.lua:3: scenario: scenario { ... } is already given (line 2)
scenario { name = "a" }
scenario { name = "b" }
