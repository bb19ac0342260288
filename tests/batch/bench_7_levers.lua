-- bench_7_levers.lua: bench_10_levers.lua without its three economy levers
-- (shock.demand, trade.tariff, trade.ban), for scripts/bench-run to show
-- what the MRIO re-solves cost.
scenario { name = "Benchmark: 7 levers, no trade", years = {2020, 2030}, draws = 1000, seed = 87 }

shock.gdp { region = "*", [2020] = normal(-6.6, 0.4), [2021] = 2.6 }
shock.school_closure { region = "*", year = 2020, months = triangular(2, 3.5, 6),
                       mitigation = beta(2, 5) }
shock.income { region = "Latin America and the Caribbean", year = 2020, loss = 0.15,
               affected = uniform(0.2, 0.4) }
policy.social_protection { region = "*", from = 2021, change = uniform(-0.15, -0.05),
                           phase_in = 2 }
policy.due_diligence { importer = "Europe and Central Asia", from = 2024,
                       coverage = uniform(0.2, 0.5), effectiveness = beta(2, 8) }
policy.family_farm_support { region = "Sub-Saharan Africa", from = 2023,
                             coverage = uniform(0.1, 0.3), effectiveness = 0.3 }
policy.enforcement { region = "*", from = 2022, detection = uniform(0.02, 0.08) }
