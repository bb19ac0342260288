-- expect: tests/scenarios/invalid/global_assignment.lua:2: assignment to undeclared global 'shocks' (declare it with 'local shocks')
shocks = {}
