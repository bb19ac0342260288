-- expect: tests/scenarios/invalid/school_months_dist.lua:2: shock.school_closure: months: uniform(6, 15) goes outside [0, 12]
shock.school_closure { region = "*", year = 2020, months = uniform(6, 15) }
