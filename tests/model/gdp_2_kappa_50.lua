-- fixture: gdp_2.lua with risk_concentration 50, which no ban uses
scenario { name = "gdp -2", years = {2020, 2025} }
shock.gdp { region = "*", [2021] = -2 }
param.set("risk_concentration", 50)
