-- List.removeAll: remove every occurrence of each ARGV element, atomically; returns how many went.
-- KEYS[1] the list; ARGV the encoded elements.
local removed = 0
for _, element in ipairs(ARGV) do
  removed = removed + redis.call('LREM', KEYS[1], 0, element)
end
return removed
