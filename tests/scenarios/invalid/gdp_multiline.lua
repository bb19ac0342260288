-- expect: tests/scenarios/invalid/gdp_multiline.lua:3: shock.gdp: unknown region 'Sub Saharan Africa' (did you mean 'Sub-Saharan Africa'?)
-- A call over several lines is placed at the line where it starts.
shock.gdp {
    region = "Sub Saharan Africa",
    [2020] = -2.0,
}
