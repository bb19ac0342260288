-- require loads from lib_dir once and caches the module.
local helper = require 'helper'
assert(helper.double(21) == 42)
assert(require 'helper' == helper, "require does not cache")
