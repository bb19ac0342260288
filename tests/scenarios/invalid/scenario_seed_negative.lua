-- expect: tests/scenarios/invalid/scenario_seed_negative.lua:2: scenario: seed must be a whole number in [0, 9223372036854775807]
scenario { seed = -1 }
