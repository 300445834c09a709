-- List.retainAll: keep only elements among ARGV, in order, atomically; returns how many were removed.
-- KEYS[1] the list; ARGV the encoded elements to keep.
local key = KEYS[1]
local keep = {}
for _, element in ipairs(ARGV) do
  keep[element] = true
end
local all = redis.call('LRANGE', key, 0, -1)
local kept = {}
for _, element in ipairs(all) do
  if keep[element] then
    kept[#kept + 1] = element
  end
end
if #kept == #all then
  return 0
end
redis.call('DEL', key)
local step = 1000
for i = 1, #kept, step do
  redis.call('RPUSH', key, unpack(kept, i, math.min(i + step - 1, #kept)))
end
return #all - #kept
