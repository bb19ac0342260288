-- require must not leave lib_dir.
local x = require '../x'
