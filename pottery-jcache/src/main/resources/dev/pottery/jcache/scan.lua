-- One step of iterating a JCache cache: HSCAN from a cursor, skipping expired entries (the sweep or the next
-- operation on them reclaims them and raises their EXPIRED events, as for entries nobody iterates).
--
-- KEYS[1] data hash, KEYS[2] expiry zset
-- ARGV[1] cursor, ARGV[2] COUNT hint, ARGV[3] access ms applied to every live entry returned
--         (-2 leaves expiry unchanged; the client then applies its policy itself)
--
-- Reply: {next cursor, {key, value, ...} live entries}
local data, exp = KEYS[1], KEYS[2]
local accessMs = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local step = redis.call('HSCAN', data, ARGV[1], 'COUNT', ARGV[2])
local pairs_ = step[2]
local live = {}
for i = 1, #pairs_, 2 do
  local key, value = pairs_[i], pairs_[i + 1]
  local at = redis.call('ZSCORE', exp, key)
  if not at or tonumber(at) > now then
    if accessMs >= 0 then
      redis.call('ZADD', exp, now + accessMs, key)
    elseif accessMs == -1 then
      redis.call('ZREM', exp, key)
    end
    live[#live + 1] = key
    live[#live + 1] = value
  end
end
return {step[1], live}
