-- fixture: children's cash-benefit coverage falls by 10 % from 2021
scenario { name = "coverage -10", years = {2020, 2025} }
policy.social_protection { region = "*", from = 2021, change = -0.10 }
