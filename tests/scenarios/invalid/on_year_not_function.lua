-- expect: tests/scenarios/invalid/on_year_not_function.lua:2: bad argument #1 to 'on_year' (function expected, got number)
on_year(2025)
