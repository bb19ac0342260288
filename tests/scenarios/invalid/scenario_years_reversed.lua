-- expect: tests/scenarios/invalid/scenario_years_reversed.lua:2: scenario: years = {2030, 2020}: the first year is after the last
scenario { years = {2030, 2020} }
