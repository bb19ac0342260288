-- Tries to swallow the instruction-limit error with pcall.
while true do
  pcall(function() while true do end end)
end
