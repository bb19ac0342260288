-- school_closures.lua: Covid-19 school closures, by region.
--
-- Question: how much child labour do the 2020-21 school closures add on
-- their own (no GDP shock), given how long schools were shut in each
-- region and how much remote teaching kept children learning?
--
-- Sources (scenarios/data/labour/school_closures.csv, from
-- ../shared/data/facts/school_closures_2020_2021.csv; the regional proxies
-- are those of scenarios/data/labour/macro_proxies.csv):
-- * UNESCO (25 Jan 2021), full closures March 2020 - January 2021, in
--   weeks: world 14, Latin America and the Caribbean 20, Europe 10,
--   Oceania about 4 ("about 1 month").
-- * UNICEF (March 2021), full closures 11 March 2020 - 2 February 2021, in
--   instruction days: world 95, Latin America and the Caribbean 158, South
--   Asia 146, Eastern and Southern Africa 101.
-- Months of schooling lost: weeks x 12/52, or instruction days / 21.7
-- (5 instruction days a week). Where both sources give a region, the
-- months are uniform between the two readings.
--
-- Caveats:
-- * The closures ran from March 2020 into early 2021; at annual
--   resolution they are all put in 2020.
-- * Proxies (macro_proxies.csv): Sub-Saharan Africa takes Eastern and
--   Southern Africa; Northern Africa and Western Asia and Eastern and
--   South-Eastern Asia take the world average (no regional figure);
--   Central and Southern Asia takes South Asia; Europe and Northern
--   America takes UNESCO's Europe.
-- * Mitigation (the share of learning kept up by remote teaching) is not
--   in the facts: uniform(0, 0.5) is an assumption.
-- * The list below is an array, not a table keyed by region: pairs() would
--   visit the regions in a different order on every run.
scenario {
    name = "Covid school closures",
    description = "Months of full school closure in 2020 by SDG region "
        .. "(UNESCO 2021, UNICEF 2021), no GDP shock.",
    years = {2020, 2030},
    draws = 500,
    seed = 87,
}

local closures = {
    -- region,                          months of instruction lost in 2020
    {"Sub-Saharan Africa",               101 / 21.7},              -- UNICEF E&S Africa
    {"Northern Africa and Western Asia", uniform(14 * 12 / 52, 95 / 21.7)}, -- world
    {"Central and Southern Asia",        146 / 21.7},              -- UNICEF South Asia
    {"Eastern and South-Eastern Asia",   uniform(14 * 12 / 52, 95 / 21.7)}, -- world
    {"Latin America and the Caribbean",  uniform(20 * 12 / 52, 158 / 21.7)},
    {"Europe and Northern America",      10 * 12 / 52},            -- UNESCO Europe
    {"Oceania",                          4 * 12 / 52},             -- UNESCO Oceania
}

for _, c in ipairs(closures) do
    shock.school_closure { region = c[1], year = 2020, months = c[2],
                           mitigation = uniform(0, 0.5) }
end
