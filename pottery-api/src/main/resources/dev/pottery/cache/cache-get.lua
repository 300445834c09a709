-- A memoizer lookup: HGET field ARGV[1] of the cache hash KEYS[1]; when ARGV[2] (milliseconds) is
-- positive (not '0': the client sends a whole number of 0 or more, compared as text so that no number
-- passes through a Lua double), slide the expiry of the whole cache forward, as pottery's redis_cache
-- does on every call.
local value = redis.call('HGET', KEYS[1], ARGV[1])
if ARGV[2] ~= '0' then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return value
