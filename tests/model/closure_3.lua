-- fixture: schools closed 3 months in 2021, unmitigated
scenario { name = "closure 3", years = {2020, 2025} }
shock.school_closure { region = "*", year = 2021, months = 3, mitigation = 0 }
