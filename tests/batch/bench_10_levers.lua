-- bench_10_levers.lua: the benchmark scenario of scripts/bench-run (issues 5
-- and 6): ten lever calls, 11 years, 1,000 draws, with region names that
-- exist in every world (labour regions and "*"), so that it runs on the
-- built-in world and on WIOD 2011 alike. Illustrative, not a policy
-- question. The three economy levers (demand, tariff, ban) have fixed
-- parameters, so each year's economy is solved once and cached across
-- draws; bench_7_levers.lua is the same without them.
scenario { name = "Benchmark: 10 levers", years = {2020, 2030}, draws = 1000, seed = 87 }

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
shock.demand { region = "Europe and Central Asia", sector = "industry", year = 2020,
               change = -0.12 }
trade.tariff { importer = "Americas", origin = "Asia and the Pacific", sector = "industry",
               from = 2022, rate = 0.25 }
trade.ban { importer = "Europe and Central Asia", origin = "Africa", sector = "agriculture",
            from = 2027, effectiveness = 0.8 }
