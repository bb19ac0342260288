-- finite parameters, but the draws would overflow: refused where written
scenario { name = "overflow", years = {2020, 2025}, draws = 100 }
policy.social_protection { region = "*", from = 2021, coverage = 0.4 }
param.set("cl_trend", lognormal(800, 1))
