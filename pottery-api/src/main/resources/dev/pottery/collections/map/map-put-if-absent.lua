-- ConcurrentMap.putIfAbsent: store the value only if the field is absent; return the existing value,
-- or nil when this call stored it. (HSETNX alone cannot say what the existing value is.)
-- KEYS[1] the hash; ARGV[1] the field; ARGV[2] the value.
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old then
  return old
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return false
