-- covid_social_protection_slips.lua: Covid-19, and social protection for
-- children slips.
--
-- Question: the ILO-UNICEF (2021) downside scenario: the pandemic's shock,
-- and children's cash-benefit coverage falling below its current level
-- (austerity, failure to protect the vulnerable). The report projects
-- about 46 million more children in child labour by end-2022 (about 206
-- million; cl_covid_projections_2022.csv, CONFIRMED).
--
-- Sources: the GDP shock of covid_2020_2022.lua (scenarios/lib/covid.lua).
-- Coverage: 26.4 % of children received a child or family cash benefit in
-- 2020 (ILO World Social Protection Report 2020-22; scenarios/data/labour/
-- social_protection.csv). Coverage in LAC fell from about 51 % to 42 %
-- between 2016 and 2020 (ILO-UNICEF 2023), a relative fall of about 18 %.
--
-- Caveats: the size of the fall in the report's scenario is not published
-- (UNCONFIRMED): the relative fall here, uniform between 10 % and 30 % of
-- the baseline coverage, is an assumption to be calibrated against the
-- +46 million. It starts in 2021, once the 2020 emergency transfers end,
-- reaches its full size over two years, and is not reversed.
local covid = require "covid"

scenario {
    name = "Covid 2020-2022, social protection slips",
    description = "ILO-UNICEF (2021) downside: the Covid shock and a fall of "
        .. "children's cash-benefit coverage. Target: about +46 million by end-2022.",
    years = {2020, 2030},
    draws = 500,
    seed = 87,
}

covid.gdp_shock()
policy.social_protection {
    region = "*", from = 2021, change = uniform(-0.30, -0.10), phase_in = 2,
}
