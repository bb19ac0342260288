-- expect: tests/scenarios/invalid/param_infinite.lua:2: param.set: alpha must be a finite number
param.set("alpha", 1/0)
