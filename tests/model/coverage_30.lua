-- fixture: children's cash-benefit coverage falls by 30 % from 2021
scenario { name = "coverage -30", years = {2020, 2025} }
policy.social_protection { region = "*", from = 2021, change = -0.30 }
