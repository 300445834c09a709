-- Map.remove(key): delete a field and return the value it had (nil when absent).
-- KEYS[1] the hash; ARGV[1] the field.
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old then
  redis.call('HDEL', KEYS[1], ARGV[1])
end
return old
