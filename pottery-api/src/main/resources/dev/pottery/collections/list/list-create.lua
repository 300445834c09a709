-- A list created with initial elements: refuse (return 0) if the key already exists, as Python
-- pottery's KeyExistsError does, else append every element (return 1). One round trip, atomic.
-- KEYS[1] the list; ARGV the encoded elements.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local step = 1000
for i = 1, #ARGV, step do
  redis.call('RPUSH', KEYS[1], unpack(ARGV, i, math.min(i + step - 1, #ARGV)))
end
return 1
