-- due_diligence_france_2017.lua: the French duty of vigilance.
--
-- Question: loi n° 2017-399 du 27 mars 2017 relative au devoir de
-- vigilance (Code de commerce L.225-102-4 and L.225-102-5) obliges
-- companies with at least 5,000 employees in France (subsidiaries
-- included), or at least 10,000 in France and abroad, to publish and
-- implement a vigilance plan covering their subsidiaries, subcontractors
-- and suppliers. What does such a duty do to child and forced labour
-- linked to French final demand?
--
-- Sources: ../shared/data/facts/policy_levers.csv (thresholds CONFIRMED;
-- in force 28 March 2017, plans from the first financial year after
-- publication).
--
-- Caveats:
-- * The law applies since 2017, before the 2020 baselines, which already
--   contain whatever it achieved by then. The run starts in 2020, so the
--   scenario switches the law on in 2020: it measures the law against a
--   France without it, from 2020 on, not its effect since 2017.
-- * Plans cover "established commercial relationships", mostly the first
--   tiers: coverage uniform(0.2, 0.5) of supply chains is an assumption.
-- * The share of French imports bought by groups above the thresholds is
--   not in the facts: firm_share uniform(0.3, 0.6) is an assumption.
-- * Effectiveness (the share of child and forced labour intensity removed
--   in covered chains) is poorly known: beta(2, 8), mean 0.2.
-- * "FRA" is an MRIO region code: the lever acts on French imports.
scenario {
    name = "France: devoir de vigilance (loi 2017-399)",
    description = "Due diligence by French groups of >= 5,000 employees in "
        .. "France or >= 10,000 worldwide, on from 2020.",
    years = {2020, 2030},
    draws = 500,
    seed = 87,
}

policy.due_diligence {
    importer = "FRA",
    from = 2020,
    coverage = uniform(0.2, 0.5),
    effectiveness = beta(2, 8),
    firm_share = uniform(0.3, 0.6),
}
