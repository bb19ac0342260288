-- bad_region.lua: fails when loaded (an unknown region), for the test of a
-- batch with a broken scenario.
scenario { name = "Bad region" }
shock.gdp { region = "Atlantis", year = 2020, growth = -2 }
