-- A map created with initial data: refuse (return 0) if the key already exists, as Python pottery's
-- KeyExistsError does, else store every field (return 1). One round trip, atomic.
-- KEYS[1] the hash; ARGV field1, value1, field2, value2, ...
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
-- unpack() is limited by Lua's C stack, so write in slices.
local step = 1000
for i = 1, #ARGV, step do
  redis.call('HSET', KEYS[1], unpack(ARGV, i, math.min(i + step - 1, #ARGV)))
end
return 1
