-- expect: tests/scenarios/invalid/school_mitigation_share.lua:2: shock.school_closure: mitigation must be a share in [0, 1] (got 1.2)
shock.school_closure { region = "*", year = 2020, months = 5, mitigation = 1.2 }
