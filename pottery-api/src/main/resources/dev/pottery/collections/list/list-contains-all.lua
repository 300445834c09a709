-- List.containsAll: 1 if every ARGV element occurs in the list, else 0; one pass over the list.
-- KEYS[1] the list; ARGV the encoded elements.
local present = {}
for _, element in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  present[element] = true
end
for _, element in ipairs(ARGV) do
  if not present[element] then
    return 0
  end
end
return 1
