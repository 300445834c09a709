-- Background reclaim of expired JCache entries: deletes up to ARGV[1] entries whose time has come.
--
-- KEYS[1] data hash, KEYS[2] expiry zset, KEYS[3] subscribers hash (as in entry.lua)
-- ARGV[2] the event channel, ARGV[3] the caller's id
-- Reply: {key, value, ...} of the entries deleted, so that the client can raise EXPIRED events.
-- Each entry is deleted by exactly one caller, however many processes sweep at once.
local data, exp = KEYS[1], KEYS[2]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
-- Changes are published once each to listeners in other processes (see entry.lua).
local listening = redis.call('EXISTS', KEYS[3]) == 1
local function field(s)
  if not s then return '-1:' end
  return #s .. ':' .. s
end
local function publish(kind, k, v, old)
  if listening then
    redis.call('PUBLISH', ARGV[#ARGV - 1], field(ARGV[#ARGV]) .. field(kind) .. field(k) .. field(v) .. field(old))
  end
end
local due = redis.call('ZRANGEBYSCORE', exp, '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
local reply = {}
for _, key in ipairs(due) do
  local value = redis.call('HGET', data, key)
  redis.call('HDEL', data, key)
  redis.call('ZREM', exp, key)
  if value then
    publish('expired', key, value, value)
    reply[#reply + 1] = key
    reply[#reply + 1] = value
  end
end
return reply
