-- expect: tests/scenarios/invalid/school_months_over_12.lua:2: shock.school_closure: months must be in [0, 12] (got 14)
shock.school_closure { region = "*", year = 2020, months = 14 }
