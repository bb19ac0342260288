-- expect: tests/scenarios/invalid/school_months_negative.lua:2: shock.school_closure: months must be in [0, 12] (got -1)
shock.school_closure { region = "*", year = 2020, months = -1 }
