-- One valid use of every lever (tests/unit/test_scenario.c checks the
-- instructions one by one; the order below is the order of the list).
local helper = require "helper"

scenario {
    name = "All levers",
    description = "Every lever once.",
    years = {2020, 2030},
    draws = 50,
    seed = 1234,
}

shock.gdp { region = "Sub-Saharan Africa", [2021] = 3.7, [2020] = -2.0 }
shock.income { region = "IND", year = 2020, loss = 0.2, affected = 0.3 }
shock.school_closure { region = "*", year = 2020, months = 5, mitigation = uniform(0.1, 0.4) }
shock.demand { region = "EU27", sector = "agriculture", origin = "SSA", from = 2020, to = 2021, change = -0.1 }
shock.poverty { region = "Latin America and the Caribbean", from = 2020, change = normal(1.2, 0.3) }
policy.social_protection { region = "*", from = 2021, coverage = "-10%", phase_in = 3 }
policy.social_protection { region = "Africa", from = 2022, to = 2025, coverage = 0.4 }
policy.due_diligence { importer = "FRA", from = 2020, coverage = 0.3, effectiveness = normal(0.2, 0.05) }
policy.family_farm_support { region = "SSA", from = 2022, coverage = 0.2, effectiveness = triangular(0.1, 0.2, 0.4) }
policy.formalisation { region = "IND", sector = "ind", from = 2023, coverage = 0.1, effectiveness = 0.5, phase_in = 5 }
policy.enforcement { region = "Asia and the Pacific", from = 2022, detection = 0.15, prosecution = beta(2, 5) }
policy.victim_identification { region = "Arab States", from = 2024, identified = 0.3, trained = 0.5 }
trade.tariff { importer = "NAM", origin = "CHN", sector = "industry", from = 2021, rate = 0.25, elasticity = lognormal(1.0, 0.2) }
trade.ban { importer = "EU27", goods = "forced_labour_risk", from = 2028, exports = true }
param.set("poverty_elasticity", normal(0.7, 0.1))
helper.gdp_for({"LAC", "NAWA"}, {-1.5, 1.0})

on_year(function(year, state)
    if year == 2025 and state.child_labour["Sub-Saharan Africa"] > 90e6 then
        policy.social_protection { region = "Sub-Saharan Africa", from = year + 1, coverage = "+20%" }
    end
end)
