-- a scenario saved by a Windows editor: a UTF-8 BOM and CRLF line ends
scenario { name = "bom crlf", years = {2020, 2025} }
shock.gdp { region = "Sub-Saharan Africa", [2020] = -3.0, [2021] = -1.5 }
policy.social_protection { region = "*", from = 2022, coverage = "+10%" }
