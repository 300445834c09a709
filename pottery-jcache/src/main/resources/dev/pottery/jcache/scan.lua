-- One step of iterating a JCache cache: HSCAN from a cursor, skipping (and deleting) expired entries.
--
-- KEYS[1] data hash, KEYS[2] expiry zset, KEYS[3] subscribers hash (as in entry.lua)
-- ARGV[1] cursor, ARGV[2] COUNT hint, ARGV[3] access ms applied to every live entry returned
--         (-2 leaves expiry unchanged; the client then applies its policy itself)
-- ARGV[4] the event channel, ARGV[5] the caller's id
--
-- Reply: {next cursor, {key, value, ...} live entries, {key, value, ...} expired entries deleted}
local data, exp = KEYS[1], KEYS[2]
local accessMs = tonumber(ARGV[3])
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

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local step = redis.call('HSCAN', data, ARGV[1], 'COUNT', ARGV[2])
local pairs_ = step[2]
local live, expired = {}, {}
for i = 1, #pairs_, 2 do
  local key, value = pairs_[i], pairs_[i + 1]
  local at = redis.call('ZSCORE', exp, key)
  if at and tonumber(at) <= now then
    redis.call('HDEL', data, key)
    redis.call('ZREM', exp, key)
    publish('expired', key, value, value)
    expired[#expired + 1] = key
    expired[#expired + 1] = value
  else
    if accessMs >= 0 then
      redis.call('ZADD', exp, now + accessMs, key)
    elseif accessMs == -1 then
      redis.call('ZREM', exp, key)
    end
    live[#live + 1] = key
    live[#live + 1] = value
  end
end
return {step[1], live, expired}
