-- Map.put: store a field and return its previous value (nil when there was none), in one round trip.
-- KEYS[1] the hash; ARGV[1] the encoded map key (field); ARGV[2] the encoded value.
local old = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return old
