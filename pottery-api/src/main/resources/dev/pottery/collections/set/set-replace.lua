-- Replaces a set's contents with ARGV (an empty ARGV leaves no key), atomically; returns the new size.
-- Used to store set algebra computed client-side into a destination key.
-- KEYS[1] the destination set; ARGV the encoded members.
redis.call('DEL', KEYS[1])
local step = 1000
for i = 1, #ARGV, step do
  redis.call('SADD', KEYS[1], unpack(ARGV, i, math.min(i + step - 1, #ARGV)))
end
return redis.call('SCARD', KEYS[1])
