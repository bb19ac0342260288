-- A scenario that names its world (loaded by the scenario when none is given).
scenario { name = "Named world", world = "stylised" }
shock.gdp { region = "EU27", year = 2020, growth = -1 }
