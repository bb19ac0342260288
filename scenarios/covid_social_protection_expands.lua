-- covid_social_protection_expands.lua: Covid-19, and social protection for
-- children expands.
--
-- Question: the ILO-UNICEF (2021) upside scenario: the pandemic's shock,
-- met by wider cash-benefit coverage of children. The report's figure
-- (about 15 million fewer children in child labour than at the start of
-- 2020, i.e. about 145 million by end-2022) was NOT seen in any source
-- read (cl_covid_projections_2022.csv: UNCONFIRMED); check it against the
-- report before using it as a target.
--
-- Sources: the GDP shock of covid_2020_2022.lua (scenarios/lib/covid.lua);
-- baseline coverage 26.4 % of children in 2020 (ILO WSPR 2020-22).
--
-- Caveats: the size of the expansion in the report is not published
-- (UNCONFIRMED). Here coverage rises by a quarter of its baseline level
-- (from about 26 % to about 33 % of children worldwide), phased in over
-- 2021-2022. The relative change is written "+25%": see docs/SCENARIOS.md
-- for levels (coverage = 0.4) and uncertain changes (change = ...).
local covid = require "covid"

scenario {
    name = "Covid 2020-2022, social protection expands",
    description = "ILO-UNICEF (2021) upside: the Covid shock met by a wider "
        .. "cash-benefit coverage of children (+25 %, phased over two years).",
    years = {2020, 2030},
    draws = 500,
    seed = 87,
}

covid.gdp_shock()
policy.social_protection { region = "*", from = 2021, coverage = "+25%", phase_in = 2 }
