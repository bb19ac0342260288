-- require must not read an absolute path.
local x = require '/etc/passwd'
