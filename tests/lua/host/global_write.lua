-- Assigns to a global without declaring it.
total = 0
