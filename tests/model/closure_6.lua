-- fixture: schools closed 6 months in 2021, unmitigated
scenario { name = "closure 6", years = {2020, 2025} }
shock.school_closure { region = "*", year = 2021, months = 6, mitigation = 0 }
