-- expect: tests/scenarios/invalid/library_readonly.lua:2: the shock library is read-only
shock.gdp = nil
