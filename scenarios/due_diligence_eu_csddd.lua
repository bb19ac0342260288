-- due_diligence_eu_csddd.lua: the EU Corporate Sustainability Due
-- Diligence Directive, phased in.
--
-- Question: Directive (EU) 2024/1760 obliges large companies to carry out
-- risk-based human-rights due diligence over their "chain of activities".
-- It applies in three phases by company size. What does it do to child
-- and forced labour linked to EU final demand, phase by phase?
--
-- Sources (../shared/data/facts/policy_levers.csv, gsc_forced_labour_
-- facts.md): OJ 5 Jul 2024, in force 25 Jul 2024. Original phases: 26 Jul
-- 2027 (> 5,000 employees and > EUR 1.5 bn turnover), 2028 (> 3,000 and >
-- EUR 900 m), 2029 (> 1,000 and > EUR 450 m). The "Stop-the-clock"
-- Directive (EU) 2025/794 delays the first phase by one year, to 2028.
--
-- Caveats:
-- * Further Omnibus I changes to scope and dates were still being
--   negotiated: UNCONFIRMED. The phases here follow 2025/794.
-- * At annual resolution a phase applying from July of year Y starts in
--   Y + 1, its first full year: phases 1 and 2 from 2029, phase 3 from
--   2030.
-- * The share of EU imports bought by each size band is not in the facts:
--   the firm_share of each phase (uniform ranges below) is an assumption;
--   the three phases add up. Non-EU companies with EU turnover above
--   EUR 450 m are also in scope and are not modelled separately.
-- * Coverage of the chain of activities (beyond tier 1) uniform(0.4, 0.7)
--   and effectiveness beta(2, 6) (mean 0.25) are assumptions.
-- * "EU27" is a group of the world (FRA + EU26 in the stylised world).
scenario {
    name = "EU CSDDD (Directive (EU) 2024/1760), phased",
    description = "Due diligence by EU companies in three phases by size, "
        .. "as delayed by Directive (EU) 2025/794.",
    years = {2020, 2035},
    draws = 500,
    seed = 87,
}

local phases = {
    -- first full year, share of EU imports bought by the size band
    {2029, uniform(0.20, 0.40)},   -- > 5,000 employees, > EUR 1.5 bn
    {2029, uniform(0.05, 0.10)},   -- > 3,000 employees, > EUR 900 m
    {2030, uniform(0.05, 0.15)},   -- > 1,000 employees, > EUR 450 m
}

for _, p in ipairs(phases) do
    policy.due_diligence {
        importer = "EU27",
        from = p[1],
        coverage = uniform(0.4, 0.7),
        effectiveness = beta(2, 6),
        firm_share = p[2],
    }
end
