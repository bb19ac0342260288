-- expect: tests/scenarios/invalid/scenario_world_path.lua:2: scenario: world '../../etc' must be the name of a folder of scenarios/worlds (letters, digits, '_', '-'); give other worlds with --world DIR
scenario { world = "../../etc" }
