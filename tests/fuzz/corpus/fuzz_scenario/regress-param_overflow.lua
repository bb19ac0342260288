-- vigil run tests/fuzz/pending/scenario-param_overflow.lua --jobs 1
-- A finite but absurd coefficient: the projection overflows, summary.csv
-- gets inf and NaN (printed as '-'), and the run then fails reading its own
-- summary.csv back, leaving four of its five files in --out.
param.set("cl_trend", 1e308)
