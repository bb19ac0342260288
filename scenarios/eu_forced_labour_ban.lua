-- eu_forced_labour_ban.lua: the EU ban on products made with forced labour.
--
-- Question: Regulation (EU) 2024/3015 prohibits placing on the EU market,
-- making available, and exporting products made with forced labour
-- (ILO C29 definition, forced child labour included), EU-made or
-- imported, components included. What does it do to forced labour (and
-- child labour) linked to EU demand, and how much leaks to other markets?
--
-- Sources (../shared/data/facts/policy_levers.csv and
-- gsc_forced_labour_facts.md): adopted 27 Nov 2024, OJ 12 Dec 2024, in
-- force 13 Dec 2024, applies from 14 Dec 2027; all operators of any size,
-- all products. Enforcement is by risk-based investigations (Commission
-- database of risk areas and products by 14 Jun 2026).
--
-- Caveats:
-- * The engine runs by calendar year: a rule applying from 14 December
--   2027 is modelled from 2028, its first full year.
-- * The ban acts on products: trade.ban with the named risk list
--   "forced_labour_risk" (the model's list of flagged country x product
--   cells), upstream content included (components), EU exports of them
--   too. "EU27" is a group of the world (scenarios/worlds/stylised/
--   groups.csv: FRA + EU26).
-- * How much of the flagged trade investigations actually stop, and how
--   much of it is sold elsewhere instead, are not known: effectiveness
--   uniform(0.3, 0.8) and diversion uniform(0.3, 0.7) are assumptions
--   (gsc_forced_labour_facts.md asks for diversion to be explicit).
scenario {
    name = "EU forced labour ban (Regulation (EU) 2024/3015)",
    description = "Ban on products made with forced labour on the EU market "
        .. "and in EU exports, from 2028 (applies from 14 Dec 2027).",
    years = {2020, 2035},
    draws = 500,
    seed = 87,
}

trade.ban {
    importer = "EU27",
    goods = "forced_labour_risk",
    from = 2028,
    effectiveness = uniform(0.3, 0.8),
    diversion = uniform(0.3, 0.7),
    exports = true,
    upstream = true,
}

-- How much denser forced labour is in the listed goods than in the rest of
-- their cell (docs/MODEL.md, "Bans on lists of goods"): no published
-- estimate, so a wide range (UNCONFIRMED assumption). With 1 (the model's
-- default) the ban acts only through the flagged cells' output.
param.set("risk_concentration", uniform(1, 20))
