-- expect: tests/scenarios/invalid/school_two_by_year.lua:2: shock.school_closure: only one key can be given by year in one call (mitigation and months); split the call
shock.school_closure { region = "*", [2020] = 5, mitigation = {[2020] = 0.3} }
