-- expect: tests/scenarios/invalid/school_months_by_year.lua:2: shock.school_closure: months for 2021 must be in [0, 12] (got 13)
shock.school_closure { region = "*", months = {[2020] = 5, [2021] = 13} }
