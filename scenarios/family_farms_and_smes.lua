-- family_farms_and_smes.lua: support to family farms and small firms.
--
-- Question: 70 % of child labour is in agriculture (112 million children
-- in 2020, ILO-UNICEF 2021), mostly in family farms, and much of the rest
-- in small informal firms. What if programmes that raise family farms'
-- incomes and productivity, and help small firms formalise, reach a part
-- of them in the two regions with the most child labour, Sub-Saharan
-- Africa and Central and Southern Asia?
--
-- Sources: child labour by sector and region: scenarios/data/labour/
-- (ILO-UNICEF 2021). The evidence that household income and credit buffer
-- child labour (Beegle, Dehejia and Gatti 2006; Edmonds 2005) is in
-- ../shared/data/facts/cl_elasticities.csv.
--
-- Caveats: reach (coverage), effectiveness and phasing are assumptions
-- of a what-if, not an evaluated programme; effects on the opportunity
-- cost of children's time (which can raise child work when farms grow,
-- Kruger 2007) are the model's, not this file's.
scenario {
    name = "Family farms and SMEs",
    description = "Support to family farms (agriculture) and formalisation of "
        .. "small firms in Sub-Saharan Africa and Central and Southern Asia, from 2022.",
    years = {2020, 2030},
    draws = 500,
    seed = 87,
}

for _, region in ipairs({"Sub-Saharan Africa", "Central and Southern Asia"}) do
    policy.family_farm_support {
        region = region, from = 2022, phase_in = 3,
        coverage = uniform(0.10, 0.30), effectiveness = uniform(0.10, 0.30),
    }
    policy.formalisation {
        region = region, sector = "industry", from = 2022, phase_in = 5,
        coverage = uniform(0.05, 0.15), effectiveness = uniform(0.30, 0.60),
    }
    policy.formalisation {
        region = region, sector = "services", from = 2022, phase_in = 5,
        coverage = uniform(0.05, 0.15), effectiveness = uniform(0.30, 0.60),
    }
end
