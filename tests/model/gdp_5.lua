-- fixture: a GDP fall of 5 points in 2021 everywhere
scenario { name = "gdp -5", years = {2020, 2025} }
shock.gdp { region = "*", [2021] = -5 }
