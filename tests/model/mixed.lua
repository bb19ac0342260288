-- fixture: four levers, for the decomposition and the invariants
scenario { name = "mixed", years = {2020, 2026} }
shock.gdp { region = "*", [2021] = -4 }
shock.school_closure { region = "Sub-Saharan Africa", year = 2021, months = 6, mitigation = 0.3 }
policy.social_protection { region = "*", from = 2022, change = 0.2 }
trade.ban { importer = "EU27", goods = "forced_labour_risk", from = 2023 }
policy.due_diligence { importer = "FRA", from = 2022, coverage = 0.5, effectiveness = 0.4 }
