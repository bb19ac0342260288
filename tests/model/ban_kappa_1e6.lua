-- fixture: an EU ban on the forced-labour risk list from 2021, half
-- diverted, with forced labour 1e6 times as dense in the listed goods
scenario { name = "ban, kappa 1e6", years = {2020, 2025} }
trade.ban { importer = "EU27", goods = "forced_labour_risk", from = 2021,
            effectiveness = 1, diversion = 0.5 }
param.set("risk_concentration", 1e6)
