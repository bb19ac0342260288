-- fixture: a GDP fall of 2 points in 2021 everywhere
scenario { name = "gdp -2", years = {2020, 2025} }
shock.gdp { region = "*", [2021] = -2 }
