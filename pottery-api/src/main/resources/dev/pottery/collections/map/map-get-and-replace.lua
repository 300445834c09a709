-- ConcurrentMap.replace(key, value): overwrite the field only if it exists; return the old value or nil.
-- KEYS[1] the hash; ARGV[1] the field; ARGV[2] the new value.
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
return old
