-- baseline.lua: the reference projection, with no shock and no policy.
--
-- Question: where do child labour and forced labour go from their
-- published baselines (160 million children in child labour at the start
-- of 2020, ILO-UNICEF 2021; 27.6 million people in forced labour in 2021,
-- ILO-Walk Free-IOM 2022) if nothing changes, and how far is that from
-- SDG target 8.7 (end child labour by 2025)?
--
-- Sources: the world's baselines (scenarios/data/labour/, docs/DATA.md)
-- and the model's default coefficients (docs/MODEL.md).
--
-- Caveats: the baseline carries the model's trend assumptions only; every
-- other scenario is read as a difference from this one.
scenario {
    name = "Baseline",
    description = "No shock, no policy: the reference projection to 2030.",
    years = {2020, 2030},
    draws = 200,
    seed = 87,
}
