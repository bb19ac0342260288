-- covid_2020_2022.lua: Covid-19 and child labour, no mitigation.
--
-- Question: the ILO-UNICEF projection of June 2021 ("Child Labour: Global
-- estimates 2020, trends and the road forward"): if the pandemic's rise in
-- poverty materialises and nothing is done to mitigate it, how much does
-- child labour rise by the end of 2022? The report's answer is +8.9
-- million (168.9 million, from 160.0 million at the start of 2020;
-- ../shared/data/facts/cl_covid_projections_2022.csv, CONFIRMED): this
-- scenario is the engine's attempt at that number, and a calibration
-- target of the model (DESIGN.md 4.2).
--
-- Sources: the GDP shock is the gap between the IMF's pre-pandemic
-- projection and its April 2021 estimate of world growth (see
-- scenarios/lib/covid.lua): -6.6 pp in 2020, +2.6 pp in 2021.
--
-- Caveats:
-- * The shock is world-level, the same in every region: growth by region
--   for 2020-2021 is not in the project's facts. ILO-UNICEF fed country
--   poverty projections; their method and elasticities are UNCONFIRMED
--   (child_labour_facts.md 4.2).
-- * The channel is GDP -> poverty -> child labour. An analyst who has
--   poverty projections can use shock.poverty instead (the World Bank's
--   88-115 million more extreme poor in 2020, about 1.1-1.5 pp of world
--   population), but not both: the two would count the same poverty twice.
-- * School closures are left out, as in the report's baseline projection;
--   school_closures.lua adds them.
local covid = require "covid"

scenario {
    name = "Covid 2020-2022, no mitigation",
    description = "ILO-UNICEF (2021) no-mitigation projection: the pandemic's "
        .. "GDP shock, nothing else. Target: +8.9 million by end-2022.",
    years = {2020, 2030},
    draws = 500,
    seed = 87,
}

covid.gdp_shock()
