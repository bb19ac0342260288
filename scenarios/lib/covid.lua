-- scenarios/lib/covid.lua: the Covid-19 macro shock shared by the Covid
-- scenarios (covid_2020_2022.lua and its two social-protection variants).
--
-- The GDP shock is world-level: growth by region for 2020-2021 is not in
-- the project's facts (../shared/data/facts/macro_facts.md has nominal
-- US$ GDP only, which mixes prices and exchange rates with real growth).
-- It is the gap between the IMF's pre-pandemic projection and its later
-- estimate of world real GDP growth, in percentage points:
--   2020: projected +3.3 % (WEO Update, January 2020); estimated -3.3 %
--         (WEO, April 2021) -> -6.6 pp. The estimate moved between -4.4 %
--         (October 2020) and -3.3 %, so the shock is normal(-6.6, 0.4).
--   2021: projected +3.4 % (January 2020); projected +6.0 % (April 2021)
--         -> +2.6 pp (a partial rebound: the 2021 level stays about 4 %
--         below the pre-pandemic path).
-- Read in press relays of the IMF releases (stored public pages), not in
-- the shared facts: UNCONFIRMED against the WEO tables themselves.
local covid = {}

-- The GDP growth shock, every region alike ("*").
function covid.gdp_shock()
    shock.gdp { region = "*", [2020] = normal(-6.6, 0.4), [2021] = 2.6 }
end

return covid
