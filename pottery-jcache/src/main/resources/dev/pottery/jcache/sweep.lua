-- Background reclaim of expired JCache entries: deletes up to ARGV[1] entries whose time has come.
--
-- KEYS[1] data hash, KEYS[2] expiry zset (as in entry.lua)
-- Reply: {key, value, ...} of the entries deleted, so that the client can raise EXPIRED events.
-- Each entry is deleted by exactly one caller, however many processes sweep at once.
local data, exp = KEYS[1], KEYS[2]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', exp, '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
local reply = {}
for _, key in ipairs(due) do
  local value = redis.call('HGET', data, key)
  redis.call('HDEL', data, key)
  redis.call('ZREM', exp, key)
  if value then
    reply[#reply + 1] = key
    reply[#reply + 1] = value
  end
end
return reply
